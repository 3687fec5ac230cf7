package io.github.hpo4j.core.sampler;

/**
 * Supplies the sampler of a study built without one. hpo-core finds providers with
 * {@link java.util.ServiceLoader}: hpo-tpe registers one for its TPE sampler, so a study gets TPE
 * when hpo-tpe is on the class path and {@link RandomSampler} otherwise. Where several providers
 * are found, the highest {@link #priority()} wins.
 *
 * <pre>{@code
 * // META-INF/services/io.github.hpo4j.core.sampler.DefaultSamplerProvider
 * public final class MyProvider implements DefaultSamplerProvider {
 *     public Sampler create(long seed) { return new RandomSampler(seed); }
 *     public int priority() { return 10; }
 * }
 * }</pre>
 *
 * <p>Stability: evolving.
 */
public interface DefaultSamplerProvider {

    /**
     * @param seed the study's seed
     * @return a new sampler drawing from that seed
     */
    Sampler create(long seed);

    /** @return the provider's rank among several (higher wins); hpo-tpe's is 0 */
    default int priority() {
        return 0;
    }
}
