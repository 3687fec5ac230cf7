package io.github.hpo4j.metrics.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {

    @Test
    void ranksByPrecisionAtARecallFloor_leavesOutModelsBelowIt() {
        // a: at recall 1 precision 2/3; b: at recall 1 precision 1; c: never reaches recall 1 with any positive prediction
        ThresholdSweep a = ScoreTable.of(new double[] {0.9, 0.8, 0.7}, new int[] {1, 0, 1}).sweep();
        ThresholdSweep b = ScoreTable.of(new double[] {0.9, 0.8, 0.1}, new int[] {1, 1, 0}).sweep();
        ThresholdSweep c = ScoreTable.of(new double[] {0.9, 0.8}, new int[] {0, 0}).sweep();
        List<ModelSelection.Ranked> r = ModelSelection.byPrecisionAtRecall(Map.of("a", a, "b", b, "c", c), 1.0, 5);
        assertEquals(List.of("b", "a"), r.stream().map(ModelSelection.Ranked::model).toList());
        assertEquals(1.0, r.get(0).point().precision());
        List<ModelSelection.Ranked> top1 = ModelSelection.byRecallAtPrecision(Map.of("a", a, "b", b), 0.9, 1);
        assertEquals("b", top1.get(0).model());
        assertEquals(1.0, top1.get(0).point().recall());
    }
}
