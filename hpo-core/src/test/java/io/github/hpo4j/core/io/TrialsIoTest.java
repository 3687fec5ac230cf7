package io.github.hpo4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialsIoTest {

    private static List<TrialRecord> history() {
        Study study = Study.builder().sampler(new RandomSampler(3)).build();
        for (int i = 0; i < 6; i++) {
            Trial t = study.ask();
            double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
            int layers = t.suggestInt("layers", 1, 4);
            String opt = t.suggestCategorical("opt", List.of("adam", "sgd, momentum"));
            t.setMetric("rmse", lr * layers);
            t.setUserAttr("model", "ranking");
            t.report(0, 1.0);
            if (i == 4) {
                study.tellFailure(t, "oom");
            } else {
                study.tell(t, lr + layers + (opt.equals("adam") ? 0 : 1));
            }
        }
        return study.trials();
    }

    @Test
    void json_roundTrip_keepsEveryComponent() {
        List<TrialRecord> trials = history();
        StringWriter w = new StringWriter();
        TrialsJson.write(trials, w);
        List<TrialRecord> back = TrialsJson.read(new StringReader(w.toString()));
        assertEquals(trials, back);
    }

    @Test
    void json_invalidTrial_namesItsIndex() {
        String json = "[{\"number\":0,\"state\":\"COMPLETE\",\"values\":[1]},{\"number\":1,\"state\":\"NOPE\"}]";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrialsJson.read(new StringReader(json)));
        assertTrue(e.getMessage().startsWith("input: line 1, column 47: trial at index 1: state"), e.getMessage());
    }

    @Test
    void csv_roundTrip_keepsValuesParamsMetricsAndStates() {
        List<TrialRecord> trials = history();
        StringWriter w = new StringWriter();
        TrialsCsv.write(trials, w);
        String csv = w.toString();
        assertTrue(csv.startsWith("number,state,value,params_lr,params_layers,params_opt,metrics_rmse,attrs_model,start,complete,duration_s,failure\n"), csv);
        List<TrialRecord> back = TrialsCsv.read(new StringReader(csv), Set.of());
        assertEquals(trials.size(), back.size());
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord a = trials.get(i);
            TrialRecord b = back.get(i);
            assertEquals(a.state(), b.state());
            assertEquals(a.values(), b.values());
            assertEquals(a.params(), b.params());
            assertEquals(a.metrics(), b.metrics());
            assertEquals(a.failure(), b.failure());
        }
        assertEquals(TrialState.FAIL, back.get(4).state());
    }

    @Test
    void csv_spreadsheet_infersDistributionsAndMetricColumns() {
        String csv = """
                batch_size,lr,model,recall@100,rmse
                64,0.001,two_tower,0.031,1.2
                128,0.01,two_tower,0.045,
                64,0.005,hybrid,0.070,1.1
                """;
        List<TrialRecord> t = TrialsCsv.read(new StringReader(csv), Set.of("recall@100", "rmse"));
        assertEquals(3, t.size());
        assertEquals(IntDistribution.of(64, 128), t.get(0).distributions().get("batch_size"));
        assertEquals(FloatDistribution.of(0.001, 0.01), t.get(0).distributions().get("lr"));
        assertEquals(CategoricalDistribution.of("two_tower", "hybrid"), t.get(0).distributions().get("model"));
        assertEquals(Map.of("recall@100", 0.045), t.get(1).metrics());
        assertFalse(t.get(1).metrics().containsKey("rmse"));
        assertEquals(2, t.get(2).number());
    }

    @Test
    void csv_badNumberInMetric_namesTheLine() {
        String csv = "a,m\n1,0.5\n2,abc\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrialsCsv.read(new StringReader(csv), Set.of("m")));
        assertEquals("input: line 3: m: 'abc' is not a number", e.getMessage());
    }

    @Test
    void csv_wrongCellCount_namesTheLine() {
        String csv = "a,m\n1,0.5\n2\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrialsCsv.read(new StringReader(csv), Set.of("m")));
        assertEquals("input: line 3: 1 cells, header has 2", e.getMessage());
    }

    @Test
    void csv_unknownMetricColumn_isRejected() {
        assertEquals("metricColumns: no column 'auc' in the header [a, m]",
                assertThrows(IllegalArgumentException.class,
                        () -> TrialsCsv.read(new StringReader("a,m\n1,2\n"), Set.of("auc"))).getMessage());
    }

    @Test
    void importedHistory_canBeAddedToAStudy() {
        Storage storage = Storage.inMemory();
        Study study = Study.builder().storage(storage).build();
        for (TrialRecord r : history()) {
            study.addTrial(r);
        }
        assertEquals(5, study.trials(TrialState.COMPLETE).size());
        assertTrue(study.bestTrial().isPresent());
    }

    private static String jsonError(String json) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrialsJson.read(new java.io.StringReader(json))).getMessage();
    }

    @org.junit.jupiter.api.Test
    void json_garbage_isRejectedNamingLineAndColumn() {
        String one = "{\"number\": 0, \"state\": \"COMPLETE\", \"values\": [1.5]}";
        org.junit.jupiter.api.Assertions.assertEquals(1, TrialsJson.read(new java.io.StringReader("[" + one + "]")).size());
        org.junit.jupiter.api.Assertions.assertEquals(
                "input: line 1, column 2: trial at index 0: a trial must be a JSON object, not 1", jsonError("[1,2,3]"));
        org.junit.jupiter.api.Assertions.assertTrue(jsonError("[null]").contains("not null"));
        org.junit.jupiter.api.Assertions.assertTrue(jsonError("[{}]").contains("number (null) must be an integer"));
        org.junit.jupiter.api.Assertions.assertEquals("input: line 2, column 2: unexpected content after the array of trials",
                jsonError("[" + one + "]\n {\"junk\": 1}"));
        org.junit.jupiter.api.Assertions.assertTrue(jsonError("[{\"number\": 0, \"state\": \"COMPLETE\"}]")
                .contains("a COMPLETE trial needs its values"));
        org.junit.jupiter.api.Assertions.assertTrue(
                jsonError("[{\"number\": 0, \"state\": \"COMPLETE\", \"values\": [\"NaN\"]}]").contains("NaN"));
        org.junit.jupiter.api.Assertions.assertTrue(
                jsonError("[{\"number\": 1e10, \"state\": \"COMPLETE\", \"values\": [1]}]").contains("must be an integer"));
        org.junit.jupiter.api.Assertions.assertTrue(
                jsonError("[{\"number\": 10000000000, \"state\": \"COMPLETE\", \"values\": [1]}]").contains("must be an integer"));
        org.junit.jupiter.api.Assertions.assertTrue(jsonError("[\n\n  " + one + ",\n  {\"number\": 1, \"state\": \"DONE\"}]")
                .startsWith("input: line 4, column 3: trial at index 1: state (\"DONE\") must be one of"));
        org.junit.jupiter.api.Assertions.assertTrue(jsonError("[" + one).contains("not closed") || jsonError("[" + one).contains("not valid JSON"));
        org.junit.jupiter.api.Assertions.assertTrue(jsonError("").contains("expected a JSON array"));
    }

    @org.junit.jupiter.api.Test
    void csv_bomDuplicateColumnsAndValueOrder() {
        List<TrialRecord> bom = TrialsCsv.read(new java.io.StringReader("\uFEFFlr,value\n0.1,2\n"), Set.of());
        org.junit.jupiter.api.Assertions.assertEquals(Set.of("lr"), bom.get(0).params().keySet());
        org.junit.jupiter.api.Assertions.assertEquals("input: line 1: column 'lr' appears twice",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> TrialsCsv.read(new java.io.StringReader("lr,lr,value\n0.1,0.2,2\n"), Set.of())).getMessage());
        List<TrialRecord> swapped = TrialsCsv.read(new java.io.StringReader("values_1,values_0,x\n10,20,1\n"), Set.of());
        org.junit.jupiter.api.Assertions.assertEquals(List.of(20.0, 10.0), swapped.get(0).values());
        org.junit.jupiter.api.Assertions.assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrialsCsv.read(new java.io.StringReader("values_0,values_2,x\n1,2,3\n"), Set.of())).getMessage()
                .contains("values_0 .. values_k"));
        org.junit.jupiter.api.Assertions.assertEquals("input: line 3: 1 of 2 objective values are set",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> TrialsCsv.read(new java.io.StringReader("values_0,values_1,x\n1,2,3\n1,,3\n"), Set.of()))
                        .getMessage());
    }

    @org.junit.jupiter.api.Test
    void csv_idLikeColumnOf100kRows_isReadWithItsValues() {
        StringBuilder sb = new StringBuilder("run,value\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append("run-").append(i).append(',').append(i % 7).append('\n');
        }
        List<TrialRecord> rows = TrialsCsv.read(new java.io.StringReader(sb.toString()), Set.of());
        org.junit.jupiter.api.Assertions.assertEquals(100_000, rows.size());
        org.junit.jupiter.api.Assertions.assertEquals("run-99999", rows.get(99_999).params().get("run"));
        org.junit.jupiter.api.Assertions.assertEquals(99_999.0, rows.get(99_999).internalParam("run"));
    }
}
