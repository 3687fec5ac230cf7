package io.github.hpo4j.search.tune;

import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import java.nio.file.Path;

/** A tuning run in a child JVM, for the resume test: prints {@code DONE n} per finished trial. */
public final class TunerChildMain {

    private TunerChildMain() {
    }

    public static void main(String[] args) {
        try (Storage storage = Storage.journal(Path.of(args[0]))) {
            Study study = Study.builder().name("tune").storage(storage).minimize("loss").loadIfExists(true).build();
            TunerTest.tuner(study, (t, f, p) -> {
                System.out.println("DONE " + t.number());
                System.out.flush();
            }).run(TunerTest.SLOW_OBJECTIVE);
        }
    }
}
