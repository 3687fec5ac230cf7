package io.github.hpo4j.search.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.space.SearchSpace;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.study.Study;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BayesianSearchTest {

    @Test
    void constantLiarBatch_hasKDistinctConfigurations() {
        SearchSpace space = SearchSpace.builder().addFloat("x", -5, 5, false).addInt("k", 1, 10).build();
        Study past = Study.builder().sampler(new RandomSampler(1)).build();
        past.optimize(t -> {
            double x = t.suggestFloat("x", -5, 5);
            int k = t.suggestInt("k", 1, 10);
            return x * x + k;
        }, 40);
        List<Map<String, Object>> next = BayesianSearch.over(space, Objective.minimize("value"))
                .history(past.trials()).seed(3).propose(20);
        assertEquals(20, next.size());
        assertEquals(20, new HashSet<>(next).size());
        assertEquals(next, BayesianSearch.over(space, Objective.minimize("value")).history(past.trials()).seed(3).propose(20));
    }

    @Test
    void kNotPositive_orMoreThanTheSpaceHolds_isRejected() {
        SearchSpace tiny = SearchSpace.builder().addCategorical("c", "a", "b").build();
        assertEquals("k (0) must be > 0", assertThrows(IllegalArgumentException.class,
                () -> BayesianSearch.over(tiny, Objective.minimize("v")).propose(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BayesianSearch.over(tiny, Objective.minimize("v")).propose(3));
    }
}
