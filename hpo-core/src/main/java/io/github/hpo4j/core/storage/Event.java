package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.List;
import java.util.Map;

/** One entry of a storage's log. Trial numbers are implied by the order of creation events. */
sealed interface Event {

    String study();

    record StudyCreated(String study, List<Objective> objectives) implements Event {
    }

    /** A RUNNING trial (empty fixed params) or a WAITING one. */
    record TrialCreated(String study, TrialState state, Map<String, Object> fixedParams, long timeMillis)
            implements Event {
    }

    record TrialAdded(String study, TrialRecord record) implements Event {
    }

    record WaitingClaimed(String study, int number, long timeMillis) implements Event {
    }

    record ParamSet(String study, int number, String name, Distribution distribution, double internal)
            implements Event {
    }

    record IntermediateReported(String study, int number, int step, double value) implements Event {
    }

    record UserAttrSet(String study, int number, String key, Object value) implements Event {
    }

    record MetricSet(String study, int number, String name, double value) implements Event {
    }

    record ConstraintsSet(String study, int number, double[] values) implements Event {
    }

    record TrialFinished(String study, int number, TrialState state, double[] values, String failure,
                         long timeMillis) implements Event {
    }
}
