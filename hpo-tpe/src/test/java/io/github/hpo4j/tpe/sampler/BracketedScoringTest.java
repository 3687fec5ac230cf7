package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.ObjectiveFunction;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The multivariate sampler's scoring (brackets, coarse and carried masses, the expanded square,
 * observations kept from ask to ask) must choose, trial for trial, what scoring every candidate in
 * full with an exact estimator built afresh chooses: a long study with both, compared parameter by
 * parameter. Long enough for the bandwidth to drift past {@link CarriedMasses#MAX_DRIFT} many times
 * and for good trials to be demoted into the bad set in the middle of its positions.
 */
class BracketedScoringTest {

    private static final ObjectiveFunction OBJECTIVE = t -> {
        double s = 0;
        for (int j = 0; j < 4; j++) {
            double x = t.suggestFloat("x" + j, -5, 5);
            s += (x - 1 + 0.3 * j) * (x - 1 + 0.3 * j);
        }
        double lr = t.suggestFloat("lr", 1e-4, 1, true);
        double reg = t.suggestFloat("reg", 1e-3, 10, true);
        return s + Math.pow(Math.log10(lr) + 2, 2) + 0.5 * Math.abs(Math.log10(reg));
    };

    private static List<TrialRecord> run(boolean scoreInFull, int trials) {
        TpeSampler sampler = TpeSampler.builder().seed(5).multivariate(true).build();
        sampler.scoreInFull = scoreInFull;
        Study study = Study.builder().storage(Storage.inMemory()).sampler(sampler).minimize("value").build();
        study.optimize(OBJECTIVE, trials);
        return study.trials();
    }

    @Test
    void bracketedScoring_choosesWhatFullScoringChooses_trialForTrial() {
        int trials = 1500;
        List<TrialRecord> fast = run(false, trials);
        List<TrialRecord> full = run(true, trials);
        for (int i = 0; i < trials; i++) {
            assertEquals(full.get(i).params(), fast.get(i).params(), "trial " + i);
        }
    }
}
