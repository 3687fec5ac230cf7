package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GatheredObservationsTest {

    private final Object[] cols = {new Object(), new Object()};
    private final double[][] arrays = {new double[8], new double[8]};
    private final GatheredObservations gathered = new GatheredObservations();

    @Test
    void nothingGathered_keepsNothing() {
        assertEquals(0, gathered.keptPrefix(cols, arrays, new int[] {0, 1, 2}, 3));
    }

    @Test
    void samePositions_keepsAll_andAppendedOnes_keepTheOldCount() {
        gathered.gathered(cols, arrays, new int[] {0, 2, 3, 9}, 3);
        assertEquals(3, gathered.keptPrefix(cols, arrays, new int[] {0, 2, 3}, 3));
        assertEquals(3, gathered.keptPrefix(cols, arrays, new int[] {0, 2, 3, 5, 6}, 5));
        // fewer positions than gathered: only those are kept
        assertEquals(2, gathered.keptPrefix(cols, arrays, new int[] {0, 2}, 2));
    }

    @Test
    void aPositionChangedInTheMiddle_keepsWhatPrecedesIt() {
        // a good trial (1) demoted into the bad set between positions 0 and 2
        gathered.gathered(cols, arrays, new int[] {0, 2, 3}, 3);
        assertEquals(1, gathered.keptPrefix(cols, arrays, new int[] {0, 1, 2, 3}, 4));
    }

    @Test
    void otherColumnsOrOtherArrays_keepNothing() {
        gathered.gathered(cols, arrays, new int[] {0, 1}, 2);
        assertEquals(0, gathered.keptPrefix(new Object[] {cols[0], new Object()}, arrays, new int[] {0, 1}, 2));
        assertEquals(0, gathered.keptPrefix(cols, new double[][] {arrays[0], new double[8]}, new int[] {0, 1}, 2));
        assertEquals(0, gathered.keptPrefix(new Object[] {cols[0]}, new double[][] {arrays[0]}, new int[] {0, 1}, 2));
    }

    @Test
    void forget_keepsNothing() {
        gathered.gathered(cols, arrays, new int[] {0, 1}, 2);
        gathered.forget();
        assertEquals(0, gathered.keptPrefix(cols, arrays, new int[] {0, 1}, 2));
    }

    @Test
    void positionsArePassedByValue_laterChangesToTheCallersArrayDoNotCount() {
        int[] at = {0, 1, 2};
        gathered.gathered(cols, arrays, at, 3);
        at[1] = 7; // the caller reuses its array for the next split
        assertEquals(1, gathered.keptPrefix(cols, arrays, at, 3));
    }
}
