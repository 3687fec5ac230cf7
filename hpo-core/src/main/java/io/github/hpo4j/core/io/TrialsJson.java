package io.github.hpo4j.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
     * @throws IllegalArgumentException    if the JSON is malformed, holds anything after the array, or
     *                                     describes an invalid trial (not an object, no integer number or
     *                                     state, a COMPLETE trial without values or with NaN); the message
     *                                     names the line and column and the trial's index
     * @throws java.io.UncheckedIOException if reading fails
     */
    public static List<TrialRecord> read(Reader in) {
        List<TrialRecord> out = new ArrayList<>();
        try (JsonParser p = JsonCodec.MAPPER.getFactory().createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("input: " + at(p.currentLocation()) + ": expected a JSON array of trials"
                        + (first == null ? ", found nothing" : ""));
            }
            int index = 0;
            while (true) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    break;
                }
                if (t == null) {
                    throw new IllegalArgumentException("input: " + at(p.currentLocation()) + ": the array is not closed");
                }
                JsonLocation where = p.currentTokenLocation();
                JsonNode node = JsonCodec.MAPPER.readTree(p);
                try {
                    out.add(JsonCodec.toTrial(node));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("input: " + at(where) + ": trial at index " + index + ": "
                            + e.getMessage(), e);
                }
                index++;
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new IllegalArgumentException("input: " + at(p.currentTokenLocation())
                        + ": unexpected content after the array of trials");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("input: " + at(e.getLocation()) + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String at(JsonLocation l) {
        return l == null ? "?" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
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
