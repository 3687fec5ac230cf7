package io.github.hpo4j.metrics.sweep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * The compact byte forms of {@link ScoreTable} and {@link BinnedScores}, and the serialization
 * proxy that carries them through Java serialization (so that Spark, Flink or any other engine
 * that ships objects between machines can move them). All numbers big-endian.
 *
 * <pre>
 * ScoreTable:   "HPST" | version 1 (byte) | n (int)
 *               | n scores (double, strictly descending) | n positive weights (double)
 *               | n negative weights (double) | n sample counts (long)
 * BinnedScores: "HPBS" | version 1 (byte) | low (double) | high (double) | bins (int)
 *               | bins × positive weight (double) | bins × negative weight (double)
 *               | bins × count (long) | bins × lowest score (double; +Infinity when empty)
 * </pre>
 */
final class SerialForm implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int TABLE_MAGIC = 0x48505354; // "HPST"
    static final int BINNED_MAGIC = 0x48504253; // "HPBS"
    static final byte VERSION = 1;

    /** The byte form; the only serialized state. */
    private final byte[] bytes;

    SerialForm(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Rebuilds the object the bytes describe, checking them. */
    private Object readResolve() throws ObjectStreamException {
        try {
            return magic(bytes) == TABLE_MAGIC ? ScoreTable.fromBytes(bytes) : BinnedScores.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            java.io.InvalidObjectException ex = new java.io.InvalidObjectException(e.getMessage());
            ex.initCause(e);
            throw ex;
        }
    }

    static int magic(byte[] b) {
        if (b == null || b.length < 4) {
            throw new IllegalArgumentException("bytes: too short for a header (" + (b == null ? 0 : b.length) + ")");
        }
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /** Writes the header (magic, version) and then the body; I/O on a byte array cannot fail. */
    static byte[] write(int magic, int size, IoWriter w) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeInt(magic);
            out.writeByte(VERSION);
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    /** Reads a form, turning a short read into an {@link IllegalArgumentException}. */
    static <T> T read(byte[] b, int magic, String what, IoReader<T> r) {
        if (magic(b) != magic) {
            throw new IllegalArgumentException("bytes: not a " + what + " (wrong magic)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b, 4, b.length - 4))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("bytes: " + what + " version " + version + ", this library reads "
                        + VERSION);
            }
            T t = r.read(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException("bytes: " + in.available() + " byte(s) after the " + what);
            }
            return t;
        } catch (IOException e) {
            throw new IllegalArgumentException("bytes: the " + what + " is cut short", e);
        }
    }

    static void writeAll(DataOutputStream out, double[] xs) throws IOException {
        for (double x : xs) {
            out.writeDouble(x);
        }
    }

    static void writeAll(DataOutputStream out, long[] xs) throws IOException {
        for (long x : xs) {
            out.writeLong(x);
        }
    }

    static void readAll(DataInputStream in, double[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readDouble();
        }
    }

    static void readAll(DataInputStream in, long[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readLong();
        }
    }

    @FunctionalInterface
    interface IoWriter {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    interface IoReader<T> {
        T read(DataInputStream in) throws IOException;
    }
}
