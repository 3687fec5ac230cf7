package io.github.hpo4j.core.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpo4j.core.internal.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One journal line of format 2: a JSON object whose last member is {@code "crc"}, the CRC-32C
 * (eight lower-case hex digits) of the line's bytes before that member. The line stays valid JSON
 * for tools such as {@code jq}, and the checksum is checked on the exact bytes written:
 * <pre>
 * {"op":"param","study":"s","n":3,"name":"x",…,"crc":"1c291ca3"}
 * └──────────────── checksummed bytes ───────┘
 * </pre>
 * Format-1 lines (hpo4j 0.1) have no checksum; they are read only at the start of a file, before
 * its first format-2 line.
 */
final class JournalLine {

    /** {@code ,"crc":"} + 8 hex digits + {@code "}}. */
    static final int SUFFIX = 18;
    private static final byte[] MARK = ",\"crc\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectReader READER = JsonCodec.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** A line read back: its JSON, whether it carried a valid checksum, or what is wrong with it. */
    record Parsed(JsonNode node, boolean checksummed, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private JournalLine() {
    }

    /** The line for a JSON object, without the newline. */
    static byte[] encode(ObjectNode node) {
        byte[] json;
        try {
            json = JsonCodec.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + node, e);
        }
        int body = json.length - 1; // without the closing brace
        CRC32C crc = new CRC32C();
        crc.update(json, 0, body);
        byte[] line = new byte[body + SUFFIX];
        System.arraycopy(json, 0, line, 0, body);
        System.arraycopy(MARK, 0, line, body, MARK.length);
        int at = body + MARK.length;
        long c = crc.getValue();
        for (int i = 7; i >= 0; i--) {
            line[at + 7 - i] = HEX[(int) (c >>> (4 * i)) & 0xf];
        }
        line[at + 8] = '"';
        line[at + 9] = '}';
        return line;
    }

    /** Whether the bytes end like a format-2 line (the checksum itself is not checked). */
    static boolean hasChecksum(byte[] a, int from, int len) {
        if (len < SUFFIX + 2 || a[from] != '{') {
            return false;
        }
        int s = from + len - SUFFIX;
        for (int i = 0; i < MARK.length; i++) {
            if (a[s + i] != MARK[i]) {
                return false;
            }
        }
        for (int i = 0; i < 8; i++) {
            if (hex(a[s + MARK.length + i]) < 0) {
                return false;
            }
        }
        return a[from + len - 2] == '"' && a[from + len - 1] == '}';
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }

    /** Reads one line (without its newline). */
    static Parsed parse(byte[] a, int from, int len) {
        boolean checksummed = hasChecksum(a, from, len);
        if (checksummed) {
            CRC32C crc = new CRC32C();
            crc.update(a, from, len - SUFFIX);
            long stored = 0;
            int s = from + len - SUFFIX + MARK.length;
            for (int i = 0; i < 8; i++) {
                stored = (stored << 4) | hex(a[s + i]);
            }
            if (stored != crc.getValue()) {
                return new Parsed(null, true, "checksum mismatch");
            }
        }
        try {
            JsonNode node = READER.readTree(a, from, len);
            if (node == null || !node.isObject()) {
                return new Parsed(null, checksummed, "not a JSON object");
            }
            return new Parsed(node, checksummed, null);
        } catch (IOException e) {
            String m = e.getMessage();
            int nl = m == null ? -1 : m.indexOf('\n');
            return new Parsed(null, checksummed, "not JSON (" + (nl < 0 ? m : m.substring(0, nl)) + ")");
        }
    }
}
