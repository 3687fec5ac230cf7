package io.github.hpo4j.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TrialTableProperties {

    private static TrialRecord trial(int number, TrialState state) {
        return TrialRecord.builder(number).state(state).build();
    }

    /**
     * Random writes (appends, rewrites of old numbers, occasional gaps) interleaved with
     * snapshots: every snapshot still reads, after all later writes, what a plain list copied at
     * its time holds.
     */
    @Property(tries = 200)
    void snapshots_neverSeeLaterWrites(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int steps) {
        SplittableRandom rng = new SplittableRandom(seed);
        TrialTable table = new TrialTable();
        List<TrialRecord> model = new ArrayList<>();
        List<List<TrialRecord>> snapshots = new ArrayList<>();
        List<List<TrialRecord>> expected = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            int op = rng.nextInt(10);
            if (op < 4 || model.isEmpty()) {
                int number = model.size() + (rng.nextInt(50) == 0 ? 1 : 0); // now and then a gap
                while (model.size() < number) {
                    model.add(null);
                }
                TrialRecord t = trial(number, TrialState.RUNNING);
                model.add(t);
                table.put(number, t);
            } else if (op < 8) {
                int number = rng.nextInt(model.size());
                TrialRecord t = trial(number, TrialState.COMPLETE);
                model.set(number, t);
                table.put(number, t);
            } else {
                snapshots.add(table.snapshot());
                expected.add(model.stream().filter(t -> t != null).toList());
            }
        }
        for (int i = 0; i < snapshots.size(); i++) {
            assertEquals(expected.get(i), snapshots.get(i), "snapshot " + i);
        }
        assertEquals(model.size(), table.size());
        assertEquals(model.stream().filter(t -> t != null).count(), table.present());
        for (int n = 0; n < model.size(); n++) {
            assertSame(model.get(n), table.get(n), "trial " + n);
        }
    }

    @Test
    void snapshot_withoutWrites_isTheSameObject() {
        TrialTable table = new TrialTable();
        table.put(0, trial(0, TrialState.RUNNING));
        assertSame(table.snapshot(), table.snapshot());
    }

    @Test
    void snapshot_isImmutable() {
        TrialTable table = new TrialTable();
        table.put(0, trial(0, TrialState.RUNNING));
        List<TrialRecord> s = table.snapshot();
        assertThrows(UnsupportedOperationException.class, () -> s.set(0, trial(0, TrialState.FAIL)));
        assertThrows(UnsupportedOperationException.class, () -> s.add(trial(1, TrialState.FAIL)));
        assertThrows(IndexOutOfBoundsException.class, () -> s.get(1));
    }

    @Test
    void get_missingOrOutOfRange_isNull() {
        TrialTable table = new TrialTable();
        table.put(70, trial(70, TrialState.RUNNING));
        assertNull(table.get(3));
        assertNull(table.get(71));
        assertNull(table.get(-1));
        assertEquals(1, table.snapshot().size());
        assertEquals(71, table.size());
    }
}
