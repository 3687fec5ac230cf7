package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.trial.TrialRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies a study between two storages through their SPI: see {@link Storage#copyStudy}. */
final class StudyCopy {

    private StudyCopy() {
    }

    static int copy(StorageBackend from, String name, StorageBackend to) {
        StudyInfo info = from.findStudy(name).orElseThrow(() -> new IllegalArgumentException(
                "name: no study '" + name + "' in " + from + " (studies: " + from.studyNames() + ")"));
        if (to.findStudy(name).isPresent()) {
            throw new IllegalArgumentException("name: " + to + " already has a study '" + name + "'");
        }
        to.createStudy(name, info.objectives());
        from.studyAttrs(name).forEach((k, v) -> to.setStudyAttr(name, k, v));
        int copied = 0;
        for (TrialRecord t : from.trials(name)) {
            if (t.state().isFinished()) {
                to.addTrial(name, t);
            } else {
                Map<String, Object> fixed = new LinkedHashMap<>(t.fixedParams());
                fixed.putAll(t.params());
                to.enqueueTrial(name, fixed, t.attributes());
            }
            copied++;
        }
        return copied;
    }
}
