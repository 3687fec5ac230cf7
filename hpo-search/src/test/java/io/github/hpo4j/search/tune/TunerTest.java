package io.github.hpo4j.search.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hpo4j.core.space.SearchSpace;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunerTest {

    static final SearchSpace SPACE = SearchSpace.builder().addFloat("x", 0, 1, false).build();

    static List<Map<String, Object>> configs() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(Map.of("x", i / 40.0));
        }
        return out;
    }

    static final TuneObjective SLOW_OBJECTIVE = (config, trial) -> {
        Thread.sleep(25);
        return (Double) config.get("x");
    };

    static Tuner tuner(Study study, TuningListener listener) {
        return Tuner.builder(study, SPACE).configurations(configs()).workers(2).listener(listener).build();
    }

    @Test
    void failuresTimeoutsAndBaseline_areRecorded_andTheRunGoesOn(@TempDir Path dir) throws Exception {
        Study study = Study.builder().minimize("loss").build();
        List<Map<String, Object>> cfgs = new ArrayList<>();
        for (double x : new double[] {0.1, 0.2, 0.3, 0.4, 0.5}) {
            cfgs.add(Map.of("x", x));
        }
        AtomicInteger heard = new AtomicInteger();
        TuningReport r = Tuner.builder(study, SPACE).configurations(cfgs).baseline(Map.of("x", 0.9))
                .trialTimeout(Duration.ofMillis(300)).workers(2).listener((t, f, p) -> heard.incrementAndGet()).build()
                .run((config, trial) -> {
                    double x = (Double) config.get("x");
                    if (x == 0.2) {
                        throw new IllegalStateException("diverged");
                    }
                    if (x == 0.4) {
                        Thread.sleep(5_000);
                    }
                    trial.setMetric("recall@100", 1 - x);
                    return x;
                });
        assertEquals(6, r.count());
        assertEquals(6, heard.get());
        assertEquals(4, r.count(TrialState.COMPLETE));
        assertEquals(2, r.count(TrialState.FAIL));
        List<String> failures = r.trials().stream().filter(t -> t.state() == TrialState.FAIL)
                .map(t -> t.failure().orElse("")).sorted().toList();
        assertEquals("java.lang.IllegalStateException: diverged", failures.get(0));
        assertEquals("timed out after PT0.3S", failures.get(1));
        assertEquals(0.9, r.baselineValue().orElseThrow());
        assertEquals(0.1, r.best().orElseThrow().value());
        assertEquals(0.8, r.improvement().orElseThrow(), 1e-12);
        assertEquals(Map.of("x", 0.1), new ObjectMapper().readValue(r.bestParamsJson(), Map.class));
        List<Double> hist = r.bestSoFar();
        assertEquals(6, hist.size());
        assertEquals(0.1, hist.get(hist.size() - 1));
        assertTrue(r.toText().contains("improvement 0.8"), r.toText());
        assertTrue(r.toJson().contains("\"best_params\""));
        Path csv = dir.resolve("summary.csv");
        r.writeSummaryCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).contains("params_x") && lines.get(0).contains("metrics_recall@100")
                && lines.get(0).contains("duration_s"), lines.get(0));
    }

    @Test
    void budgetInTrials_isRespected_andASecondRunContinues() {
        Study study = Study.builder().minimize("loss").build();
        Tuner t = Tuner.builder(study, SPACE).configurations(configs()).maxTrials(10).build();
        t.run((c, tr) -> (Double) c.get("x"));
        assertEquals(10, study.trials(TrialState.COMPLETE).size());
        Tuner.builder(study, SPACE).configurations(configs()).build().run((c, tr) -> (Double) c.get("x"));
        assertEquals(40, study.trials(TrialState.COMPLETE).size());
        assertEquals(40, study.trials().stream().map(TrialRecord::params).distinct().count());
    }

    @Test
    void samplerDriven_withoutConfigurations_runsMaxTrials() {
        Study study = Study.builder().minimize("loss").build();
        TuningReport r = Tuner.builder(study, SPACE).maxTrials(7).workers(3).build().run((c, tr) -> (Double) c.get("x"));
        assertEquals(7, r.count(TrialState.COMPLETE));
    }

    @Test
    void childKilledMidRun_resumes_noCompletedTrialRerun_noneLost_noneDuplicated(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("tune.journal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TunerChildMain.class.getName(), journal.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        Set<Integer> done = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("DONE ")) {
                    done.add(Integer.parseInt(line.substring(5)));
                    if (done.size() >= 10) {
                        break;
                    }
                }
            }
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(done.size() >= 10, "the child finished " + done.size());
        try (Storage storage = Storage.journal(journal)) {
            Study study = Study.builder().name("tune").storage(storage).minimize("loss").loadIfExists(true).build();
            Map<Integer, TrialState> before = new HashMap<>();
            for (TrialRecord t : study.trials()) {
                before.put(t.number(), t.state());
            }
            for (int n : done) {
                assertEquals(TrialState.COMPLETE, before.get(n), "trial " + n + " finished before the kill");
            }
            tuner(study, null).run(SLOW_OBJECTIVE);
            List<TrialRecord> all = study.trials();
            Map<Object, Integer> completePerConfig = new LinkedHashMap<>();
            for (TrialRecord t : all) {
                if (t.state() == TrialState.COMPLETE) {
                    completePerConfig.merge(t.params().get("x"), 1, Integer::sum);
                }
                if (before.get(t.number()) == TrialState.COMPLETE) {
                    assertEquals(TrialState.COMPLETE, t.state(), "a completed trial changed");
                }
                if (before.get(t.number()) == TrialState.RUNNING) {
                    assertEquals(TrialState.FAIL, t.state());
                    assertEquals(Tuner.ABANDONED, t.failure().orElseThrow());
                }
            }
            assertEquals(40, completePerConfig.size(), "every configuration completed");
            assertTrue(completePerConfig.values().stream().allMatch(c -> c == 1), "a configuration ran twice: "
                    + completePerConfig);
            assertTrue(all.stream().noneMatch(t -> t.state() == TrialState.RUNNING || t.state() == TrialState.WAITING));
        }
    }

    @Test
    void build_withNothingToEndTheRun_isRefused() {
        io.github.hpo4j.core.study.Study study = io.github.hpo4j.core.study.Study.builder().build();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Tuner.builder(study, SPACE).workers(2).build());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("would run forever"), e.getMessage());
    }

    @Test
    void configurationLackingAParameter_isRefusedNamingIt() {
        io.github.hpo4j.core.study.Study study = io.github.hpo4j.core.study.Study.builder().build();
        SearchSpace two = SearchSpace.builder().addFloat("x", 0, 1, false).addInt("k", 1, 3, false).build();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Tuner.builder(study, two).configurations(List.of(Map.of("x", 0.5))));
        org.junit.jupiter.api.Assertions.assertEquals("configurations: configuration {x=0.5} lacks parameter 'k'",
                e.getMessage());
    }
}
