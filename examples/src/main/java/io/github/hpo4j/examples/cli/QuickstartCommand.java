package io.github.hpo4j.examples.cli;

import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import io.github.hpo4j.examples.quickstart.TrainingRunStandIn;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code hpo quickstart [--journal FILE] [--study NAME] [--trials N] [--workers N] [--seed S]}:
 * runs a TPE study on a stand-in training run, kept in an embedded journal file (no server). Run
 * it twice: the second run resumes the study from the journal and adds to it (TPE learns from
 * every trial already in the journal).
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run an example TPE study on a stand-in training run, kept in an embedded journal file"
                + " (no server); run it again and the study resumes.")
final class QuickstartCommand extends HpoCommand {

    @Option(names = "--journal", paramLabel = "FILE", description = "The journal file (default: ${DEFAULT-VALUE}).")
    Path journal = Path.of("hpo-quickstart.journal");

    @Option(names = "--storage", paramLabel = "URL",
            description = "Any storage instead of --journal: journal:PATH, jdbc:... (driver on the class path), memory:.")
    String storageUrl;

    @Option(names = "--study", paramLabel = "NAME", description = "The study's name (default: ${DEFAULT-VALUE}).")
    String name = "quickstart";

    @Option(names = "--trials", paramLabel = "N", description = "Trials to run now (default: ${DEFAULT-VALUE}).")
    int trials = 40;

    @Option(names = "--workers", paramLabel = "N", description = "Threads (default: ${DEFAULT-VALUE}).")
    int workers = 1;

    @Option(names = "--seed", paramLabel = "S", description = "The TPE sampler's seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Mixin
    ProgressOptions progressOptions = new ProgressOptions();

    @Override
    public Integer call() {
        if (trials <= 0) {
            throw new IllegalArgumentException("--trials (" + trials + ") must be > 0");
        }
        if (workers <= 0) {
            throw new IllegalArgumentException("--workers (" + workers + ") must be > 0");
        }
        String where = storageUrl != null ? storageUrl : journal.toString();
        try (Storage storage = storageUrl != null ? Storage.open(storageUrl) : Storage.journal(journal)) {
            Study study = Study.builder()
                    .name(name)
                    .storage(storage)
                    // a resumed run draws fresh streams of the seed: it does not repeat the trials run
                    .sampler(TpeSampler.builder().seed(seed).build())
                    .minimize("loss")
                    .loadIfExists(true)
                    .build();
            int before = study.trials().size();
            long t0 = System.nanoTime();
            ProgressLine line = progressOptions.line(err, trials);
            List<TrialRecord> done = study.optimize(TrainingRunStandIn::evaluate, trials, workers, null,
                    line == null ? List.of() : List.of(line));
            double secs = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "study '%s' in %s: %d trials before, %d run now (%d workers, %.2f s)%n",
                    name, where, before, done.size(), workers, secs);
            out.println();
            out.printf(Locale.ROOT, "%6s  %-9s %10s %6s %8s %-8s %6s  %s%n",
                    "trial", "state", "lr", "batch", "dropout", "optim", "layers", "loss");
            List<TrialRecord> all = study.trials();
            for (TrialRecord t : all.subList(Math.max(0, all.size() - 10), all.size())) {
                out.printf(Locale.ROOT, "%6d  %-9s %10.2e %6s %8.3f %-8s %6s  %s%n", t.number(), t.state(),
                        (Double) t.params().getOrDefault("lr", Double.NaN), t.params().getOrDefault("batch", "-"),
                        (Double) t.params().getOrDefault("dropout", Double.NaN),
                        t.params().getOrDefault("optimizer", "-"), t.params().getOrDefault("layers", "-"),
                        t.state() == TrialState.COMPLETE ? String.format(Locale.ROOT, "%.4f", t.value()) : "");
            }
            TrialRecord best = study.bestTrial().orElseThrow();
            out.println();
            out.printf(Locale.ROOT, "best of %d: trial %d, loss %.4f (optimum 0.1000), params %s%n",
                    study.trials(TrialState.COMPLETE).size(), best.number(), best.value(), best.params());
            return 0;
        }
    }
}
