package io.github.hpo4j.core.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.hpo4j.core.space.FloatDistribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialRecordTest {

    private static final FloatDistribution X = FloatDistribution.of(0, 1);

    @Test
    void builderWrittenAfterBuild_leavesTheBuiltRecordAsItWas() {
        TrialRecord.Builder b = TrialRecord.builder(0).param("a", X, 0.5);
        TrialRecord first = b.build();
        b.param("b", X, 0.25).internalParam("a", X, 0.75);
        TrialRecord second = b.build();
        assertEquals(Map.of("a", 0.5), first.params());
        assertEquals(List.of("a"), List.copyOf(first.distributions().keySet()));
        assertEquals(Map.of("a", 0.75, "b", 0.25), second.params());
    }

    @Test
    void toBuilder_writes_leaveTheOriginalAsItWas() {
        TrialRecord original = TrialRecord.builder(3).param("a", X, 0.5).build();
        TrialRecord changed = original.toBuilder().param("b", X, 0.1).build();
        assertEquals(1, original.params().size());
        assertEquals(2, changed.params().size());
    }

    @Test
    void recordFromCallersMaps_isACopy() {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("a", 0.5));
        Map<String, io.github.hpo4j.core.space.Distribution> dists = new LinkedHashMap<>(Map.of("a", X));
        TrialRecord r = new TrialRecord(0, TrialState.COMPLETE, params, dists, List.of(1.0), Map.of(), Map.of(),
                new java.util.TreeMap<>(), List.of(), Map.of(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty());
        params.put("a", 0.9);
        params.put("b", 0.1);
        assertEquals(Map.of("a", 0.5), r.params());
        assertThrows(UnsupportedOperationException.class, () -> r.params().put("c", 1.0));
    }

    @Test
    void emptyMaps_answerLookupsOfNull() {
        TrialRecord r = TrialRecord.builder(0).values(1.0).build();
        assertNull(r.attributes().get(null));
        assertNull(r.metrics().get(null));
        assertNull(r.fixedParams().get(null));
        assertThrows(UnsupportedOperationException.class, () -> r.attributes().put("k", 1));
    }

    @Test
    void withInternalParam_addsOneParameter_keepsTheRestAndTheOriginal() {
        TrialRecord original = TrialRecord.builder(2).state(TrialState.RUNNING).param("a", X, 0.5)
                .attribute("worker", "w1").metric("loss", 0.3).build();
        TrialRecord more = original.withInternalParam("b", X, 0.25);
        assertEquals(Map.of("a", 0.5), original.params());
        assertEquals(List.of("a", "b"), List.copyOf(more.params().keySet()));
        assertEquals(List.of("a", "b"), List.copyOf(more.distributions().keySet()));
        assertEquals(0.25, more.params().get("b"));
        assertEquals(original.attributes(), more.attributes());
        assertEquals(original.metrics(), more.metrics());
        assertEquals(TrialState.RUNNING, more.state());
        assertEquals(original.toBuilder().param("b", X, 0.25).build(), more);
    }

    @Test
    void withInternalParam_outsideTheDistribution_throwsNamingTheParameter() {
        TrialRecord r = TrialRecord.builder(0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.withInternalParam("lr", X, 2.0));
        assertEquals(true, e.getMessage().startsWith("lr: value (2.0) is outside"), e.getMessage());
    }
}
