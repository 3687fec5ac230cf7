package io.github.hpo4j.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpo4j.core.internal.JsonCodec;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One journal line per event: a JSON object with an {@code op} field. */
final class EventCodec {

    /** The journal format this code writes. */
    static final int FORMAT = 2;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EventCodec() {
    }

    /** The first line of a format-2 journal. */
    static ObjectNode header() {
        return F.objectNode().put("op", "journal").put("format", FORMAT);
    }

    static ObjectNode encode(Event event) {
        ObjectNode o = F.objectNode();
        if (event instanceof Event.StudyCreated e) {
            o.put("op", "study").put("study", e.study());
            ArrayNode objs = o.putArray("objectives");
            for (Objective obj : e.objectives()) {
                objs.addObject().put("name", obj.name()).put("direction", obj.direction().label());
            }
        } else if (event instanceof Event.TrialCreated e) {
            o.put("op", "create").put("study", e.study()).put("n", e.number()).put("state", e.state().name())
                    .put("t", e.timeMillis());
            if (e.heartbeat()) {
                o.put("hb", true);
            }
            if (!e.fixedParams().isEmpty()) {
                ObjectNode fixed = o.putObject("fixed");
                e.fixedParams().forEach((k, v) -> fixed.set(k, JsonCodec.scalar(v)));
            }
            if (!e.attributes().isEmpty()) {
                ObjectNode attrs = o.putObject("attrs");
                e.attributes().forEach((k, v) -> attrs.set(k, JsonCodec.scalar(v)));
            }
        } else if (event instanceof Event.TrialAdded e) {
            o.put("op", "add").put("study", e.study()).put("n", e.number());
            o.set("trial", JsonCodec.trial(e.record()));
        } else if (event instanceof Event.WaitingClaimed e) {
            o.put("op", "claim").put("study", e.study()).put("n", e.number()).put("t", e.timeMillis());
            if (e.heartbeat()) {
                o.put("hb", true);
            }
        } else if (event instanceof Event.ParamSet e) {
            o.put("op", "param").put("study", e.study()).put("n", e.number()).put("name", e.name());
            o.set("dist", JsonCodec.distribution(e.distribution()));
            o.set("v", JsonCodec.number(e.internal()));
        } else if (event instanceof Event.IntermediateReported e) {
            o.put("op", "report").put("study", e.study()).put("n", e.number()).put("step", e.step());
            o.set("v", JsonCodec.number(e.value()));
        } else if (event instanceof Event.UserAttrSet e) {
            o.put("op", "attr").put("study", e.study()).put("n", e.number()).put("key", e.key());
            o.set("v", JsonCodec.scalar(e.value()));
        } else if (event instanceof Event.MetricSet e) {
            o.put("op", "metric").put("study", e.study()).put("n", e.number()).put("name", e.name());
            o.set("v", JsonCodec.number(e.value()));
        } else if (event instanceof Event.ConstraintsSet e) {
            o.put("op", "constraints").put("study", e.study()).put("n", e.number());
            o.set("v", JsonCodec.doubles(e.values()));
        } else if (event instanceof Event.TrialFinished e) {
            o.put("op", "finish").put("study", e.study()).put("n", e.number()).put("state", e.state().name())
                    .put("t", e.timeMillis());
            o.set("values", JsonCodec.doubles(e.values()));
            if (e.failure() != null) {
                o.put("failure", e.failure());
            }
        } else if (event instanceof Event.HeartbeatRecorded e) {
            o.put("op", "beat").put("study", e.study()).put("n", e.number()).put("t", e.timeMillis());
        } else if (event instanceof Event.StaleTrialFailed e) {
            o.put("op", "stale").put("study", e.study()).put("n", e.number()).put("t", e.timeMillis())
                    .put("failure", e.failure());
            if (e.retry() >= 0) {
                o.put("retry", e.retry());
            }
        } else if (event instanceof Event.StudyDeleted e) {
            o.put("op", "delete_study").put("study", e.study());
        } else if (event instanceof Event.StudyAttrSet e) {
            o.put("op", "study_attr").put("study", e.study()).put("key", e.key());
            o.set("v", JsonCodec.scalar(e.value()));
        } else {
            throw new IllegalStateException("unexpected event " + event);
        }
        return o;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not an integer");
        }
        return v.asInt();
    }

    /** The number of a creation event: explicit in format 2, implied (-1) in format 1. */
    private static int creationNumber(JsonNode o) {
        return o.has("n") ? integer(o, "n") : -1;
    }

    private static Map<String, Object> scalars(JsonNode o) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (o != null) {
            o.fields().forEachRemaining(e -> out.put(e.getKey(), JsonCodec.fromScalar(e.getValue())));
        }
        return out;
    }

    /**
     * @throws IllegalArgumentException if the object is not a well-formed event
     */
    static Event decode(JsonNode o) {
        String op = text(o, "op");
        String study = text(o, "study");
        switch (op) {
            case "study": {
                List<Objective> objs = new ArrayList<>();
                for (JsonNode x : o.path("objectives")) {
                    objs.add(new Objective(text(x, "name"), Direction.parse(text(x, "direction"))));
                }
                return new Event.StudyCreated(study, objs);
            }
            case "create":
                return new Event.TrialCreated(study, creationNumber(o), TrialState.valueOf(text(o, "state")),
                        scalars(o.get("fixed")), scalars(o.get("attrs")), o.path("hb").asBoolean(false),
                        o.path("t").asLong());
            case "add":
                return new Event.TrialAdded(study, creationNumber(o), JsonCodec.toTrial(o.path("trial")));
            case "claim":
                return new Event.WaitingClaimed(study, integer(o, "n"), o.path("hb").asBoolean(false), o.path("t").asLong());
            case "param":
                return new Event.ParamSet(study, integer(o, "n"), text(o, "name"), JsonCodec.toDistribution(o.path("dist")),
                        JsonCodec.toDouble(o.get("v")));
            case "report":
                return new Event.IntermediateReported(study, integer(o, "n"), integer(o, "step"), JsonCodec.toDouble(o.get("v")));
            case "attr":
                return new Event.UserAttrSet(study, integer(o, "n"), text(o, "key"), JsonCodec.fromScalar(o.get("v")));
            case "metric":
                return new Event.MetricSet(study, integer(o, "n"), text(o, "name"), JsonCodec.toDouble(o.get("v")));
            case "constraints":
                return new Event.ConstraintsSet(study, integer(o, "n"), JsonCodec.toDoubles(o.get("v")));
            case "finish":
                return new Event.TrialFinished(study, integer(o, "n"), TrialState.valueOf(text(o, "state")),
                        JsonCodec.toDoubles(o.get("values")), o.hasNonNull("failure") ? o.get("failure").asText() : null,
                        o.path("t").asLong());
            case "beat":
                return new Event.HeartbeatRecorded(study, integer(o, "n"), o.path("t").asLong());
            case "stale":
                return new Event.StaleTrialFailed(study, integer(o, "n"), text(o, "failure"),
                        o.has("retry") ? integer(o, "retry") : -1, o.path("t").asLong());
            case "delete_study":
                return new Event.StudyDeleted(study);
            case "study_attr":
                return new Event.StudyAttrSet(study, text(o, "key"), JsonCodec.fromScalar(o.get("v")));
            default:
                throw new IllegalArgumentException("unknown op '" + op + "'");
        }
    }
}
