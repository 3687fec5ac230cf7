package io.github.hpo4j.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpo4j.core.internal.JsonCodec;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.storage.StudySummary;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Study administration on any storage ({@code --storage URL}: {@code journal:PATH}, {@code memory:},
 * {@code jdbc:...} with the database's driver on the class path): {@code hpo studies},
 * {@code hpo trials}, {@code hpo best}, {@code hpo copy}, {@code hpo delete}.
 */
final class StudiesCommands {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudiesCommands() {
    }

    /** The options every administration command has. */
    abstract static class WithStorage extends HpoCommand {
        @Option(names = "--storage", required = true, paramLabel = "URL",
                description = "The storage: journal:PATH, jdbc:postgresql://host/db?user=u (driver on the class path), ...")
        String storage;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Storage open() {
            return Storage.open(storage);
        }

        static Study study(Storage s, String name) {
            requireStudy(s, name);
            return Study.load(name, s, new io.github.hpo4j.core.sampler.RandomSampler(0));
        }

        static void requireStudy(Storage s, String name) {
            if (s.findStudy(name).isEmpty()) {
                throw new IllegalArgumentException("--study: no study '" + name + "' (studies: " + s.studyNames() + ")");
            }
        }
    }

    private static String objectives(List<Objective> objs) {
        StringBuilder b = new StringBuilder();
        for (Objective o : objs) {
            b.append(b.length() == 0 ? "" : ", ").append(o.name()).append(" (").append(o.direction().label()).append(')');
        }
        return b.toString();
    }

    private static String time(Optional<java.time.Instant> t) {
        return t.map(java.time.Instant::toString).orElse("-");
    }

    @Command(name = "studies", mixinStandardHelpOptions = true,
            description = "List the studies of a storage: trials by state, best value, objectives, first and last activity.")
    static final class Studies extends WithStorage {
        @Override
        public Integer call() throws Exception {
            try (Storage s = open()) {
                List<StudySummary> all = s.studySummaries();
                if (json) {
                    ArrayNode arr = JSON.createArrayNode();
                    for (StudySummary sum : all) {
                        ObjectNode o = arr.addObject().put("name", sum.name()).put("trials", sum.trials());
                        ArrayNode objs = o.putArray("objectives");
                        for (Objective ob : sum.objectives()) {
                            objs.addObject().put("name", ob.name()).put("direction", ob.direction().label());
                        }
                        ObjectNode counts = o.putObject("states");
                        sum.countByState().forEach((k, v) -> counts.put(k.name(), v));
                        sum.bestValue().ifPresent(v -> o.set("best_value", JsonCodec.number(v)));
                        sum.bestTrial().ifPresent(v -> o.put("best_trial", v));
                        sum.created().ifPresent(v -> o.put("created", v.toString()));
                        sum.lastActivity().ifPresent(v -> o.put("last_activity", v.toString()));
                    }
                    out.println(JSON.writeValueAsString(arr));
                    return 0;
                }
                out.printf(Locale.ROOT, "%-24s %7s %8s %7s %7s %12s  %-24s %s%n", "study", "trials", "complete", "failed",
                        "running", "best", "last activity", "objectives");
                for (StudySummary sum : all) {
                    out.printf(Locale.ROOT, "%-24s %7d %8d %7d %7d %12s  %-24s %s%n", sum.name(), sum.trials(),
                            sum.countByState().get(TrialState.COMPLETE), sum.countByState().get(TrialState.FAIL),
                            sum.countByState().get(TrialState.RUNNING),
                            sum.bestValue().map(v -> String.format(Locale.ROOT, "%.6g", v)).orElse("-"),
                            time(sum.lastActivity()), objectives(sum.objectives()));
                }
                return 0;
            }
        }
    }

    @Command(name = "trials", mixinStandardHelpOptions = true, description = "List a study's trials.")
    static final class Trials extends WithStorage {
        @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (Storage s = open()) {
                List<TrialRecord> trials = study(s, name).trials();
                if (json) {
                    ArrayNode arr = JSON.createArrayNode();
                    trials.forEach(t -> arr.add(JsonCodec.trial(t)));
                    out.println(JSON.writeValueAsString(arr));
                    return 0;
                }
                out.printf(Locale.ROOT, "%6s  %-8s %-24s %s%n", "trial", "state", "values", "params");
                for (TrialRecord t : trials) {
                    out.printf(Locale.ROOT, "%6d  %-8s %-24s %s%n", t.number(), t.state(), t.values(), t.params());
                }
                return 0;
            }
        }
    }

    @Command(name = "best", mixinStandardHelpOptions = true,
            description = "A study's best trial (with several objectives, its Pareto front).")
    static final class Best extends WithStorage {
        @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (Storage s = open()) {
                Study study = study(s, name);
                List<TrialRecord> best = study.bestTrials();
                if (best.isEmpty()) {
                    throw new IllegalArgumentException("--study: study '" + name + "' has no COMPLETE trial yet");
                }
                if (!study.isMultiObjective()) {
                    best = List.of(study.bestTrial().orElseThrow());
                }
                if (json) {
                    ArrayNode arr = JSON.createArrayNode();
                    best.forEach(t -> arr.add(JsonCodec.trial(t)));
                    out.println(JSON.writeValueAsString(study.isMultiObjective() ? arr : arr.get(0)));
                    return 0;
                }
                for (TrialRecord t : best) {
                    out.printf(Locale.ROOT, "trial %d: values %s, params %s%n", t.number(), t.values(), t.params());
                }
                return 0;
            }
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy a study, trial for trial, from one storage to another (e.g. a journal into PostgreSQL).")
    static final class Copy extends WithStorage {
        @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
        String name;

        @Option(names = "--to", required = true, paramLabel = "URL", description = "The storage to copy it into.")
        String to;

        @Override
        public Integer call() throws Exception {
            try (Storage from = open(); Storage target = Storage.open(to)) {
                requireStudy(from, name);
                if (target.findStudy(name).isPresent()) {
                    throw new IllegalArgumentException("--to: " + to + " already has a study '" + name + "'");
                }
                int n = Storage.copyStudy(from, name, target);
                if (json) {
                    out.println(JSON.writeValueAsString(JSON.createObjectNode().put("study", name).put("trials", n)));
                } else {
                    out.printf(Locale.ROOT, "copied study '%s': %d trials%n", name, n);
                }
                return 0;
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a study and its trials (asks for --yes).")
    static final class Delete extends WithStorage {
        @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
        String name;

        @Option(names = "--yes", description = "Really delete it.")
        boolean yes;

        @Override
        public Integer call() throws Exception {
            try (Storage s = open()) {
                requireStudy(s, name);
                if (!yes) {
                    throw new IllegalArgumentException("deleting study '" + name + "' and its "
                            + study(s, name).trials().size() + " trials cannot be undone: add --yes");
                }
                s.deleteStudy(name);
                if (json) {
                    out.println(JSON.writeValueAsString(JSON.createObjectNode().put("deleted", name)));
                } else {
                    out.printf(Locale.ROOT, "deleted study '%s'%n", name);
                }
                return 0;
            }
        }
    }
}
