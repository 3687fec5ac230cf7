package io.github.hpo4j.search.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoSamplerTest {

    private static List<Object> choices(Study study) {
        return study.trials().stream().map(t -> t.attributes().get(AutoSampler.ATTRIBUTE)).toList();
    }

    @Test
    void continuousSpace_getsTheGp_untilItsTrialLimit_thenTpe_recordedOnEachTrial() {
        Study study = Study.builder().sampler(AutoSampler.builder().seed(1).gpTrials(15).build()).minimize("loss").build();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -2, 2);
            return x * x + t.suggestFloat("y", 0, 1);
        }, 20);
        List<Object> c = choices(study);
        for (TrialRecord t : study.trials()) {
            assertEquals(t.number() < 15 ? "gp" : "tpe", c.get(t.number()), "trial " + t.number());
        }
    }

    @Test
    void conditionalSpace_getsTpe() {
        Study study = Study.builder().sampler(AutoSampler.builder().seed(2).build()).minimize("loss").build();
        study.optimize(t -> {
            String model = (String) t.suggest("model", CategoricalDistribution.of("a", "b"));
            double x = t.suggestFloat("x", 0, 1);
            return model.equals("a") ? t.suggestFloat("alpha", 0, 1) + x : x;
        }, 16);
        // once the completed trials differ in their parameters, every trial gets TPE
        int firstDifferent = -1;
        for (TrialRecord t : study.trials()) {
            if (!t.params().keySet().equals(study.trials().get(0).params().keySet())) {
                firstDifferent = t.number();
                break;
            }
        }
        for (TrialRecord t : study.trials()) {
            if (t.number() > firstDifferent) {
                assertEquals("tpe", t.attributes().get(AutoSampler.ATTRIBUTE), "trial " + t.number());
            }
        }
        assertEquals("gp", study.trials().get(0).attributes().get(AutoSampler.ATTRIBUTE));
    }

    @Test
    void mostlyCategoricalSpace_getsTpe_andSeveralObjectivesToo() {
        Study cats = Study.builder().sampler(AutoSampler.builder().seed(3).build()).minimize("loss").build();
        cats.optimize(t -> t.suggest("a", CategoricalDistribution.of("p", "q")).hashCode() % 3
                + t.suggest("b", CategoricalDistribution.of("r", "s")).hashCode() % 5 + t.suggestFloat("x", 0, 1), 6);
        assertEquals("tpe", cats.trials().get(5).attributes().get(AutoSampler.ATTRIBUTE));
        Study mo = Study.builder().sampler(AutoSampler.builder().seed(3).build()).minimize("a").maximize("b").build();
        mo.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return new double[] {x, x};
        }, 4, 1, null);
        assertEquals(List.of("tpe", "tpe", "tpe", "tpe"), choices(mo));
    }

    @Test
    void builder_badTrialLimit_throwsNamingIt() {
        assertEquals("gpTrials (0) must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> AutoSampler.builder().gpTrials(0)).getMessage());
    }
}
