package io.github.hpo4j.benchmarks.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The threshold-sweep benchmark's data, written once so that hpo4j and scikit-learn read the very
 * same arrays: 10 % positives, scores {@code clip(0.5 u1 + (0.35 or 0.1) u2 + (0.2 or 0))} from
 * {@code SplittableRandom(42)}, and the same scores rounded to 4 decimals.
 *
 * <p>File layout, little-endian: n (int64), then n label bytes (0/1), then n scores (float64), then
 * n rounded scores (float64). {@code benchmarks/peers/sklearn_sweep.py} reads it with numpy.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.metrics.SweepData benchmarks/target/sweep-10000000.bin [n] [--cold]</pre>
 */
public final class SweepData {

    final boolean[] labels;
    final double[] scores;
    final double[] rounded;

    private SweepData(boolean[] labels, double[] scores, double[] rounded) {
        this.labels = labels;
        this.scores = scores;
        this.rounded = rounded;
    }

    static SweepData generate(int n) {
        SplittableRandom r = new SplittableRandom(42);
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.1;
            double v = Math.min(1, Math.max(0, 0.5 * r.nextDouble() + (y[i] ? 0.35 : 0.1) * r.nextDouble()
                    + (y[i] ? 0.2 : 0)));
            s[i] = v;
            q[i] = Math.round(v * 1e4) / 1e4;
        }
        return new SweepData(y, s, q);
    }

    /** Reads the file, or generates the data and writes the file first when it does not exist. */
    static SweepData at(Path file, int n) throws IOException {
        if (!Files.exists(file)) {
            SweepData d = generate(n);
            d.write(file);
            return d;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            int count = (int) head.flip().getLong();
            if (count != n) {
                throw new IOException(file + " holds " + count + " scores, not " + n + ": delete it to regenerate");
            }
            ByteBuffer all = ch.map(FileChannel.MapMode.READ_ONLY, 8, (long) n * 17).order(ByteOrder.LITTLE_ENDIAN);
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                y[i] = all.get() != 0;
            }
            double[] s = new double[n];
            double[] q = new double[n];
            all.asDoubleBuffer().get(s);
            all.position(all.position() + n * 8);
            all.asDoubleBuffer().get(q);
            return new SweepData(y, s, q);
        }
    }

    void write(Path file) throws IOException {
        int n = scores.length;
        Files.createDirectories(file.toAbsolutePath().getParent());
        ByteBuffer b = ByteBuffer.allocate(8 + n * 17).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(n);
        for (boolean v : labels) {
            b.put((byte) (v ? 1 : 0));
        }
        for (double v : scores) {
            b.putDouble(v);
        }
        for (double v : rounded) {
            b.putDouble(v);
        }
        b.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    static long distinct(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        long d = s.length == 0 ? 0 : 1;
        for (int i = 1; i < s.length; i++) {
            d += s[i] != s[i - 1] ? 1 : 0;
        }
        return d;
    }

    /**
     * Writes the file (if it does not exist) and prints what it holds.
     *
     * @param args the file, and optionally n (default 10,000,000)
     * @throws IOException if it cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        SweepData d = at(Path.of(args[0]), n);
        long pos = 0;
        for (boolean v : d.labels) {
            pos += v ? 1 : 0;
        }
        System.out.printf("%s: %,d scores, %,d positives, %,d distinct scores, %,d distinct rounded%n", args[0], n, pos,
                distinct(d.scores), distinct(d.rounded));
        if (args.length > 2 && args[2].equals("--cold")) {
            // the first sweep of this fresh JVM: what a short-lived job pays
            for (String which : new String[] {"rounded", "distinct"}) {
                double[] s = which.equals("rounded") ? d.rounded : d.scores;
                long t0 = System.nanoTime();
                io.github.hpo4j.metrics.sweep.ThresholdSweep sweep = io.github.hpo4j.metrics.sweep.ScoreTable.of(s, d.labels).sweep();
                int points = sweep.precisionRecallCurve().precision().length;
                double auc = sweep.rocAuc();
                double ap = sweep.averagePrecision();
                System.out.printf("cold, %s: %.0f ms for the table, PR curve (%,d points), AUC %.6f and AP %.6f%n", which,
                        (System.nanoTime() - t0) / 1e6, points, auc, ap);
            }
        }
    }
}
