package io.github.hpo4j.search.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.SearchSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridSearchTest {

    private final SearchSpace space = SearchSpace.builder()
            .addFloat("lr", 1e-4, 1e-1, true)
            .addInt("layers", 1, 3)
            .addCategorical("opt", "adam", "sgd")
            .addFloat("dropout", 0.0, 0.5, 0.1)
            .build();

    @Test
    void fullGrid_sizeIsTheProduct_andOrderIsDeterministic() {
        GridSearch g = GridSearch.over(space).pointsPerNumeric(4);
        // lr 4 (log-spaced), layers 3 (all), opt 2, dropout 6 grid points > 4 -> 4 evenly spaced
        assertEquals(4 * 3 * 2 * 4, g.size());
        List<Map<String, Object>> all = g.generate();
        assertEquals(96, all.size());
        assertEquals(Map.of("lr", 1e-4, "layers", 1, "opt", "adam", "dropout", 0.0), all.get(0));
        assertEquals(0.2, all.get(1).get("dropout")); // the last parameter varies fastest: 0, 0.2, 0.3, 0.5
        assertEquals(1e-3, (Double) all.get(24).get("lr"), 1e-15);
        assertEquals(all, GridSearch.over(space).pointsPerNumeric(4).generate());
    }

    @Test
    void grid_overTheCap_failsWithTheSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridSearch.over(space).pointsPerNumeric(100).cap(1000).generate());
        assertEquals("grid: 3,600 configurations exceed the cap of 1,000 (fewer points or parameters, or raise cap())",
                e.getMessage());
    }

    @Test
    void aroundBaseline_exactRadiusValues_oneAtATime() {
        Map<String, Object> base = Map.of("lr", 0.01, "layers", 2, "opt", "adam", "dropout", 0.3);
        GridSearch g = GridSearch.around(space, base).radius(0.1).steps(2);
        Map<String, List<Object>> axes = g.axes();
        // 0.01 × (1 ± 0.05), (1 ± 0.1)
        List<Object> lr = axes.get("lr");
        assertEquals(5, lr.size());
        assertEquals(0.009, (Double) lr.get(0), 1e-15);
        assertEquals(0.0095, (Double) lr.get(1), 1e-15);
        assertEquals(0.01, (Double) lr.get(2), 1e-15);
        assertEquals(0.0105, (Double) lr.get(3), 1e-15);
        assertEquals(0.011, (Double) lr.get(4), 1e-15);
        // layers 2 × (0.9..1.1) snaps to 2 only; dropout 0.3 × (0.9..1.1) = 0.27..0.33 snaps to 0.3
        assertEquals(List.of(2), axes.get("layers"));
        assertEquals(List.of("adam", "sgd"), axes.get("opt"));
        assertEquals(1 + 4 + 0 + 1 + 0, g.size());
        List<Map<String, Object>> all = g.generate();
        assertEquals(6, all.size());
        assertEquals(base, all.get(0));
        assertTrue(all.stream().skip(1).allMatch(c -> !c.equals(base)));
    }

    @Test
    void aroundBaseline_clipsToBounds_andFullProduct() {
        SearchSpace s = SearchSpace.builder().addFloat("x", 0, 1, false).addInt("k", 10, 100).build();
        GridSearch g = GridSearch.around(s, Map.of("x", 1.0, "k", 50)).radius(0.2).steps(1)
                .mode(GridSearch.Mode.FULL_PRODUCT);
        assertEquals(List.of(0.8, 1.0), g.axes().get("x"));
        assertEquals(List.of(40, 50, 60), g.axes().get("k"));
        assertEquals(6, g.size());
        assertEquals(6, g.generate().size());
    }

    @Test
    void badArguments() {
        assertEquals("baseline: unknown parameter 'lrr' (known: [lr, layers, opt, dropout])",
                assertThrows(IllegalArgumentException.class,
                        () -> GridSearch.around(space, Map.of("lrr", 0.1))).getMessage());
        Map<String, Object> base = Map.of("lr", 0.01, "layers", 2, "opt", "adam", "dropout", 0.3);
        assertEquals("radius (0.0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> GridSearch.around(space, base).radius(0)).getMessage());
        assertEquals("steps (0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> GridSearch.around(space, base).steps(0)).getMessage());
    }
}
