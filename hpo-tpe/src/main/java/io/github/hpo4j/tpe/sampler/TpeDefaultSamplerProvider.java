package io.github.hpo4j.tpe.sampler;

import io.github.hpo4j.core.sampler.DefaultSamplerProvider;
import io.github.hpo4j.core.sampler.Sampler;

/**
 * Makes TPE the sampler of a study built without one, when hpo-tpe is on the class path: found by
 * hpo-core through {@link java.util.ServiceLoader}. Users do not call it.
 *
 * <pre>{@code
 * Study study = Study.builder().seed(42).minimize("loss").build(); // TpeSampler.builder().seed(42)
 * }</pre>
 *
 * <p>Stability: internal to the service mechanism; its behaviour is stable.
 */
public final class TpeDefaultSamplerProvider implements DefaultSamplerProvider {

    @Override
    public Sampler create(long seed) {
        return TpeSampler.builder().seed(seed).build();
    }
}
