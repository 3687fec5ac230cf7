package io.github.hpo4j.core.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntersectionSearchSpaceTest {

    private static final FloatDistribution X = FloatDistribution.of(0, 1);
    private static final FloatDistribution WIDER = FloatDistribution.of(0, 2);
    private static final IntDistribution N = IntDistribution.of(1, 5);

    private static Study study(String name) {
        return Study.builder().name(name).storage(Storage.inMemory()).sampler(new RandomSampler(1)).minimize("v").build();
    }

    private static TrialRecord done(int number, TrialState state, Object... nameDistValue) {
        TrialRecord.Builder b = TrialRecord.builder(number).state(state);
        for (int i = 0; i < nameDistValue.length; i += 3) {
            b.param((String) nameDistValue[i], (Distribution) nameDistValue[i + 1], nameDistValue[i + 2]);
        }
        if (state == TrialState.COMPLETE) {
            b.values(1.0);
        }
        return b.build();
    }

    @Test
    void calculate_keepsWhatEveryFinishedTrialSharesWithTheSameDistribution() {
        Study s = study("a");
        IntersectionSearchSpace space = new IntersectionSearchSpace(true, List.of());
        assertEquals(Map.of(), space.calculate(s));
        s.addTrial(done(0, TrialState.COMPLETE, "x", X, 0.5, "n", N, 2, "y", X, 0.1));
        assertEquals(List.of("x", "n", "y"), List.copyOf(space.calculate(s).keySet()));
        s.addTrial(done(1, TrialState.COMPLETE, "x", X, 0.4, "n", N, 3));
        s.addTrial(done(2, TrialState.COMPLETE, "x", WIDER, 1.5, "n", N, 3));
        assertEquals(Map.of("n", N), space.calculate(s));
    }

    @Test
    void calculate_readsARunningTrialOnceItEnds_andFailedTrialsNever() {
        Study s = study("b");
        IntersectionSearchSpace space = new IntersectionSearchSpace(true, List.of());
        s.addTrial(done(0, TrialState.COMPLETE, "x", X, 0.5, "n", N, 2));
        Trial running = s.ask();
        running.suggestFloat("x", 0, 1);
        s.addTrial(done(2, TrialState.FAIL, "z", X, 0.5));
        assertEquals(List.of("x", "n"), List.copyOf(space.calculate(s).keySet()));
        s.tell(running, 0.3); // ended without n: n leaves the space
        assertEquals(Map.of("x", X), space.calculate(s));
    }

    @Test
    void prunedTrials_countOnlyWhenAsked() {
        Study s = study("c");
        s.addTrial(done(0, TrialState.COMPLETE, "x", X, 0.5, "n", N, 2));
        s.addTrial(TrialRecord.builder(1).state(TrialState.PRUNED).param("x", X, 0.2).intermediate(1, 0.5).build());
        assertEquals(Map.of("x", X), new IntersectionSearchSpace(true, List.of()).calculate(s));
        assertEquals(List.of("x", "n"), List.copyOf(new IntersectionSearchSpace(false, List.of()).calculate(s).keySet()));
    }

    @Test
    void anotherStudy_startsOver_afterTheFirstTrialsGivenFirst() {
        IntersectionSearchSpace space = new IntersectionSearchSpace(true,
                List.of(done(0, TrialState.COMPLETE, "x", X, 0.5, "n", N, 2, "y", X, 0.3)));
        Study a = study("a");
        a.addTrial(done(0, TrialState.COMPLETE, "x", X, 0.5));
        assertEquals(Map.of("x", X), space.calculate(a));
        Study b = study("b");
        b.addTrial(done(0, TrialState.COMPLETE, "x", X, 0.5, "n", N, 1));
        assertEquals(List.of("x", "n"), List.copyOf(space.calculate(b).keySet()));
    }

    @Test
    void calculate_returnsAMapTheCallerMayChange() {
        Study s = study("d");
        IntersectionSearchSpace space = new IntersectionSearchSpace(true, List.of());
        s.addTrial(done(0, TrialState.COMPLETE, "x", X, 0.5, "n", N, 2));
        space.calculate(s).remove("x");
        assertEquals(List.of("x", "n"), List.copyOf(space.calculate(s).keySet()));
    }
}
