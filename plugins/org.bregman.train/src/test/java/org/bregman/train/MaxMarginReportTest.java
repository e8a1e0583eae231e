package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.train.report.MaxMarginSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code maxMargin} report on the example's setting: GD (q = 2) and ℓ3-SMD on separable data with the exponential
 * loss reach cos ≥ 0.999 to the max-margin direction of their own geometry, and each is closer to its own geometry's
 * direction than to the other's (recomputed here from the final weights and the data).
 */
class MaxMarginReportTest {

    @Test
    void eachMirrorTendsToTheMaxMarginDirectionOfItsOwnGeometry(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("../../examples/experiments/max-margin.potential")).replace("seeds 1 .. 2", "seeds 1");
        PotentialWorkspace ws = PotentialWorkspace.fromString(text, dir.resolve("max-margin.potential"));
        assertFalse(ws.hasErrors(), ws.diagnostics().toString());
        ExperimentSpec spec = ExperimentSpec.of(ws.experiment("MaxMargin"));
        ExperimentRunner.Outcome o = ExperimentRunner.run(spec, new ExperimentRunner.Options(dir.resolve("out"), null, false), null,
                new ExperimentRunner.Stop());
        var data = o.result().data();
        int n = data.n(), d = data.d();
        double[] a = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) a[i * d + j] = (data.labels()[i] == 1 ? 1 : -1) * data.x()[i * d + j];
        double[] u2 = MaxMarginSolver.solve(a, n, d, 2, 1e-10, 100_000).direction();
        double[] u3 = MaxMarginSolver.solve(a, n, d, 3, 1e-10, 100_000).direction();
        RunResult gd = o.result().runs().get(0), smd3 = o.result().runs().get(1);
        assertEquals(2.0, gd.mirror().map().parameters().get("q"));
        assertTrue(cos(gd.predictor(), u2) >= 0.999, "GD: cos " + cos(gd.predictor(), u2));
        assertTrue(cos(smd3.predictor(), u3) >= 0.999, "l3-SMD: cos " + cos(smd3.predictor(), u3));
        assertTrue(cos(gd.predictor(), u2) > cos(gd.predictor(), u3), "GD nearer the l3 direction than the l2 one");
        assertTrue(cos(smd3.predictor(), u3) > cos(smd3.predictor(), u2), "l3-SMD nearer the l2 direction than the l3 one");
        // the report says the same numbers
        String json = Files.readString(dir.resolve("out/results.json"));
        assertTrue(json.contains("\"maxMargin\""), json);
        // the margin in each run's own geometry, a table row of 4 cells (the |w| of ψ escaped), and its curve over log time
        String summary = Files.readString(dir.resolve("out/summary.md"));
        assertTrue(summary.contains("| QNorm(q = 3) | 1 | ℓ3 (ψ = c·\\|w\\|^3) | "), summary);
        String curve = Files.readString(dir.resolve("out/margin-curve.csv"));
        assertTrue(curve.startsWith("mirror,seed,epoch,normalisedMargin,cosine\n") && curve.contains("QNorm(q = 3),1,2000,"), curve);
        List<String> heads = o.report().headlines();
        assertTrue(heads.stream().anyMatch(h -> h.startsWith("Max-margin directions") && h.contains(String.format(java.util.Locale.ROOT, "cos %.4f",
                cos(gd.predictor(), u2)))), heads.toString());
    }

    static double cos(float[] w, double[] u) {
        double wu = 0, ww = 0, uu = 0;
        for (int j = 0; j < w.length; j++) {
            wu += w[j] * u[j];
            ww += (double) w[j] * w[j];
            uu += u[j] * u[j];
        }
        return wu / Math.sqrt(ww * uu);
    }
}
