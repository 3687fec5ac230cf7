package io.github.hpo4j.search.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.study.Pruner;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialPrunedException;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import org.junit.jupiter.api.Test;

class PrunersTest {

    /**
     * Synthetic learning curves: loss(step) = floor + 1/(step + 1) where the floor depends on the
     * "quality" of the configuration; curve 0 is the good one (floor 0.1), the others 0.5 to 2.
     */
    private static double loss(int curve, int step) {
        double floor = curve == 0 ? 0.1 : 0.5 + 0.15 * curve;
        return floor + 1.0 / (step + 1);
    }

    private static Study run(Pruner pruner, int curves, int steps, boolean goodLast) {
        Study study = Study.builder().pruner(pruner).build();
        for (int c = 0; c < curves; c++) {
            int curve = goodLast ? (c == curves - 1 ? 0 : c + 1) : c;
            Trial t = study.ask();
            t.setUserAttr("curve", curve);
            boolean pruned = false;
            for (int s = 0; s < steps; s++) {
                t.report(s, loss(curve, s));
                if (t.shouldPrune()) {
                    study.tell(t, TrialState.PRUNED);
                    pruned = true;
                    break;
                }
            }
            if (!pruned) {
                study.tell(t, loss(curve, steps - 1));
            }
        }
        return study;
    }

    private static TrialRecord goodTrial(Study s) {
        return s.trials().stream().filter(t -> t.attributes().get("curve").equals(0)).findFirst().orElseThrow();
    }

    @Test
    void median_prunesBadCurves_keepsTheGoodOne() {
        Study s = run(PercentilePruner.median(), 12, 20, true);
        assertEquals(TrialState.COMPLETE, goodTrial(s).state());
        long pruned = s.trials(TrialState.PRUNED).size();
        assertTrue(pruned >= 4, "pruned " + pruned);
    }

    @Test
    void percentile25_prunesMore_thanMedian() {
        long median = run(PercentilePruner.median(), 12, 20, false).trials(TrialState.PRUNED).size();
        long p25 = run(new PercentilePruner(25, 3, 0, 1), 12, 20, false).trials(TrialState.PRUNED).size();
        assertTrue(p25 >= median, "p25 " + p25 + " vs median " + median);
    }

    @Test
    void successiveHalving_keepsTheGoodCurve_andStopsMostBadOnes() {
        Study s = run(new SuccessiveHalvingPruner(1, 3, 0), 15, 27, true);
        assertEquals(TrialState.COMPLETE, goodTrial(s).state());
        assertTrue(s.trials(TrialState.PRUNED).size() >= 7, "pruned " + s.trials(TrialState.PRUNED).size());
        // pruned trials keep their last value, as Optuna does
        for (TrialRecord t : s.trials(TrialState.PRUNED)) {
            assertEquals(t.lastIntermediateValue().getAsDouble(), t.value());
        }
    }

    @Test
    void hyperband_keepsTheGoodCurve() {
        HyperbandPruner hb = new HyperbandPruner(1, 27, 3);
        assertEquals(4, hb.bracketCount());
        Study s = run(hb, 24, 27, true);
        assertEquals(TrialState.COMPLETE, goodTrial(s).state());
        assertTrue(s.trials(TrialState.PRUNED).size() >= 5, "pruned " + s.trials(TrialState.PRUNED).size());
    }

    @Test
    void prunedException_inOptimize_isRecordedAsPruned() {
        Study s = Study.builder().pruner(PercentilePruner.median()).build();
        s.optimize(t -> {
            int curve = t.number() % 4;
            for (int step = 0; step < 10; step++) {
                t.report(step, loss(curve, step));
                if (t.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return loss(curve, 9);
        }, 20);
        assertTrue(s.trials(TrialState.PRUNED).size() > 0);
    }

    @Test
    void badArguments() {
        assertEquals("percentile (101.0) must be in [0, 100]",
                assertThrows(IllegalArgumentException.class, () -> new PercentilePruner(101, 0, 0, 1)).getMessage());
        assertEquals("reductionFactor (1) must be >= 2",
                assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalvingPruner(1, 1, 0)).getMessage());
    }
}
