package io.github.hpo4j.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.hpo4j.core.internal.JsonCodec;
import io.github.hpo4j.core.trial.TrialRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Trial records as a JSON array, for export and for loading a history kept elsewhere.
 *
 * <p>Each element: {@code {"number", "state", "params": {name: {"value", "distribution"}},
 * "values", "metrics", "attributes", "intermediate_values", "constraints", "start", "complete",
 * "failure"}}; distributions as {@code {"type": "float"|"int"|"categorical", ...}}.
 *
 * <pre>{@code
 * try (Writer w = Files.newBufferedWriter(Path.of("trials.json"))) {
 *     TrialsJson.write(study.trials(), w);
 * }
 * List<TrialRecord> history = TrialsJson.read(Files.newBufferedReader(Path.of("trials.json")));
 * }</pre>
 *
 * <p>Stability: stable.
 */
public final class TrialsJson {

    private TrialsJson() {
    }

    /**
     * Writes the trials as a pretty-printed JSON array.
     *
     * @param trials the trials
     * @param out    where to write; not closed
     * @throws UncheckedIOException if writing fails
     */
    public static void write(List<TrialRecord> trials, Writer out) {
        ArrayNode arr = JsonCodec.MAPPER.createArrayNode();
        for (TrialRecord t : trials) {
            arr.add(JsonCodec.trial(t));
        }
        try {
            JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValue(new NonClosingWriter(out), arr);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a JSON array of trials.
     *
     * @param in where to read from; not closed
     * @return the trials, in file order
     * @throws IllegalArgumentException if the JSON is malformed or describes an invalid trial (the message gives its index)
     */
    public static List<TrialRecord> read(Reader in) {
        JsonNode root;
        try {
            root = JsonCodec.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("input: not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("input: expected a JSON array of trials");
        }
        List<TrialRecord> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            try {
                out.add(JsonCodec.toTrial(root.get(i)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("input: trial at index " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
