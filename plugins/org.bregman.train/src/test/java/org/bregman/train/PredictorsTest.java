package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bregman.potential.api.Until;
import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.train.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report predictors} on {@code examples/experiments/woodworth.potential}: gradient descent on the diagonal
 * network from u = v = α and hyperbolic-entropy SMD (β = 2α², 4× the rate) on the linear model; the relative
 * difference of their final predictors and the verdict, against both trainings written out in double.
 */
class PredictorsTest {

    private static final double ALPHA = 0.1, LR = 0.01;

    @Test
    void woodworthsEquivalenceAgreesWithAReferenceLoop(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("../../examples/experiments/woodworth.potential"));
        PotentialWorkspace ws = PotentialWorkspace.fromString(text, dir.resolve("woodworth.potential"));
        assertFalse(ws.hasErrors(), ws.diagnostics().toString());
        Path out = dir.resolve("out");
        ExperimentRunner.Outcome gd = run(ws, "WoodworthGD", out);
        Files.createDirectories(out.resolve("Junk"));
        Files.writeString(out.resolve("Junk/predictors.csv"), "experiment,mirror,seed,w...\nJunk,P,1,not-a-number\n");
        ExperimentRunner.Outcome smd = run(ws, "WoodworthSMD", out);
        assertTrue(Files.readString(out.resolve("WoodworthSMD/summary.md")).contains("Not readable as predictors, left out: Junk/predictors.csv"));
        RunResult gdRun = gd.result().runs().get(0), smdRun = smd.result().runs().get(0);
        assertEquals(RunResult.Status.CONVERGED, gdRun.status(), gdRun.line());
        assertEquals(RunResult.Status.CONVERGED, smdRun.status(), smdRun.line());
        String json = Files.readString(out.resolve("WoodworthSMD/results.json"));
        Matcher m = Pattern.compile("\"relativeDifference\"\\s*:\\s*([0-9.eE+-]+)").matcher(json);
        assertTrue(m.find(), json);
        double got = Double.parseDouble(m.group(1));
        assertFalse(m.find(), "one pair of runs");

        Dataset data = gd.result().data();
        double[] wGd = gradientDescentOnTheDiagonalNetwork(data, gdRun.steps());
        double[] wSmd = hyperbolicSmd(data, 2 * ALPHA * ALPHA, 4 * LR, smdRun.steps());
        double diff = 0, norm = 0;
        for (int j = 0; j < wGd.length; j++) {
            diff += (wSmd[j] - wGd[j]) * (wSmd[j] - wGd[j]);
            norm += wGd[j] * wGd[j];
        }
        double reference = Math.sqrt(diff / norm);
        // float32 trainings against double ones: the difference itself is the O(lr) discretisation gap
        assertEquals(reference, got, 0.05 * reference, "reference " + reference + ", tool " + got);
        assertTrue(reference <= 1e-3, "the two predictors differ by " + reference);
        assertTrue(String.join("\n", smd.report().headlines()).contains("the same predictor"), smd.report().headlines().toString());
        assertTrue(gd.report().headlines().stream().noneMatch(h -> h.contains("Predictors")), "the first report has nothing to compare with");
    }

    private static ExperimentRunner.Outcome run(PotentialWorkspace ws, String name, Path out) throws Exception {
        ExperimentSpec spec = ExperimentSpec.of(ws.experiment(name));
        return ExperimentRunner.run(spec, new ExperimentRunner.Options(out.resolve(name), null, false), null, new ExperimentRunner.Stop());
    }

    /** The full-batch gradient Σ_i (⟨x_i, w⟩ − y_i) x_i. */
    private static double[] gradient(Dataset data, double[] w) {
        int n = data.n(), d = data.d();
        double[] g = new double[d];
        for (int i = 0; i < n; i++) {
            double r = -data.targets()[i];
            for (int j = 0; j < d; j++) r += data.x()[i * d + j] * w[j];
            for (int j = 0; j < d; j++) g[j] += r * data.x()[i * d + j];
        }
        return g;
    }

    private static double[] gradientDescentOnTheDiagonalNetwork(Dataset data, long steps) {
        int d = data.d();
        double[] u = new double[d], v = new double[d], w = new double[d];
        java.util.Arrays.fill(u, ALPHA);
        java.util.Arrays.fill(v, ALPHA);
        double eta = LR / data.n();
        for (long s = 0; s < steps; s++) {
            for (int j = 0; j < d; j++) w[j] = u[j] * u[j] - v[j] * v[j];
            double[] g = gradient(data, w);
            for (int j = 0; j < d; j++) {
                u[j] -= eta * 2 * u[j] * g[j];
                v[j] += eta * 2 * v[j] * g[j];
            }
        }
        for (int j = 0; j < d; j++) w[j] = u[j] * u[j] - v[j] * v[j];
        return w;
    }

    /** SMD with ψ = w asinh(w/β) − sqrt(w² + β²) from w = 0: asinh(w/β) ← asinh(w/β) − η g. */
    private static double[] hyperbolicSmd(Dataset data, double beta, double lr, long steps) {
        int d = data.d();
        double[] z = new double[d], w = new double[d];
        double eta = lr / data.n();
        for (long s = 0; s < steps; s++) {
            double[] g = gradient(data, w);
            for (int j = 0; j < d; j++) {
                z[j] -= eta * g[j];
                w[j] = beta * Math.sinh(z[j]);
            }
        }
        return w;
    }
}
