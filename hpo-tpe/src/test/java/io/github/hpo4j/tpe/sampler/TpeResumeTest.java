package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TPE study resumed from its journal, or a second sampler with the same seed, repeats no trial. */
class TpeResumeTest {

    @TempDir
    Path dir;

    private static double objective(Trial t) {
        double x = t.suggestFloat("x", -5, 10);
        double y = t.suggestFloat("y", 0, 15);
        return (x - 1) * (x - 1) + (y - 2) * (y - 2);
    }

    @Test
    void threeRunsOfTenWithSeed42_onOneJournal_give30DistinctConfigurations() {
        for (boolean multivariate : new boolean[] {true, false}) {
            Path file = dir.resolve("resume-" + multivariate + ".journal");
            for (int run = 0; run < 3; run++) {
                try (Storage s = Storage.journal(file)) {
                    Study study = Study.builder().name("r").storage(s).loadIfExists(true)
                            .sampler(TpeSampler.builder().seed(42).multivariate(multivariate).build()).build();
                    study.optimize(TpeResumeTest::objective, 10);
                }
            }
            Set<Map<String, Object>> configs = new HashSet<>();
            try (Storage s = Storage.journal(file)) {
                List<TrialRecord> all = Study.load("r", s).trials();
                assertEquals(30, all.size());
                all.forEach(t -> configs.add(t.params()));
            }
            assertEquals(30, configs.size(), "multivariate " + multivariate);
        }
    }

    @Test
    void studyBuiltWithoutASampler_getsTpeSeededByTheBuilder_whenHpoTpeIsOnTheClassPath() {
        Study a = Study.builder().seed(7).build();
        assertInstanceOf(TpeSampler.class, a.sampler());
        Study b = Study.builder().seed(7).build();
        Study c = Study.builder().sampler(TpeSampler.builder().seed(7).build()).build();
        List<Map<String, Object>> pa = a.optimize(TpeResumeTest::objective, 15).stream().map(TrialRecord::params).toList();
        List<Map<String, Object>> pb = b.optimize(TpeResumeTest::objective, 15).stream().map(TrialRecord::params).toList();
        List<Map<String, Object>> pc = c.optimize(TpeResumeTest::objective, 15).stream().map(TrialRecord::params).toList();
        assertEquals(pa, pb);
        assertEquals(pa, pc);
        Storage s = Storage.inMemory();
        Study.builder().name("x").storage(s).build();
        assertInstanceOf(TpeSampler.class, Study.load("x", s).sampler());
    }
}
