package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.List;
import java.util.Map;

/**
 * One entry of a storage's log. Every event names its study and, where it concerns a trial, the
 * trial's number, so that no event depends on the order or the presence of another (a number of
 * -1 on a creation event read from a format-1 journal means "the next number").
 */
sealed interface Event {

    String study();

    record StudyCreated(String study, List<Objective> objectives) implements Event {
    }

    /**
     * A RUNNING trial (empty fixed params) or a WAITING one. {@code heartbeat} marks a RUNNING
     * trial whose worker records heartbeats, the creation time being its first beat.
     */
    record TrialCreated(String study, int number, TrialState state, Map<String, Object> fixedParams,
                        Map<String, Object> attributes, boolean heartbeat, long timeMillis) implements Event {
    }

    record TrialAdded(String study, int number, TrialRecord record) implements Event {
    }

    record WaitingClaimed(String study, int number, boolean heartbeat, long timeMillis) implements Event {
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

    /** A worker's sign of life for a RUNNING trial. */
    record HeartbeatRecorded(String study, int number, long timeMillis) implements Event {
    }

    /**
     * A RUNNING trial whose heartbeat stopped, failed with {@code failure}; when {@code retry >= 0}
     * its configuration is enqueued again as WAITING trial {@code retry}, in the same event.
     */
    record StaleTrialFailed(String study, int number, String failure, int retry, long timeMillis) implements Event {
    }

    /** A study and all its trials removed. */
    record StudyDeleted(String study) implements Event {
    }

    /** A study's user attribute set. */
    record StudyAttrSet(String study, String key, Object value) implements Event {
    }
}
