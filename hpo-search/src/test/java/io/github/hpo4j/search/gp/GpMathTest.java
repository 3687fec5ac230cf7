package io.github.hpo4j.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The GP's mathematics against references: scikit-learn's posterior, mpmath's log expected
 * improvement and log Φ, SciPy's Sobol points (resources/gp/reference.json, made by
 * resources/gp/make_reference.py), and analytic gradients against finite differences.
 */
class GpMathTest {

    private static final JsonNode REF = read();

    private static JsonNode read() {
        try (InputStream in = GpMathTest.class.getResourceAsStream("/gp/reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] flat(JsonNode rows) {
        int cols = rows.get(0).size();
        double[] out = new double[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = rows.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    @Test
    void posterior_equalsScikitLearnsWithTheSameFixedKernel() {
        JsonNode p = REF.get("posterior");
        double[] x = flat(p.get("x"));
        double[] y = new double[p.get("y").size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = p.get("y").get(i).asDouble();
        }
        double l1 = p.get("length_scales").get(0).asDouble();
        double l2 = p.get("length_scales").get(1).asDouble();
        double[] raw = {Math.log(1 / (l1 * l1)), Math.log(1 / (l2 * l2)), Math.log(p.get("scale").asDouble()),
            Math.log(p.get("noise").asDouble() - GpModel.MIN_NOISE)};
        GpModel model = GpModel.of(x, y, y.length, 2, new boolean[2], raw);
        double[] q = flat(p.get("query"));
        double[] out = new double[2];
        for (int i = 0; i < 3; i++) {
            model.posterior(new double[] {q[2 * i], q[2 * i + 1]}, out, null, null, new double[6], new double[6]);
            assertEquals(p.get("mean").get(i).asDouble(), out[0], 1e-9, "mean " + i);
            assertEquals(p.get("variance").get(i).asDouble(), out[1], 1e-9, "variance " + i);
        }
    }

    @Test
    void logExpectedImprovement_matchesHighPrecisionFarIntoTheTail() {
        REF.get("log_h").fields().forEachRemaining(e -> {
            double z = Double.parseDouble(e.getKey());
            double got = Normal.logH(z);
            assertTrue(Double.isFinite(got), "z " + z);
            assertEquals(e.getValue().asDouble(), got, 1e-9 * Math.max(1, Math.abs(got)), "z " + z);
        });
        REF.get("log_cdf").fields().forEachRemaining(e -> {
            double z = Double.parseDouble(e.getKey());
            assertEquals(e.getValue().asDouble(), Normal.logCdf(z), 1e-9 * Math.max(1, Math.abs(Normal.logCdf(z))), "z " + z);
        });
        // even further out than the reference: finite, and still decreasing
        assertTrue(Double.isFinite(Normal.logH(-1e3)) && Normal.logH(-1e3) < Normal.logH(-40));
    }

    @Test
    void dLogH_equalsFiniteDifferencesAcrossTheRange() {
        for (double z : new double[] {4, 1, 0, -0.9, -1.1, -2.5, -3.5, -8, -30}) {
            double h = 1e-5 * Math.max(1, Math.abs(z));
            double fd = (Normal.logH(z + h) - Normal.logH(z - h)) / (2 * h);
            assertEquals(fd, Normal.dLogH(z), 1e-5 * Math.max(1, Math.abs(fd)), "z " + z);
        }
    }

    @Test
    void sobolPoints_unscrambled_equalSciPys() {
        double[] expected = flat(REF.get("sobol_5d_16"));
        double[] got = Sobol.points(16, 5, false, 0);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 0, "coordinate " + i);
        }
    }

    private static GpModel.Likelihood smallLikelihood(boolean[] cat) {
        SplittableRandom r = new SplittableRandom(3);
        int n = 9;
        int dims = cat.length;
        double[] x = new double[n * dims];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dims; d++) {
                x[i * dims + d] = cat[d] ? r.nextInt(3) : r.nextDouble();
            }
            y[i] = r.nextGaussian();
        }
        return new GpModel.Likelihood(x, y, n, dims, cat);
    }

    @Test
    void marginalLikelihoodGradient_equalsFiniteDifferences() {
        boolean[] cat = {false, false, true};
        GpModel.Likelihood lik = smallLikelihood(cat);
        double[] raw = {0.3, -0.7, 0.2, 0.4, Math.log(0.05)};
        double[] grad = new double[raw.length];
        lik.value(raw, grad);
        double[] scratch = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double h = 1e-6;
            double[] up = raw.clone();
            double[] down = raw.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (lik.value(up, scratch) - lik.value(down, scratch)) / (2 * h);
            assertEquals(fd, grad[i], 1e-5 * Math.max(1, Math.abs(fd)), "parameter " + i);
        }
    }

    @Test
    void acquisitionGradient_equalsFiniteDifferences_withAndWithoutConstraints() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 12;
        int dims = 3;
        double[] x = new double[n * dims];
        double[] y = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dims; d++) {
                x[i * dims + d] = r.nextDouble();
            }
            y[i] = Math.sin(5 * x[i * dims]) + x[i * dims + 1];
            c[i] = x[i * dims + 2] - 0.5;
        }
        GpModel m = GpModel.of(x, y, n, dims, new boolean[dims], new double[] {1, 0.5, 0, 0.2, Math.log(1e-3)});
        GpModel cm = GpModel.of(x, c, n, dims, new boolean[dims], new double[] {0, 0, 1, 0, Math.log(1e-3)});
        Acquisition plain = new Acquisition(m, 1.2, new GpModel[0], new double[0]);
        Acquisition constrained = new Acquisition(m, 1.2, new GpModel[] {cm}, new double[] {0});
        for (Acquisition a : new Acquisition[] {plain, constrained}) {
            for (double[] p : new double[][] {{0.2, 0.3, 0.4}, {0.9, 0.1, 0.8}, {0.5, 0.5, 0.5}}) {
                double[] grad = new double[dims];
                a.valueAndGradient(p, grad);
                for (int d = 0; d < dims; d++) {
                    double h = 1e-6;
                    double[] up = p.clone();
                    double[] down = p.clone();
                    up[d] += h;
                    down[d] -= h;
                    double fd = (a.value(up) - a.value(down)) / (2 * h);
                    assertEquals(fd, grad[d], 1e-4 * Math.max(1, Math.abs(fd)), "dimension " + d);
                }
            }
        }
    }

    @Test
    void cholesky_ofASingularMatrix_addsJitterInsteadOfFailing() {
        double[] a = {1, 1, 1, 1}; // rank 1
        double[] l = new double[4];
        double jitter = Cholesky.factor(a, 2, l);
        assertTrue(jitter > 0 && jitter <= 1e-6, "jitter " + jitter);
        assertTrue(l[3] > 0);
        double[] nan = {Double.NaN, 0, 0, 1};
        Cholesky.factor(nan, 2, l); // the last resort, never an exception
        assertTrue(Double.isFinite(l[3]));
    }
}
