package io.github.hpo4j.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON forms of distributions, values and trial records, shared by the journal and by JSON
 * import/export. Non-finite doubles are written as the strings {@code "NaN"}, {@code "Infinity"}
 * and {@code "-Infinity"}.
 *
 * <p>Stability: internal — not an API, may change in any release.
 */
public final class JsonCodec {

    /** The shared mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonCodec() {
    }

    /**
     * @param value a double
     * @return a number node, or a text node for non-finite values
     */
    public static JsonNode number(double value) {
        return Double.isFinite(value) ? F.numberNode(value) : F.textNode(Double.toString(value));
    }

    /**
     * @param node a number or a text such as "NaN"
     * @return the double
     * @throws IllegalArgumentException if it is neither
     */
    public static double toDouble(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing number");
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.textValue());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + node.textValue(), e);
            }
        }
        throw new IllegalArgumentException("not a number: " + node);
    }

    /**
     * @param value a string, number or boolean
     * @return its node
     */
    public static JsonNode scalar(Object value) {
        if (value instanceof String s) {
            return F.textNode(s);
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return F.numberNode(i);
        }
        if (value instanceof Long l) {
            return F.numberNode(l);
        }
        if (value instanceof Number n) {
            return number(n.doubleValue());
        }
        throw new IllegalArgumentException("value (" + value + ") must be a string, number or boolean");
    }

    /**
     * @param node a scalar node
     * @return String, Boolean, Integer, Long or Double
     */
    public static Object fromScalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw new IllegalArgumentException("not a scalar: " + node);
    }

    /**
     * @param d a distribution
     * @return {@code {"type":"float","low":..,"high":..,"log":..,"step":..}} and the like
     */
    public static ObjectNode distribution(Distribution d) {
        ObjectNode o = F.objectNode();
        if (d instanceof FloatDistribution f) {
            o.put("type", "float").put("low", f.low()).put("high", f.high()).put("log", f.log()).put("step", f.step());
        } else if (d instanceof IntDistribution i) {
            o.put("type", "int").put("low", i.low()).put("high", i.high()).put("log", i.log()).put("step", i.step());
        } else {
            o.put("type", "categorical");
            ArrayNode choices = o.putArray("choices");
            for (Object c : ((CategoricalDistribution) d).choices()) {
                choices.add(scalar(c));
            }
        }
        return o;
    }

    /**
     * @param node a distribution's JSON
     * @return the distribution
     * @throws IllegalArgumentException if the JSON is not a valid distribution
     */
    public static Distribution toDistribution(JsonNode node) {
        String type = node.path("type").asText();
        switch (type) {
            case "float":
                return new FloatDistribution(toDouble(node.get("low")), toDouble(node.get("high")),
                        node.path("log").asBoolean(false), node.path("step").asDouble(0));
            case "int":
                return new IntDistribution(node.get("low").intValue(), node.get("high").intValue(),
                        node.path("log").asBoolean(false), node.path("step").asInt(1));
            case "categorical":
                List<Object> choices = new ArrayList<>();
                for (JsonNode c : node.path("choices")) {
                    choices.add(fromScalar(c));
                }
                return new CategoricalDistribution(choices);
            default:
                throw new IllegalArgumentException("unknown distribution type '" + type + "'");
        }
    }

    /**
     * @param values doubles
     * @return an array node
     */
    public static ArrayNode doubles(Iterable<Double> values) {
        ArrayNode a = F.arrayNode();
        for (double v : values) {
            a.add(number(v));
        }
        return a;
    }

    /**
     * @param values doubles
     * @return an array node
     */
    public static ArrayNode doubles(double[] values) {
        ArrayNode a = F.arrayNode();
        for (double v : values) {
            a.add(number(v));
        }
        return a;
    }

    /**
     * @param node an array of numbers, or null
     * @return the doubles (empty for null)
     */
    public static double[] toDoubles(JsonNode node) {
        if (node == null || node.isNull()) {
            return new double[0];
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected an array of numbers, not " + node);
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(node.get(i));
        }
        return out;
    }

    /**
     * A trial record's JSON: params as {@code {name: {"value": v, "distribution": {...}}}}.
     *
     * @param r the record
     * @return its JSON
     */
    public static ObjectNode trial(TrialRecord r) {
        ObjectNode o = F.objectNode();
        o.put("number", r.number());
        o.put("state", r.state().name());
        ObjectNode params = o.putObject("params");
        r.params().forEach((k, v) -> {
            ObjectNode p = params.putObject(k);
            p.set("value", scalar(v));
            p.set("distribution", distribution(r.distributions().get(k)));
        });
        o.set("values", doubles(r.values()));
        ObjectNode metrics = o.putObject("metrics");
        r.metrics().forEach((k, v) -> metrics.set(k, number(v)));
        ObjectNode attrs = o.putObject("attributes");
        r.attributes().forEach((k, v) -> attrs.set(k, scalar(v)));
        ObjectNode steps = o.putObject("intermediate_values");
        r.intermediateValues().forEach((k, v) -> steps.set(Integer.toString(k), number(v)));
        o.set("constraints", doubles(r.constraints()));
        if (!r.fixedParams().isEmpty()) {
            ObjectNode fixed = o.putObject("fixed_params");
            r.fixedParams().forEach((k, v) -> fixed.set(k, scalar(v)));
        }
        r.start().ifPresent(t -> o.put("start", t.toString()));
        r.complete().ifPresent(t -> o.put("complete", t.toString()));
        r.failure().ifPresent(f -> o.put("failure", f));
        return o;
    }

    /**
     * @param o a trial record's JSON
     * @return the record
     * @throws IllegalArgumentException if the JSON does not describe a valid record
     */
    public static TrialRecord toTrial(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a trial must be a JSON object, not " + (o == null ? "nothing" : o));
        }
        JsonNode num = o.get("number");
        if (num == null || !num.isIntegralNumber() || !num.canConvertToInt() || num.intValue() < 0) {
            throw new IllegalArgumentException("number (" + num + ") must be an integer in [0, " + Integer.MAX_VALUE + "]");
        }
        JsonNode st = o.get("state");
        if (st == null || !st.isTextual()) {
            throw new IllegalArgumentException("state (" + st + ") is missing or not a string");
        }
        TrialState state;
        try {
            state = TrialState.valueOf(st.textValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state (" + st + ") must be one of "
                    + java.util.Arrays.toString(TrialState.values()), e);
        }
        TrialRecord.Builder b = TrialRecord.builder(num.intValue()).state(state);
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!p.isObject() || !p.has("value") || !p.has("distribution")) {
                throw new IllegalArgumentException("params." + e.getKey() + " needs a value and a distribution");
            }
            try {
                b.param(e.getKey(), toDistribution(p.get("distribution")), fromScalar(p.get("value")));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("params." + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        double[] values = toDoubles(o.get("values"));
        if (state == TrialState.COMPLETE) {
            if (values.length == 0) {
                throw new IllegalArgumentException("a COMPLETE trial needs its values");
            }
            for (double v : values) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("a COMPLETE trial's values must not be NaN");
                }
            }
        }
        b.values(values);
        o.path("metrics").fields().forEachRemaining(e -> b.metric(e.getKey(), toDouble(e.getValue())));
        o.path("attributes").fields().forEachRemaining(e -> b.attribute(e.getKey(), fromScalar(e.getValue())));
        o.path("intermediate_values").fields().forEachRemaining(e -> {
            try {
                b.intermediate(Integer.parseInt(e.getKey()), toDouble(e.getValue()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("intermediate_values: step '" + e.getKey() + "' is not an integer", ex);
            }
        });
        b.constraints(toDoubles(o.get("constraints")));
        o.path("fixed_params").fields().forEachRemaining(e -> b.fixedParam(e.getKey(), fromScalar(e.getValue())));
        try {
            if (o.hasNonNull("start")) {
                b.start(Instant.parse(o.get("start").asText()));
            }
            if (o.hasNonNull("complete")) {
                b.complete(Instant.parse(o.get("complete").asText()));
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("start/complete: " + e.getParsedString() + " is not an ISO-8601 instant", e);
        }
        if (o.hasNonNull("failure")) {
            b.failure(o.get("failure").asText());
        }
        return b.build();
    }
}
