package io.github.hpo4j.metrics.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Score tables and binned accumulators leave the JVM and come back unchanged. */
class SerialFormTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T o) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(buf.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private static void assertSameTable(ScoreTable a, ScoreTable b) {
        assertArrayEquals(a.score, b.score);
        assertArrayEquals(a.pos, b.pos);
        assertArrayEquals(a.neg, b.neg);
        assertArrayEquals(a.count, b.count);
        assertEquals(a.sweep().rocAuc(), b.sweep().rocAuc());
        assertEquals(a.sweep().averagePrecision(), b.sweep().averagePrecision());
    }

    private static ScoreTable table(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[n];
        int[] l = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.round(r.nextDouble() * 1000) / 1000.0;
            l[i] = r.nextInt(3) == 0 ? 1 : 0;
            w[i] = 1 + r.nextInt(3);
        }
        return ScoreTable.of(s, l, w);
    }

    @Test
    void scoreTable_byJavaSerializationAndBytes_comesBackUnchanged_andMergesAsBefore() throws Exception {
        ScoreTable a = table(1, 5000);
        ScoreTable b = table(2, 3000);
        assertSameTable(a, roundTrip(a));
        assertSameTable(a, ScoreTable.fromBytes(a.toBytes()));
        assertSameTable(ScoreTable.merge(a, b), ScoreTable.merge(roundTrip(a), ScoreTable.fromBytes(b.toBytes())));
        // the documented layout: header, then four arrays of n
        assertEquals(9 + 32 * a.size(), a.toBytes().length);
        assertArrayEquals(new byte[] {'H', 'P', 'S', 'T', 1}, Arrays.copyOf(a.toBytes(), 5));
    }

    @Test
    void binnedScores_byJavaSerializationAndBytes_comesBackUnchanged() throws Exception {
        BinnedScores acc = BinnedScores.over(0, 1, 64).add(new double[] {0.1, 0.5, 0.51, 0.9}, new int[] {0, 1, 1, 0});
        BinnedScores back = roundTrip(acc);
        assertSameTable(acc.toTable(), back.toTable());
        assertSameTable(acc.toTable(), BinnedScores.fromBytes(acc.toBytes()).toTable());
        assertSameTable(acc.merge(acc).toTable(), back.merge(acc).toTable());
    }

    @Test
    void damagedBytes_areRejectedSayingWhy() {
        byte[] ok = table(3, 100).toBytes();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScoreTable.fromBytes(Arrays.copyOf(ok, ok.length - 3)))
                .getMessage().contains("cut short"));
        byte[] longer = Arrays.copyOf(ok, ok.length + 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScoreTable.fromBytes(longer)).getMessage()
                .contains("after the score table"));
        byte[] magic = ok.clone();
        magic[0] = 'X';
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScoreTable.fromBytes(magic)).getMessage()
                .contains("wrong magic"));
        byte[] unsorted = ok.clone();
        System.arraycopy(ok, 9, unsorted, 17, 8); // score 1 := score 0
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScoreTable.fromBytes(unsorted)).getMessage()
                .contains("score 1"));
        assertThrows(IllegalArgumentException.class, () -> BinnedScores.fromBytes(ok));
    }
}
