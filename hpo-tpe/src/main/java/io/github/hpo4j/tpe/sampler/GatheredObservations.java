package io.github.hpo4j.tpe.sampler;

import java.util.Arrays;

/**
 * What the last gather of a set's observations into scratch arrays read: for which columns, and
 * for which history positions. The bad set changes by a trial or two per ask and finished trials
 * never change, so the next gather of the same columns can keep the prefix of positions that is
 * the same and read only from the first that differs.
 */
final class GatheredObservations {

    private Object[] columns = new Object[0];
    private double[][] arrays = new double[0][];
    private int[] positions = new int[0];
    private int count;

    /**
     * @param cols      the columns about to be gathered (compared by identity)
     * @param into      the arrays they are about to be gathered into, one per column
     * @param at        the history positions to gather, the first {@code n}
     * @param n         how many
     * @return how many leading observations the arrays already hold for these columns and positions
     */
    int keptPrefix(Object[] cols, double[][] into, int[] at, int n) {
        if (cols.length != columns.length) {
            return 0;
        }
        for (int j = 0; j < cols.length; j++) {
            if (cols[j] != columns[j] || into[j] != arrays[j]) {
                return 0;
            }
        }
        int differs = Arrays.mismatch(positions, 0, count, at, 0, n);
        return differs < 0 ? n : differs;
    }

    /** Records a complete gather (no observation missing) of these columns at these positions. */
    void gathered(Object[] cols, double[][] into, int[] at, int n) {
        columns = cols.clone();
        arrays = into.clone();
        if (positions.length < n) {
            positions = new int[Math.max(n, positions.length + positions.length / 2)];
        }
        System.arraycopy(at, 0, positions, 0, n);
        count = n;
    }

    /** Forgets the last gather (its arrays were compacted or hold other data). */
    void forget() {
        columns = new Object[0];
        arrays = new double[0][];
        count = 0;
    }
}
