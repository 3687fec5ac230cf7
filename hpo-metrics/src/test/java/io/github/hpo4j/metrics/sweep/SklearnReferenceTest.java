package io.github.hpo4j.metrics.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every case of the test resource reference/sklearn_ranking_cases.json (scikit-learn 1.2.1), to 1e-12. */
class SklearnReferenceTest {

    static java.io.InputStream reference() {
        java.io.InputStream in = SklearnReferenceTest.class.getResourceAsStream("/reference/sklearn_ranking_cases.json");
        assertTrue(in != null, "test resource reference/sklearn_ranking_cases.json missing");
        return in;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static void assertArray(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12, what + "[" + i + "]");
        }
    }

    @Test
    void everySharedCase_matchesScikitLearnTo1e12() throws IOException {
        JsonNode cases;
        try (java.io.InputStream in = reference()) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        assertTrue(cases.size() >= 8);
        for (JsonNode c : cases) {
            String name = c.get("name").asText();
            double[] scores = doubles(c.get("y_score"));
            int[] labels = new int[scores.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = c.get("y_true").get(i).asInt();
            }
            double[] weights = c.get("sample_weight").isNull() ? null : doubles(c.get("sample_weight"));
            ThresholdSweep s = ScoreTable.of(scores, labels, weights).sweep();
            PrecisionRecallCurve pr = s.precisionRecallCurve();
            JsonNode prc = c.get("precision_recall_curve");
            assertArray(name + " precision", doubles(prc.get("precision")), pr.precision());
            assertArray(name + " recall", doubles(prc.get("recall")), pr.recall());
            assertArray(name + " thresholds", doubles(prc.get("thresholds")), pr.thresholds());
            RocCurve roc = s.rocCurve();
            JsonNode rc = c.get("roc_curve");
            assertArray(name + " fpr", doubles(rc.get("fpr")), roc.fpr());
            assertArray(name + " tpr", doubles(rc.get("tpr")), roc.tpr());
            double[] after = java.util.Arrays.copyOfRange(roc.thresholds(), 1, roc.thresholds().length);
            assertArray(name + " roc thresholds", doubles(rc.get("thresholds_after_first")), after);
            assertEquals(Double.POSITIVE_INFINITY, roc.thresholds()[0]);
            assertEquals(c.get("roc_auc").asDouble(), s.rocAuc(), 1e-12, name + " roc_auc");
            assertEquals(c.get("average_precision").asDouble(), s.averagePrecision(), 1e-12, name + " AP");
        }
    }

    /**
     * Weights as extreme as 1e±300: scikit-learn 1.2.1 gives (printed there, for
     * y = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8]) ROC AUC 0.75 and AP 0.8333333333333333 with
     * every weight 1e-300 or 1e300, and 1.0 and 1.0 with weights [1e300, 1e-300, 1, 1e300].
     */
    @Test
    void extremeWeights_giveScikitLearnsAnswer_notNaN() {
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        int[] labels = {0, 0, 1, 1};
        for (double w : new double[] {1e-300, 1e300}) {
            ThresholdSweep s = ScoreTable.of(scores, labels, new double[] {w, w, w, w}).sweep();
            assertEquals(0.75, s.rocAuc(), 1e-12, "weights " + w);
            assertEquals(0.8333333333333333, s.averagePrecision(), 1e-12, "weights " + w);
        }
        ThresholdSweep mixed = ScoreTable.of(scores, labels, new double[] {1e300, 1e-300, 1, 1e300}).sweep();
        assertEquals(1.0, mixed.rocAuc(), 1e-12);
        assertEquals(1.0, mixed.averagePrecision(), 1e-12);
    }
}
