package io.github.hpo4j.search.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.SearchSpace;
import io.github.hpo4j.core.study.Study;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomSearchTest {

    private static final SearchSpace CUBE = SearchSpace.builder()
            .addFloat("a", 0, 1, false).addFloat("b", 0, 1, false).addFloat("c", 0, 1, false).build();

    /** Star discrepancy estimate over a fixed set of anchored boxes: max |fraction inside − volume|. */
    private static double discrepancy(double[][] pts) {
        double worst = 0;
        int g = 8;
        for (int i = 1; i <= g; i++) {
            for (int j = 1; j <= g; j++) {
                for (int k = 1; k <= g; k++) {
                    double x = i / (double) g;
                    double y = j / (double) g;
                    double z = k / (double) g;
                    int in = 0;
                    for (double[] p : pts) {
                        if (p[0] < x && p[1] < y && p[2] < z) {
                            in++;
                        }
                    }
                    worst = Math.max(worst, Math.abs(in / (double) pts.length - x * y * z));
                }
            }
        }
        return worst;
    }

    @Test
    void sobol_isBetterSpreadThanRandom_onAverage() {
        double sobol = 0;
        double uniform = 0;
        double lhs = 0;
        int reps = 10;
        for (int s = 0; s < reps; s++) {
            sobol += discrepancy(RandomSearch.over(CUBE).method(RandomSearch.Method.SOBOL).seed(s).unitPoints(128));
            uniform += discrepancy(RandomSearch.over(CUBE).seed(s).unitPoints(128));
            lhs += discrepancy(RandomSearch.over(CUBE).method(RandomSearch.Method.LATIN_HYPERCUBE).seed(s).unitPoints(128));
        }
        assertTrue(sobol < uniform, "Sobol " + sobol / reps + " vs uniform " + uniform / reps);
        assertTrue(lhs < uniform, "LHS " + lhs / reps + " vs uniform " + uniform / reps);
    }

    @Test
    void latinHypercube_usesEveryStratumOnce() {
        double[][] u = RandomSearch.over(CUBE).method(RandomSearch.Method.LATIN_HYPERCUBE).seed(2).unitPoints(10);
        for (int j = 0; j < 3; j++) {
            boolean[] seen = new boolean[10];
            for (double[] p : u) {
                seen[(int) (p[j] * 10)] = true;
            }
            for (boolean b : seen) {
                assertTrue(b);
            }
        }
    }

    @Test
    void generate_isSeededAndRespectsDistributions() {
        SearchSpace s = SearchSpace.builder().addFloat("lr", 1e-5, 1e-1, true).addInt("k", 1, 4)
                .addCategorical("opt", "a", "b").addFloat("d", 0, 0.5, 0.1).build();
        List<Map<String, Object>> a = RandomSearch.over(s).seed(5).generate(50);
        assertEquals(a, RandomSearch.over(s).seed(5).generate(50));
        for (Map<String, Object> c : a) {
            s.distributions().forEach((n, d) -> assertTrue(d.containsInternal(d.toInternal(c.get(n)))));
        }
    }

    @Test
    void pointSampler_handsOutConfigurationsInOrder() {
        List<Map<String, Object>> pts = List.of(Map.of("x", 0.25), Map.of("x", 0.75));
        Study study = Study.builder().sampler(new PointSampler(pts, 1)).build();
        study.optimize(t -> t.suggestFloat("x", 0, 1), 3);
        assertEquals(List.of(0.25, 0.75, 0.25), study.trials().stream().map(t -> t.params().get("x")).toList());
    }
}
