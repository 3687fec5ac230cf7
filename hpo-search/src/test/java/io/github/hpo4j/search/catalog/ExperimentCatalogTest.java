package io.github.hpo4j.search.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentCatalogTest {

    @Test
    void setsEnqueueTheirExperimentsInOrder() {
        ExperimentCatalog c = ExperimentCatalog.builder()
                .experiment("a", Map.of("x", 0.1)).experiment("b", Map.of("x", 0.2)).experiment("c", Map.of("x", 0.3))
                .set("quick", "a", "c").set("full", "a", "b", "c").build();
        Study s = Study.builder().build();
        c.enqueue(s, "quick");
        assertEquals(2, s.trials(TrialState.WAITING).size());
        s.optimize(t -> t.suggestFloat("x", 0, 1), 2);
        assertEquals(0.1, s.trials().get(0).params().get("x"));
        assertEquals(0.3, s.trials().get(1).params().get("x"));
        assertEquals("c", c.nameOf(Map.of("x", 0.3)));
        assertEquals("set: no set 'nope' (sets: [quick, full])",
                assertThrows(IllegalArgumentException.class, () -> c.enqueue(s, "nope")).getMessage());
        assertEquals("set s: unknown experiment 'zz'", assertThrows(IllegalArgumentException.class,
                () -> ExperimentCatalog.builder().set("s", "zz")).getMessage());
    }
}
