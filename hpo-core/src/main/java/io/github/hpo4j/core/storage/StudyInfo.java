package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.study.Objective;
import java.util.List;

/**
 * What a storage knows of a study besides its trials.
 *
 * <p>Stability: stable.
 *
 * @param name       the study's name
 * @param objectives its objectives, in the order of trial values
 */
public record StudyInfo(String name, List<Objective> objectives) {
    /** Copies the objectives. */
    public StudyInfo {
        objectives = List.copyOf(objectives);
    }
}
