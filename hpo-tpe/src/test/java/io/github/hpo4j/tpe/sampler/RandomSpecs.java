package io.github.hpo4j.tpe.sampler;

import io.github.hpo4j.core.space.Distribution;
import java.util.List;
import java.util.SplittableRandom;

/** Test fixture: parameters drawn at random from a list of distributions. */
final class RandomSpecs {

    private RandomSpecs() {
    }

    /** @return d parameters, each of a distribution drawn uniformly from {@code kinds} */
    static ParamSpec[] draw(SplittableRandom r, int d, List<Distribution> kinds) {
        ParamSpec[] s = new ParamSpec[d];
        for (int j = 0; j < d; j++) {
            s[j] = new ParamSpec(kinds.get(r.nextInt(kinds.size())));
        }
        return s;
    }
}
