package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The sampler's primitive split of the common case against {@link GoodBadSplit}, the general one. */
class SimpleSplitTest {

    @Property(tries = 200)
    void simpleSplit_equalsTheGeneralSplit(@ForAll @IntRange(min = 0, max = 400) int n,
                                           @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                           @ForAll boolean maximize) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TrialRecord> trials = new ArrayList<>();
        List<GoodBadSplit.Observed> observed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TrialRecord t = r.nextInt(10) == 0
                    ? TrialRecord.builder(i).state(TrialState.FAIL).build()
                    : TrialRecord.builder(i).values(r.nextInt(3) == 0 ? r.nextInt(4) : r.nextGaussian()).build();
            trials.add(t);
            if (t.state() == TrialState.COMPLETE) {
                observed.add(new GoodBadSplit.Observed(t, i));
            }
        }
        Direction d = maximize ? Direction.MAXIMIZE : Direction.MINIMIZE;
        TpeSampler sampler = TpeSampler.builder().build();
        int[] simple = sampler.simpleSplit(trials, 0, -1, List.of(d));
        GoodBadSplit split = GoodBadSplit.split(observed, List.of(d), GoodBadSplit.defaultGamma(observed.size()));
        int[] good = split.good.stream().mapToInt(GoodBadSplit.Observed::order).toArray();
        int[] bad = split.bad.stream().mapToInt(GoodBadSplit.Observed::order).toArray();
        assertArrayEquals(good, java.util.Arrays.copyOfRange(simple, 2, 2 + simple[0]));
        assertArrayEquals(bad, java.util.Arrays.copyOfRange(simple, 2 + simple[0], 2 + simple[0] + simple[1]));
    }

    @Test
    void simpleSplit_prunedOrSeveralObjectives_leavesItToTheGeneralSplit() {
        TpeSampler sampler = TpeSampler.builder().build();
        List<TrialRecord> pruned = List.of(TrialRecord.builder(0).values(1.0).build(),
                TrialRecord.builder(1).state(TrialState.PRUNED).intermediate(1, 2.0).build());
        assertNull(sampler.simpleSplit(pruned, 0, -1, List.of(Direction.MINIMIZE)));
        List<TrialRecord> plain = List.of(TrialRecord.builder(0).values(1.0).build());
        assertNull(sampler.simpleSplit(plain, 0, -1, List.of(Direction.MINIMIZE, Direction.MINIMIZE)));
    }
}
