package io.github.hpo4j.examples.dashboard;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** A journal a test writes trials into while a dashboard reads it, and can damage. */
public final class LiveJournal implements AutoCloseable {

    public final Path path;
    private final Storage writer;
    private final Study study;
    private int next;

    public LiveJournal(Path path, String studyName) {
        this.path = path;
        this.writer = Storage.journal(path);
        this.study = Study.builder().name(studyName).storage(writer).minimize("loss").sampler(new RandomSampler(4)).build();
    }

    /** Adds n trials (every 7th failed, a metric on the others). */
    public void add(int n) {
        for (int i = 0; i < n; i++, next++) {
            Trial t = study.ask();
            double x = t.suggestFloat("x", -2, 2);
            double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
            if (next % 7 == 6) {
                study.tellFailure(t, "diverged");
            } else {
                t.setMetric("auc", 1 / (1 + x * x));
                study.tell(t, x * x + Math.abs(Math.log10(lr) + 2));
            }
        }
    }

    /** Appends a complete line whose checksum does not match: a damaged record. */
    public void damage() throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        int at = last.indexOf("\"n\":");
        String broken = at >= 0 ? last.substring(0, at) + "\"n\":9" + last.substring(at + 5) : "{" + last.substring(2);
        Files.writeString(path, broken + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Override
    public void close() {
        writer.close();
    }
}
