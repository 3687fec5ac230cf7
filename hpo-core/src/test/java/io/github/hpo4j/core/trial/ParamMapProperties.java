package io.github.hpo4j.core.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ParamMapProperties {

    /**
     * A ParamMap grown one name at a time (with now and then a name set again) answers every
     * question as a LinkedHashMap given the same puts: order, lookups of present and absent
     * names, equality and hash both ways; past the scanned size the names are hashed, so sizes
     * up to 60 cover both.
     */
    @Property(tries = 300)
    void grownByWith_behavesAsALinkedHashMap(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        ParamMap<Object> map = ParamMap.empty();
        Map<String, Object> model = new LinkedHashMap<>();
        List<ParamMap<Object>> versions = new ArrayList<>();
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            String name = r.nextInt(5) == 0 && !model.isEmpty() ? "p" + r.nextInt(i) : "p" + i;
            Object value = r.nextBoolean() ? (Object) r.nextDouble() : (Object) ("c" + r.nextInt(3));
            map = map.with(name, value);
            model.put(name, value);
            versions.add(map);
            expected.add(new LinkedHashMap<>(model));
        }
        for (int v = 0; v < versions.size(); v++) {
            ParamMap<Object> m = versions.get(v);
            Map<String, Object> e = expected.get(v);
            assertEquals(List.copyOf(e.keySet()), List.copyOf(m.keySet()), "order of version " + v);
            assertEquals(e, m);
            assertEquals(m, e);
            assertEquals(e.hashCode(), m.hashCode());
            assertEquals(e.toString(), m.toString());
            for (String k : e.keySet()) {
                assertEquals(e.get(k), m.get(k), k);
                assertTrue(m.containsKey(k), k);
            }
            assertNull(m.get("absent"));
            assertFalse(m.containsKey("absent"));
            assertNull(m.get(null));
            assertNull(m.get(42));
            List<String> seen = new ArrayList<>();
            m.forEach((k, val) -> seen.add(k));
            assertEquals(List.copyOf(e.keySet()), seen);
        }
    }

    @Test
    void copyOf_keepsOrder_andRejectsNullsNamingThem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1.0);
        m.put("a", "x");
        assertEquals(List.of("b", "a"), List.copyOf(ParamMap.copyOf(m, "params").keySet()));
        m.put("c", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParamMap.copyOf(m, "params"));
        assertEquals("params: 'c' is null", e.getMessage());
    }

    @Test
    void writes_throwUnsupportedOperation() {
        ParamMap<Object> m = ParamMap.<Object>empty().with("a", 1.0).with("b", 2.0);
        assertThrows(UnsupportedOperationException.class, () -> m.put("c", 3.0));
        assertThrows(UnsupportedOperationException.class, () -> m.remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> m.keySet().remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> m.entrySet().iterator().next().setValue(5.0));
        assertThrows(UnsupportedOperationException.class, m::clear);
        assertEquals(2, m.size());
    }
}
