package io.github.hpo4j.tpe.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InsightsTest {

    private static TrialRecord trial(int n, String metric, double value, Object... params) {
        TrialRecord.Builder b = TrialRecord.builder(n).metric(metric, value);
        for (int i = 0; i < params.length; i += 2) {
            Object v = params[i + 1];
            if (v instanceof Integer k) {
                b.param((String) params[i], IntDistribution.of(0, 10_000), k);
            } else if (v instanceof Double d) {
                b.param((String) params[i], FloatDistribution.of(-1e6, 1e6), d);
            } else {
                b.param((String) params[i], CategoricalDistribution.of(v), v);
            }
        }
        return b.build();
    }

    /** batch 64 nine times (7 good at 0.05, 2 bad at 0.02), batch 128 once with a lucky 0.07. */
    private static List<TrialRecord> batchHistory() {
        List<TrialRecord> h = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            h.add(trial(i, "recall@100", 0.05, "batch_size", 64));
        }
        h.add(trial(7, "recall@100", 0.02, "batch_size", 64));
        h.add(trial(8, "recall@100", 0.02, "batch_size", 64));
        h.add(trial(9, "recall@100", 0.07, "batch_size", 128));
        return h;
    }

    @Test
    void luckyValueTriedOnce_scoresTwo_lowConfidence_andRanksBelowSevenOfNine() {
        InsightsReport r = Insights.builder().metric("recall@100", Direction.MAXIMIZE).build()
                .analyze(batchHistory()).report();
        assertEquals(0.05, r.goodThreshold(), 1e-15);
        assertEquals(8, r.goodExperiments());
        List<ValueStats> v = r.param("batch_size").values();
        assertEquals("64", v.get(0).value());
        assertEquals(8.0 / 3, v.get(0).tpeScore(), 1e-12); // (7+1)/11 over (2+1)/11
        assertEquals(Confidence.HIGH, v.get(0).confidence());
        assertEquals("128", v.get(1).value());
        assertEquals(2.0, v.get(1).tpeScore(), 1e-12); // (1+1)/3 over (0+1)/3
        assertEquals(Confidence.LOW, v.get(1).confidence());
        assertEquals(0.07, v.get(1).best());
        assertEquals((7 * 0.05 + 2 * 0.02) / 9, v.get(0).avg(), 1e-15);
    }

    @Test
    void threshold_interpolatesLikeNumpy_andTiesAreGood() {
        List<TrialRecord> h = new ArrayList<>();
        double[] vals = {1, 2, 2, 2, 3};
        for (int i = 0; i < vals.length; i++) {
            h.add(trial(i, "m", vals[i], "p", "a"));
        }
        // 70th percentile of 1 2 2 2 3: position 2.8 -> 2; good is >= 2
        InsightsReport max = Insights.builder().metric("m", Direction.MAXIMIZE).build().analyze(h).report();
        assertEquals(2.0, max.goodThreshold(), 1e-15);
        assertEquals(4, max.goodExperiments());
        // 30th percentile: position 1.2 -> 2; good is <= 2
        InsightsReport min = Insights.builder().metric("m", Direction.MINIMIZE).build().analyze(h).report();
        assertEquals(2.0, min.goodThreshold(), 1e-15);
        assertEquals(4, min.goodExperiments());
        InsightsReport q = Insights.builder().metric("m", Direction.MAXIMIZE).quantile(0.5).build().analyze(h).report();
        assertEquals(2.0, q.goodThreshold(), 1e-15);
    }

    private static List<TrialRecord> randomHistory(long seed, boolean negate) {
        Random r = new Random(seed);
        List<TrialRecord> h = new ArrayList<>();
        String[] opts = {"adam", "sgd", "rmsprop"};
        for (int i = 0; i < 80; i++) {
            int b = new int[] {32, 64, 128}[r.nextInt(3)];
            String o = opts[r.nextInt(3)];
            double m = (o.equals("adam") ? 0.3 : 0) + b / 1000.0 + r.nextGaussian() * 0.1;
            h.add(trial(i, "m", negate ? -m : m, "batch", b, "opt", o));
        }
        return h;
    }

    @Test
    void flippingDirectionAndNegatingMetric_givesTheSameScores() {
        InsightsReport a = Insights.builder().metric("m", Direction.MAXIMIZE).build().analyze(randomHistory(3, false)).report();
        InsightsReport b = Insights.builder().metric("m", Direction.MINIMIZE).build().analyze(randomHistory(3, true)).report();
        for (String p : List.of("batch", "opt")) {
            List<ValueStats> x = a.param(p).values();
            List<ValueStats> y = b.param(p).values();
            assertEquals(x.size(), y.size());
            for (int i = 0; i < x.size(); i++) {
                assertEquals(x.get(i).value(), y.get(i).value());
                assertEquals(x.get(i).tpeScore(), y.get(i).tpeScore(), 1e-12);
                assertEquals(x.get(i).goodCount(), y.get(i).goodCount());
            }
        }
    }

    @Test
    void relabellingValues_doesNotChangeScores() {
        List<TrialRecord> h = randomHistory(5, false);
        List<TrialRecord> relabelled = new ArrayList<>();
        Map<String, String> rename = Map.of("adam", "A", "sgd", "B", "rmsprop", "C");
        for (TrialRecord t : h) {
            String o = (String) t.params().get("opt");
            relabelled.add(trial(t.number(), "m", t.metrics().get("m"), "batch", t.params().get("batch"),
                    "opt", rename.get(o)));
        }
        Insights in = Insights.builder().metric("m", Direction.MAXIMIZE).build();
        List<ValueStats> x = in.analyze(h).report().param("opt").values();
        List<ValueStats> y = in.analyze(relabelled).report().param("opt").values();
        for (int i = 0; i < x.size(); i++) {
            assertEquals(rename.get(x.get(i).value()), y.get(i).value());
            assertEquals(x.get(i).tpeScore(), y.get(i).tpeScore(), 1e-12);
        }
    }

    @Test
    void json_hasTheContractShape() throws Exception {
        InsightsReport r = Insights.builder().metric("recall@100", Direction.MAXIMIZE).category("training", "batch_size")
                .build().analyze(batchHistory()).report();
        JsonNode j = new ObjectMapper().readTree(r.toJson());
        assertEquals(List.of("analysis", "good_threshold", "total_experiments", "good_experiments", "skipped"),
                fieldNames(j));
        JsonNode p = j.get("analysis").get("training").get(0);
        assertEquals(List.of("param", "field", "values"), fieldNames(p));
        assertEquals("batch_size", p.get("param").asText());
        assertEquals(List.of("value", "tpe_score", "avg", "best", "count", "good_count", "confidence"),
                fieldNames(p.get("values").get(0)));
        assertEquals("high", p.get("values").get(0).get("confidence").asText());
        assertEquals(10, j.get("total_experiments").asInt());
        assertTrue(r.toText().contains("128") && r.toText().contains("•"));
        assertTrue(r.toCsv().startsWith("category,param,field,value,tpe_score"));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void skippedTrials_areCounted() {
        List<TrialRecord> h = new ArrayList<>(batchHistory());
        h.add(TrialRecord.builder(10).state(TrialState.FAIL).build());
        h.add(trial(11, "recall@100", Double.NaN, "batch_size", 64));
        h.add(trial(12, "other", 1.0, "batch_size", 64));
        InsightsReport r = Insights.builder().metric("recall@100", Direction.MAXIMIZE).build().analyze(h).report();
        assertEquals(3, r.skipped());
        assertEquals(10, r.totalExperiments());
    }

    @Test
    void filter_keepsOnlyMatchingTrials() {
        List<TrialRecord> h = new ArrayList<>();
        for (TrialRecord t : batchHistory()) {
            h.add(t.toBuilder().attribute("model", t.number() < 5 ? "ranking" : "retrieval").build());
        }
        InsightsReport r = Insights.builder().metric("recall@100", Direction.MAXIMIZE)
                .filter(t -> "ranking".equals(t.attributes().get("model"))).build().analyze(h).report();
        assertEquals(5, r.totalExperiments());
        assertEquals(5, r.skipped());
    }

    @Test
    void badInput_throwsClearMessages() {
        Insights in = Insights.builder().metric("nope", Direction.MAXIMIZE).build();
        assertEquals("metric: no trial has a metric 'nope' (metrics seen: [recall@100])",
                assertThrows(IllegalArgumentException.class, () -> in.analyze(batchHistory())).getMessage());
        assertEquals("history: empty", assertThrows(IllegalArgumentException.class, () -> in.analyze(List.of())).getMessage());
        assertEquals("quantile (1.0) must be in (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> Insights.builder().quantile(1.0)).getMessage());
        assertEquals("alpha (0.0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> Insights.builder().smoothing(0, 1)).getMessage());
        assertEquals("beta (-1.0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> Insights.builder().smoothing(1, -1)).getMessage());
    }

    @Test
    void importance_rankDrivingParameterFirst_noiseLast() {
        Random r = new Random(11);
        List<TrialRecord> h = new ArrayList<>();
        double[] lrs = {1e-3, 1e-2, 1e-1};
        for (int i = 0; i < 300; i++) {
            double lr = lrs[r.nextInt(3)];
            int batch = new int[] {32, 64, 128}[r.nextInt(3)];
            double noise = r.nextDouble();
            String tag = "t" + r.nextInt(5);
            double m = (lr == 1e-2 ? 1.0 : 0) + (batch == 64 ? 0.3 : 0) + 0.3 * r.nextGaussian();
            h.add(trial(i, "m", m, "lr", lr, "batch", batch, "noise", noise, "tag", tag));
        }
        List<Analysis.ParamImportance> imp = Insights.builder().metric("m", Direction.MAXIMIZE).build().analyze(h)
                .importance();
        assertEquals("lr", imp.get(0).param());
        assertEquals("batch", imp.get(1).param());
        assertTrue(imp.get(0).importance() > 5 * imp.get(2).importance() + 0.01, imp.toString());
        assertTrue(List.of("noise", "tag").containsAll(List.of(imp.get(2).param(), imp.get(3).param())), imp.toString());
    }

    @Test
    void mappers_bucketRegularisation_listElements_layers() {
        List<TrialRecord> h = new ArrayList<>();
        h.add(trial(0, "m", 1, "l2", 0.0, "features", "user;item", "layers", "[128, 64, 32]"));
        h.add(trial(1, "m", 2, "l2", 5e-4, "features", "user", "layers", "128,64,32"));
        h.add(trial(2, "m", 3, "l2", 5e-3, "features", "item;ctx", "layers", "64-32"));
        h.add(trial(3, "m", 4, "l2", 0.05, "features", "ctx", "layers", "64,32"));
        InsightsReport r = Insights.builder().metric("m", Direction.MAXIMIZE)
                .mapper("l2", ValueMapper.regularisation()).mapper("features", ValueMapper.listElements())
                .mapper("layers", ValueMapper.layerStructure()).build().analyze(h).report();
        assertEquals(List.of("heavy", "medium", "light", "none").stream().sorted().toList(),
                r.param("l2").values().stream().map(ValueStats::value).sorted().toList());
        assertEquals(6, r.param("features").values().stream().mapToInt(ValueStats::count).sum());
        assertEquals(List.of("128→64→32", "64→32"),
                r.param("layers").values().stream().map(ValueStats::value).sorted().toList());
    }

    @Test
    void derivedParameter_isComputedWhenMissing() {
        List<TrialRecord> h = new ArrayList<>();
        h.add(trial(0, "m", 1, "width", 10, "depth", 2));
        h.add(trial(1, "m", 2, "width", 20, "depth", 2));
        InsightsReport r = Insights.builder().metric("m", Direction.MAXIMIZE)
                .derived(DerivedParam.of("size", p -> java.util.Optional.of(
                        ((Integer) p.get("width")) * ((Integer) p.get("depth")))))
                .build().analyze(h).report();
        assertEquals(List.of("20", "40"), r.param("size").values().stream().map(ValueStats::value).sorted().toList());
    }

    @Test
    void sweetSpots_gaps_suggestions_trends_interactions() {
        List<TrialRecord> h = new ArrayList<>();
        double[] dropouts = {0.1, 0.2, 0.3, 0.6, 0.5, 0.5, 0.5, 0.1, 0.2, 0.6};
        for (int i = 0; i < dropouts.length; i++) {
            double m = 1 - Math.abs(dropouts[i] - 0.45);
            h.add(trial(i, "acc", m, "dropout", dropouts[i], "opt", i % 2 == 0 ? "adam" : "sgd"));
        }
        Analysis a = Insights.builder().metric("acc", Direction.MAXIMIZE).build().analyze(h);
        // top 3 by accuracy are the three 0.5s
        Analysis.SweetSpot top = a.sweetSpots(3).get("dropout").get(0);
        assertEquals("0.5", top.value());
        assertEquals(1.0, top.share(), 1e-15);
        Analysis.Gap g = a.gaps().get(0);
        assertEquals("dropout", g.param());
        assertEquals(List.of(0.4), g.untested());
        List<Map<String, Object>> s = a.suggest(3);
        assertEquals(1, s.size());
        assertEquals(0.4, s.get(0).get("dropout"));
        List<Map<String, Object>> tpe = a.suggestWithTpe(4, 1);
        assertEquals(4, tpe.size());
        assertEquals(4, tpe.stream().distinct().count());
        assertEquals(4, a.trends(3).size());
        assertEquals(10, a.trends(3).get(3).experiments());
        List<Analysis.PairStats> pairs = a.interaction("dropout", "opt");
        assertTrue(pairs.size() >= 4);
        assertEquals(10, pairs.stream().mapToInt(p -> p.stats().count()).sum());
    }

    /** The class Javadoc's example, as written, on a CSV history: the filter keeps the ranking rows. */
    @Test
    void javadocExample_onACsvHistory_keepsTheFilteredRows() {
        StringBuilder csv = new StringBuilder("model_type,lr,batch_size,l2,recall@100\n");
        Random r = new Random(3);
        for (int i = 0; i < 40; i++) {
            String type = i % 4 == 0 ? "tree" : "ranking";
            double lr = new double[] {1e-3, 1e-2, 1e-1}[i % 3];
            csv.append(type).append(',').append(lr).append(',').append(32 << (i % 2)).append(',')
                    .append(new double[] {0, 1e-4, 1e-2, 0.1}[i % 4]).append(',')
                    .append(0.3 + (lr == 1e-2 ? 0.2 : 0) + 0.05 * r.nextDouble()).append('\n');
        }
        List<TrialRecord> history = io.github.hpo4j.core.io.TrialsCsv.read(new java.io.StringReader(csv.toString()),
                java.util.Set.of("recall@100"));
        Insights insights = Insights.builder()
                .metric("recall@100", Direction.MAXIMIZE)
                .filter(t -> "ranking".equals(t.params().get("model_type")))
                .category("training", "lr", "batch_size")
                .mapper("l2", ValueMapper.regularisation())
                .build();
        Analysis a = insights.analyze(history);
        String text = a.report().toText();
        assertTrue(text.startsWith("30 experiments"), text);
        a.importance();
        a.sweetSpots(20);
        a.gaps();
        a.suggest(5);
        assertEquals(java.util.Optional.of("0.01"), a.bestValue("lr"));
    }

    @Test
    void gaps_ofALogScaledParameter_areGeometricMidpointsOfItsWidestRatios() {
        List<TrialRecord> history = new ArrayList<>();
        double[] lrs = {0.0005, 0.001, 0.005, 0.01, 0.05};
        CategoricalDistribution d = new CategoricalDistribution(List.of(0.0005, 0.001, 0.005, 0.01, 0.05));
        for (int i = 0; i < 25; i++) {
            history.add(TrialRecord.builder(i).param("lr", d, lrs[i % 5]).metric("m", i % 5).build());
        }
        Analysis a = Insights.builder().metric("m", Direction.MAXIMIZE).build().analyze(history);
        Analysis.Gap g = a.gaps().get(0);
        assertEquals("lr", g.param());
        assertTrue(g.logScale());
        // sqrt(0.001 * 0.005) = 0.002236..., sqrt(0.01 * 0.05) = 0.02236..., to two significant digits
        assertEquals(List.of(0.0022, 0.022), g.untested());
        assertEquals(2.0, g.step(), 1e-12);
    }
}
