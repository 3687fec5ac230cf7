package io.github.hpo4j.metrics.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegressionErrorsTest {

    @Test
    void rmseAndMae_byHand() {
        double[] y = {1, 2, 3};
        double[] p = {1, 2, 5};
        assertEquals(Math.sqrt(4.0 / 3), RegressionErrors.rmse(y, p), 1e-15);
        assertEquals(2.0 / 3, RegressionErrors.mae(y, p), 1e-15);
        // weights 1, 1, 2: squared errors 0, 0, 4 -> 8 / 4
        assertEquals(Math.sqrt(2), RegressionErrors.rmse(y, p, new double[] {1, 1, 2}), 1e-15);
        assertEquals(1.0, RegressionErrors.mae(y, p, new double[] {1, 1, 2}), 1e-15);
    }

    @Test
    void badInput_namesArgumentAndIndex() {
        assertEquals("predicted: length 1 differs from actual's 2", assertThrows(IllegalArgumentException.class,
                () -> RegressionErrors.rmse(new double[] {1, 2}, new double[] {1})).getMessage());
        assertEquals("predicted[1] is NaN: must be finite", assertThrows(IllegalArgumentException.class,
                () -> RegressionErrors.mae(new double[] {1, 2}, new double[] {1, Double.NaN})).getMessage());
        assertEquals("weights[0] is -1.0: must be finite and >= 0", assertThrows(IllegalArgumentException.class,
                () -> RegressionErrors.rmse(new double[] {1}, new double[] {1}, new double[] {-1})).getMessage());
        assertEquals("actual: empty input", assertThrows(IllegalArgumentException.class,
                () -> RegressionErrors.rmse(new double[0], new double[0])).getMessage());
    }
}
