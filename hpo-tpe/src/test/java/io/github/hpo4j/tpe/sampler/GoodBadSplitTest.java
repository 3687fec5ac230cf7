package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoodBadSplitTest {

    private static final List<Direction> MIN = List.of(Direction.MINIMIZE);

    private static List<GoodBadSplit.Observed> observed(TrialRecord... trials) {
        List<GoodBadSplit.Observed> out = new ArrayList<>();
        for (int i = 0; i < trials.length; i++) {
            out.add(new GoodBadSplit.Observed(trials[i], i));
        }
        return out;
    }

    private static TrialRecord complete(int n, double v) {
        return TrialRecord.builder(n).values(v).build();
    }

    private static List<Integer> numbers(List<GoodBadSplit.Observed> os) {
        return os.stream().map(o -> o.trial().number()).toList();
    }

    @Test
    void gamma_isTenPercentRoundedUp_cappedAt25() {
        assertEquals(0, GoodBadSplit.defaultGamma(0));
        assertEquals(1, GoodBadSplit.defaultGamma(1));
        assertEquals(1, GoodBadSplit.defaultGamma(10));
        assertEquals(2, GoodBadSplit.defaultGamma(11));
        assertEquals(25, GoodBadSplit.defaultGamma(1000));
    }

    @Test
    void complete_bestValuesAreGood_tiesGoToTheOlderTrial_resultInHistoryOrder() {
        GoodBadSplit s = GoodBadSplit.split(observed(complete(0, 5), complete(1, 1), complete(2, 3), complete(3, 1),
                complete(4, 9)), MIN, 2);
        assertEquals(List.of(1, 3), numbers(s.good));
        assertEquals(List.of(0, 2, 4), numbers(s.bad));
        GoodBadSplit tie = GoodBadSplit.split(observed(complete(0, 2), complete(1, 1), complete(2, 1)), MIN, 1);
        assertEquals(List.of(1), numbers(tie.good));
    }

    @Test
    void maximize_flipsTheOrder() {
        GoodBadSplit s = GoodBadSplit.split(observed(complete(0, 5), complete(1, 1), complete(2, 3)),
                List.of(Direction.MAXIMIZE), 1);
        assertEquals(List.of(0), numbers(s.good));
    }

    @Test
    void pruned_fillAfterComplete_byFurthestStepThenValue_runningAlwaysBad() {
        TrialRecord p1 = TrialRecord.builder(1).state(TrialState.PRUNED).intermediate(0, 1).intermediate(3, 0.9).build();
        TrialRecord p2 = TrialRecord.builder(2).state(TrialState.PRUNED).intermediate(5, 2.0).build();
        TrialRecord p3 = TrialRecord.builder(3).state(TrialState.PRUNED).intermediate(5, 1.5).build();
        TrialRecord p4 = TrialRecord.builder(4).state(TrialState.PRUNED).build();
        TrialRecord run = TrialRecord.builder(5).state(TrialState.RUNNING).build();
        GoodBadSplit s = GoodBadSplit.split(observed(complete(0, 10), p1, p2, p3, p4, run), MIN, 3);
        // complete 0 first, then step 5 beats step 3, and at step 5 the lower value wins
        assertEquals(List.of(0, 2, 3), numbers(s.good));
        assertEquals(List.of(1, 4, 5), numbers(s.bad));
    }

    @Test
    void infeasible_comeAfterFeasible_byViolation() {
        TrialRecord bad1 = TrialRecord.builder(0).values(0.1).constraints(2.0).build();
        TrialRecord bad2 = TrialRecord.builder(1).values(0.2).constraints(0.5, -1).build();
        TrialRecord ok = TrialRecord.builder(2).values(9).constraints(-1).build();
        GoodBadSplit s = GoodBadSplit.split(observed(bad1, bad2, ok), MIN, 2);
        assertEquals(List.of(1, 2), numbers(s.good));
        assertEquals(List.of(0), numbers(s.bad));
    }

    @Test
    void failedTrials_areIgnored() {
        TrialRecord fail = TrialRecord.builder(1).state(TrialState.FAIL).build();
        GoodBadSplit s = GoodBadSplit.split(observed(complete(0, 1), fail, complete(2, 2)), MIN, 1);
        assertEquals(List.of(0), numbers(s.good));
        assertEquals(List.of(2), numbers(s.bad));
    }

    @Test
    void severalObjectives_goodSetByNonDominationRank() {
        List<Direction> dirs = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        TrialRecord a = TrialRecord.builder(0).values(1, 5).build();
        TrialRecord b = TrialRecord.builder(1).values(2, 6).build(); // dominated by a
        TrialRecord c = TrialRecord.builder(2).values(5, 1).build();
        TrialRecord d = TrialRecord.builder(3).values(6, 6).build(); // dominated by all
        GoodBadSplit s = GoodBadSplit.split(observed(a, b, c, d), dirs, 2);
        assertEquals(List.of(0, 2), numbers(s.good));
    }

    @Test
    void severalObjectives_partialRank_byGreedyHypervolume_inTheOrderPicked() {
        List<Direction> dirs = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        TrialRecord a = TrialRecord.builder(0).values(1, 4).build();
        TrialRecord b = TrialRecord.builder(1).values(4, 1).build();
        TrialRecord c = TrialRecord.builder(2).values(2, 2).build();
        TrialRecord d = TrialRecord.builder(3).values(5, 5).build(); // dominated by all
        // the front {a, b, c} does not fit in 2: c first (largest hypervolume), then a (tie with b,
        // the first), in the order picked as Optuna 3.1 keeps it
        GoodBadSplit s = GoodBadSplit.split(observed(a, b, c, d), dirs, 2);
        assertEquals(List.of(2, 0), numbers(s.good));
        assertEquals(List.of(1, 3), numbers(s.bad));
    }
}
