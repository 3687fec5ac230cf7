package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

    /** Inclusion–exclusion over all subsets: the union's measure from the intersections' boxes. */
    private static double byInclusionExclusion(double[][] points, double[] reference) {
        int n = points.length;
        double total = 0;
        for (int mask = 1; mask < (1 << n); mask++) {
            double box = 1;
            for (int j = 0; j < reference.length; j++) {
                double worst = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        worst = Math.max(worst, points[i][j]);
                    }
                }
                box *= Math.max(0, reference[j] - worst);
            }
            total += Integer.bitCount(mask) % 2 == 1 ? box : -box;
        }
        return total;
    }

    @Test
    void of_handComputed() {
        // staircase (1,3), (2,2), (3,1) under (4,4): 3 + 2 + 1
        assertEquals(6.0, Hypervolume.of(new double[][] {{1, 3}, {2, 2}, {3, 1}}, new double[] {4, 4}), 1e-12);
        // one point in 3-D: a box 1 × 2 × 3
        assertEquals(6.0, Hypervolume.of(new double[][] {{1, 1, 1}}, new double[] {2, 3, 4}), 1e-12);
        // a point beyond the reference counts nothing
        assertEquals(1.0, Hypervolume.of(new double[][] {{1, 1}, {5, 0}}, new double[] {2, 2}), 1e-12);
    }

    @Property(tries = 200)
    void of_equalsInclusionExclusion(@ForAll @IntRange(min = 1, max = 8) int n,
                                     @ForAll @IntRange(min = 1, max = 4) int d,
                                     @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] points = new double[n][d];
        for (double[] p : points) {
            for (int j = 0; j < d; j++) {
                p[j] = r.nextInt(4) == 0 ? r.nextInt(3) : 3 * r.nextDouble();
            }
        }
        double[] reference = new double[d];
        java.util.Arrays.fill(reference, 3.5);
        assertEquals(byInclusionExclusion(points, reference), Hypervolume.of(points, reference), 1e-9);
    }

    @Test
    void referenceFor_isOptunas() {
        // worst 4 → 4.4; worst −2 → max(−2.2, −1.8) = −1.8; worst 0 → EPS
        assertArrayEquals(new double[] {4.4, -1.8, Hypervolume.EPS},
                Hypervolume.referenceFor(new double[][] {{4, -3, 0}, {1, -2, -1}}), 1e-12);
    }

    @Test
    void greedySubset_takesTheLargestContributionFirst_tiesToTheFirst() {
        // reference (4.4, 4.4): alone, (2,2) covers 5.76, the others 1.36; after it, each of the
        // others adds 0.40, so the first of them is taken
        double[][] front = {{1, 4}, {4, 1}, {2, 2}};
        assertArrayEquals(new int[] {2, 0},
                Hypervolume.greedySubset(front, 2, Hypervolume.referenceFor(front)));
    }

    @Property(tries = 100)
    void contributionWeights_inUnitInterval_largestIsOne(@ForAll @IntRange(min = 2, max = 10) int n,
                                                         @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] points = new double[n][2];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            points[i] = new double[] {x, 1 - x + 0.1 * r.nextDouble()};
        }
        double[] w = Hypervolume.contributionWeights(points);
        double max = 0;
        for (double v : w) {
            assertTrue(v >= 0 && v <= 1);
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, 0);
    }

    @Test
    void contributionWeights_aDominatedPointWeighsAlmostNothing() {
        double[] w = Hypervolume.contributionWeights(new double[][] {{1, 2}, {2, 1}, {3, 3}});
        assertEquals(1.0, w[0], 1e-9);
        assertEquals(1.0, w[1], 1e-9);
        assertTrue(w[2] < 1e-9, "dominated: " + w[2]);
    }
}
