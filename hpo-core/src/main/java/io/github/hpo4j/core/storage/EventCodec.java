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

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EventCodec() {
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
            o.put("op", "create").put("study", e.study()).put("state", e.state().name()).put("t", e.timeMillis());
            if (!e.fixedParams().isEmpty()) {
                ObjectNode fixed = o.putObject("fixed");
                e.fixedParams().forEach((k, v) -> fixed.set(k, JsonCodec.scalar(v)));
            }
        } else if (event instanceof Event.TrialAdded e) {
            o.put("op", "add").put("study", e.study());
            o.set("trial", JsonCodec.trial(e.record()));
        } else if (event instanceof Event.WaitingClaimed e) {
            o.put("op", "claim").put("study", e.study()).put("n", e.number()).put("t", e.timeMillis());
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
        } else {
            throw new IllegalStateException("unexpected event " + event);
        }
        return o;
    }

    static Event decode(JsonNode o) {
        String op = o.path("op").asText();
        String study = o.path("study").asText();
        int n = o.path("n").asInt(-1);
        switch (op) {
            case "study": {
                List<Objective> objs = new ArrayList<>();
                for (JsonNode x : o.path("objectives")) {
                    objs.add(new Objective(x.path("name").asText(), Direction.parse(x.path("direction").asText())));
                }
                return new Event.StudyCreated(study, objs);
            }
            case "create": {
                Map<String, Object> fixed = new LinkedHashMap<>();
                o.path("fixed").fields().forEachRemaining(e -> fixed.put(e.getKey(), JsonCodec.fromScalar(e.getValue())));
                return new Event.TrialCreated(study, TrialState.valueOf(o.path("state").asText()), fixed,
                        o.path("t").asLong());
            }
            case "add":
                return new Event.TrialAdded(study, JsonCodec.toTrial(o.path("trial")));
            case "claim":
                return new Event.WaitingClaimed(study, n, o.path("t").asLong());
            case "param":
                return new Event.ParamSet(study, n, o.path("name").asText(), JsonCodec.toDistribution(o.path("dist")),
                        JsonCodec.toDouble(o.get("v")));
            case "report":
                return new Event.IntermediateReported(study, n, o.path("step").asInt(), JsonCodec.toDouble(o.get("v")));
            case "attr":
                return new Event.UserAttrSet(study, n, o.path("key").asText(), JsonCodec.fromScalar(o.get("v")));
            case "metric":
                return new Event.MetricSet(study, n, o.path("name").asText(), JsonCodec.toDouble(o.get("v")));
            case "constraints":
                return new Event.ConstraintsSet(study, n, JsonCodec.toDoubles(o.get("v")));
            case "finish":
                return new Event.TrialFinished(study, n, TrialState.valueOf(o.path("state").asText()),
                        JsonCodec.toDoubles(o.get("values")), o.hasNonNull("failure") ? o.get("failure").asText() : null,
                        o.path("t").asLong());
            default:
                throw new IllegalArgumentException("unknown op '" + op + "'");
        }
    }
}
