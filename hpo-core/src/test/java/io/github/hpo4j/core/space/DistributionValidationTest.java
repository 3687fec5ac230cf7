package io.github.hpo4j.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionValidationTest {

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void float_lowAboveHigh_namesParameterAndBothValues() {
        String m = message(() -> SearchSpace.builder().addFloat("lr", 0.1, 0.01, false));
        assertEquals("lr: low (0.1) must be <= high (0.01)", m);
    }

    @Test
    void float_logWithNonPositiveLow_isRejected() {
        assertEquals("lr: log needs low > 0 (low 0.0)", message(() -> SearchSpace.builder().addFloat("lr", 0.0, 1.0, true)));
    }

    @Test
    void float_logAndStep_areExclusive() {
        assertEquals("x: log and step are exclusive (step 0.1)",
                message(() -> ParamNames.named("x", () -> new FloatDistribution(0.1, 1, true, 0.1))));
    }

    @Test
    void float_nonPositiveStep_isRejected() {
        assertEquals("x: step (0.0) must be > 0", message(() -> SearchSpace.builder().addFloat("x", 0, 1, 0.0)));
        assertEquals("x: step (-1.0) must be > 0", message(() -> SearchSpace.builder().addFloat("x", 0, 1, -1.0)));
    }

    @Test
    void float_nonFiniteBound_isRejected() {
        assertEquals("x: high (Infinity) must be finite",
                message(() -> SearchSpace.builder().addFloat("x", 0, Double.POSITIVE_INFINITY, false)));
        assertEquals("x: low (NaN) must be finite", message(() -> SearchSpace.builder().addFloat("x", Double.NaN, 1, false)));
    }

    @Test
    void float_highOffGrid_isLoweredToLastGridPoint() {
        FloatDistribution d = FloatDistribution.stepped(0, 1, 0.3);
        assertEquals(0.9, d.high(), 1e-12);
        assertEquals(4, d.gridSize());
        assertTrue(d.containsInternal(0.6));
        assertFalse(d.containsInternal(0.5));
    }

    @Test
    void int_lowAboveHigh_namesParameterAndBothValues() {
        assertEquals("batch: low (64) must be <= high (16)", message(() -> SearchSpace.builder().addInt("batch", 64, 16)));
    }

    @Test
    void int_logWithNonPositiveLow_isRejected() {
        assertEquals("n: log needs low > 0 (low 0)", message(() -> SearchSpace.builder().addInt("n", 0, 10, true)));
    }

    @Test
    void int_logAndStep_areExclusive() {
        assertEquals("n: log and step are exclusive (step 2)",
                message(() -> ParamNames.named("n", () -> new IntDistribution(1, 9, true, 2))));
    }

    @Test
    void int_nonPositiveStep_isRejected() {
        assertEquals("n: step (0) must be > 0", message(() -> ParamNames.named("n", () -> IntDistribution.stepped(0, 9, 0))));
    }

    @Test
    void int_offGridValue_isNotContained() {
        IntDistribution d = IntDistribution.stepped(1, 10, 3);
        assertEquals(10, d.high());
        assertEquals(4, d.gridSize());
        assertTrue(d.containsInternal(7));
        assertFalse(d.containsInternal(8));
        assertFalse(d.containsInternal(7.5));
    }

    @Test
    void categorical_empty_isRejected() {
        assertEquals("opt: choices ([]) must be non-empty", message(() -> SearchSpace.builder().addCategorical("opt")));
    }

    @Test
    void categorical_repeatedChoice_isRejected() {
        assertEquals("opt: choices [adam, sgd, adam] must be distinct: adam repeats",
                message(() -> SearchSpace.builder().addCategorical("opt", "adam", "sgd", "adam")));
    }

    @Test
    void categorical_numbersEqualByValue_areRepeats() {
        assertEquals("k: choices [1, 1.0] must be distinct: 1.0 repeats",
                message(() -> SearchSpace.builder().addCategorical("k", 1, 1.0)));
    }

    @Test
    void categorical_unsupportedType_isRejected() {
        assertTrue(message(() -> new CategoricalDistribution(Arrays.asList("a", null))).contains("is not a string, number or boolean"));
        assertTrue(message(() -> new CategoricalDistribution(List.of("a", new Object()))).startsWith("choices: "));
    }

    @Test
    void categorical_internalIsIndex() {
        CategoricalDistribution d = CategoricalDistribution.of("adam", 3, true);
        assertEquals(1.0, d.toInternal(3L));
        assertEquals(true, d.toExternal(2));
        assertEquals(-1, d.indexOf("sgd"));
    }

    @Test
    void searchSpace_blankName_isRejected() {
        assertEquals("name ('  ') must not be blank", message(() -> SearchSpace.builder().addInt("  ", 0, 1)));
    }

    @Test
    void searchSpace_nameDeclaredTwice_isRejected() {
        assertEquals("x: declared twice", message(() -> SearchSpace.builder().addInt("x", 0, 1).addInt("x", 0, 1)));
    }

    @Test
    void searchSpace_unknownName_isRejected() {
        SearchSpace s = SearchSpace.builder().addInt("x", 0, 1).build();
        assertEquals("name: unknown parameter 'y' (known: [x])", message(() -> s.get("y")));
    }
}
