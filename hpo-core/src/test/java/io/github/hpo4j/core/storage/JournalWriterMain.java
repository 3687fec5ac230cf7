package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import java.nio.file.Path;

/**
 * A child process for the journal tests: runs ask/tell on a journal and prints {@code ACK n}
 * after each acknowledged tell. Args: journal, study, trials, seed.
 */
public final class JournalWriterMain {

    private JournalWriterMain() {
    }

    public static void main(String[] args) {
        Path journal = Path.of(args[0]);
        int trials = Integer.parseInt(args[2]);
        try (Storage storage = Storage.journal(journal)) {
            Study study = Study.builder().name(args[1]).storage(storage).sampler(new RandomSampler(Long.parseLong(args[3])))
                    .minimize("loss").loadIfExists(true).build();
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; i < trials; i++) {
                Trial t = study.ask();
                double x = t.suggestFloat("x", 0, 1);
                study.tell(t, x);
                System.out.println("ACK " + t.number());
                System.out.flush();
            }
        }
    }
}
