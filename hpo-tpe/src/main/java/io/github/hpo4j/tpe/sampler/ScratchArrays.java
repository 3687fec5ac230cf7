package io.github.hpo4j.tpe.sampler;

import java.util.Arrays;

/**
 * Arrays reused from ask to ask by work that lives for one ask (the bad set's observations and
 * estimator, the good/bad split). Each slot holds one array, grown by half again when a longer
 * one is asked for and never shrunk, so that a study adding one trial per ask reallocates
 * rarely. What a slot held before is not cleared: callers write before they read and use their
 * own lengths, never {@code array.length}. Not thread-safe: the sampler's lock guards it.
 */
final class ScratchArrays {

    private double[][] doubles = new double[8][];
    private int[][] ints = new int[4][];
    private double[][][] matrices = new double[2][][];
    private double[][][] grownMatrices = new double[2][][];

    /**
     * @param slot   which array, {@code >= 0}
     * @param length the length needed
     * @return an array of at least that length, its contents left from earlier use
     */
    double[] doubles(int slot, int length) {
        if (slot >= doubles.length) {
            doubles = Arrays.copyOf(doubles, Math.max(slot + 1, 2 * doubles.length));
        }
        double[] a = doubles[slot];
        if (a == null || a.length < length) {
            a = new double[grown(a == null ? 0 : a.length, length)];
            doubles[slot] = a;
        }
        return a;
    }

    /**
     * @param slot   which array, {@code >= 0}
     * @param length the length needed
     * @return an array of at least that length, its contents left from earlier use
     */
    int[] ints(int slot, int length) {
        if (slot >= ints.length) {
            ints = Arrays.copyOf(ints, Math.max(slot + 1, 2 * ints.length));
        }
        int[] a = ints[slot];
        if (a == null || a.length < length) {
            a = new int[grown(a == null ? 0 : a.length, length)];
            ints[slot] = a;
        }
        return a;
    }

    /**
     * @param slot which matrix, {@code >= 0}
     * @param rows its rows
     * @param cols its columns
     * @return a matrix of exactly that shape (reallocated when the shape changes), contents
     *     left from earlier use
     */
    double[][] matrix(int slot, int rows, int cols) {
        if (slot >= matrices.length) {
            matrices = Arrays.copyOf(matrices, Math.max(slot + 1, 2 * matrices.length));
        }
        double[][] m = matrices[slot];
        if (m == null || m.length != rows || (rows > 0 && m[0].length != cols)) {
            m = new double[rows][cols];
            matrices[slot] = m;
        }
        return m;
    }

    /**
     * @param slot    which matrix, {@code >= 0} (apart from {@link #matrix}'s slots)
     * @param rows    the rows needed
     * @param minCols the columns needed in each
     * @return a matrix with at least that many rows, each at least that long, grown by half again
     *     when too small (a study adding a trial per ask reallocates rarely); contents left
     */
    double[][] rowsAtLeast(int slot, int rows, int minCols) {
        if (slot >= grownMatrices.length) {
            grownMatrices = Arrays.copyOf(grownMatrices, Math.max(slot + 1, 2 * grownMatrices.length));
        }
        double[][] m = grownMatrices[slot];
        if (m == null || m.length < rows || (rows > 0 && m[0].length < minCols)) {
            int cols = m == null || m.length == 0 ? minCols : grown(m[0].length, minCols);
            m = new double[Math.max(rows, m == null ? 0 : m.length)][cols];
            grownMatrices[slot] = m;
        }
        return m;
    }

    private static int grown(int had, int needed) {
        return Math.max(needed, had + had / 2);
    }
}
