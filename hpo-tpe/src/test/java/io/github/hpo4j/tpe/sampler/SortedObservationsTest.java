package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SortedObservationsTest {

    private static int[] expectedOrder(double[] values) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> values[a] != values[b] ? Double.compare(values[a], values[b]) : Integer.compare(a, b));
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void order_handExample_insertsAndRemoves() {
        SortedObservations so = new SortedObservations();
        // positions 0, 2, 5 with values 3, -1, 2 → indices by value: 1 (−1), 2 (2), 0 (3)
        assertArrayEquals(new int[] {1, 2, 0}, so.order(new int[] {0, 2, 5}, 3, new double[] {3, -1, 2}));
        // position 2 leaves, 7 (value 0) and 9 (value 10) arrive: values 3, 2, 0, 10 → 2, 1, 0, 3
        assertArrayEquals(new int[] {2, 1, 0, 3}, so.order(new int[] {0, 5, 7, 9}, 4, new double[] {3, 2, 0, 10}));
    }

    /** A set of trials evolving ask by ask, as a bad set does: mostly one arrival, now and then a departure. */
    @Property(tries = 100)
    void order_acrossEvolvingSets_equalsAFreshSort(@ForAll @IntRange(min = 0, max = 10_000) int seed,
                                                   @ForAll @IntRange(min = 1, max = 60) int maxBurst) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] valueAt = new double[3000];
        for (int p = 0; p < valueAt.length; p++) {
            // repeated values too, as a grid of choices would give
            valueAt[p] = r.nextInt(4) == 0 ? r.nextInt(5) : -5 + 10 * r.nextDouble();
        }
        SortedObservations so = new SortedObservations();
        TreeSet<Integer> set = new TreeSet<>();
        int next = 0;
        for (int step = 0; step < 150 && next < valueAt.length; step++) {
            int arrivals = 1 + r.nextInt(r.nextInt(10) == 0 ? maxBurst : 2);
            for (int a = 0; a < arrivals && next < valueAt.length; a++) {
                set.add(next++);
            }
            int departures = r.nextInt(3);
            for (int d = 0; d < departures && !set.isEmpty(); d++) {
                Integer victim = set.ceiling(r.nextInt(next));
                set.remove(victim == null ? set.first() : victim);
            }
            int[] positions = set.stream().mapToInt(Integer::intValue).toArray();
            double[] values = new double[positions.length];
            for (int i = 0; i < positions.length; i++) {
                values[i] = valueAt[positions[i]];
            }
            int[] order = so.order(positions, positions.length, values);
            assertArrayEquals(expectedOrder(values), order, "step " + step);
        }
        assertTrue(next > 0);
    }
}
