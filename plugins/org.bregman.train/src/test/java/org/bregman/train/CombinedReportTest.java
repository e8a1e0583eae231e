package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bregman.train.data.DataSpec;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bregman.potential.api.Until;

/** The {@code combined} report (every mirror × every initial point) against the divergences computed here by hand. */
class CombinedReportTest {

    @TempDir
    Path dir;

    /** D_q(w, v) = Σ |w|^q/q − |v|^q/q − sign(v)|v|^(q−1)(w − v), in double, from the float weights. */
    private static double dq(double q, float[] w, float[] v) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double wi = w[i], vi = v[i];
            s += Math.pow(Math.abs(wi), q) / q - Math.pow(Math.abs(vi), q) / q - Math.signum(vi) * Math.pow(Math.abs(vi), q - 1) * (wi - vi);
        }
        return s;
    }

    @Test
    void eachFinalPointIsClosestToItsOwnInitialPointInItsOwnMirrorsDivergence() throws Exception {
        double[] qs = {1.5, 2, 3};
        List<MirrorSpec> mirrors = new ArrayList<>();
        for (double q : qs) mirrors.add(TestMirrors.q(q));
        List<Long> seeds = List.of(1L, 2L);
        ExperimentSpec spec = new ExperimentSpec("Combined", new DataSpec.Regression(5, 20, 0, 3), new ModelSpec.Linear(), Loss.SQUARED, mirrors,
                new InitSpec.Normal(0, 0.5), seeds, 0.05, 1, Until.of("loss", "<", 1e-12).or(Until.of("epochs", ">=", 5000)), Set.of("combined"));
        ExperimentResult result = new Trainer(spec, spec.data().load(null), null, null).run();
        Path out = dir.resolve("combined");
        ReportWriter.write(result, out, false);

        List<String> lines = Files.readAllLines(out.resolve("combined.csv"));
        int k = qs.length * seeds.size();
        assertEquals(k + 1, lines.size(), String.join("\n", lines));
        int diagonalMinimum = 0;
        for (int i = 0; i < k; i++) {
            double psi = qs[i / seeds.size()];
            float[] init = result.inits().get(seeds.get(i % seeds.size()));
            List<String> row = TestCsv.cells(lines.get(i + 1));
            assertEquals(mirrors.get(i / seeds.size()).label() + ", init seed " + seeds.get(i % seeds.size()), row.get(0));
            double[] expected = new double[k];
            for (int j = 0; j < k; j++) {
                RunResult r = result.run(mirrors.get(j / seeds.size()), seeds.get(j % seeds.size()));
                assertTrue(r.finished(), r.line());
                expected[j] = dq(psi, r.fin(), init);
                double written = Double.parseDouble(row.get(j + 1));
                assertEquals(expected[j], written, 1e-9 * Math.max(1, Math.abs(expected[j])), "row " + i + ", column " + j);
            }
            boolean min = true;
            for (int j = 0; j < k; j++) if (expected[j] < expected[i]) min = false;
            if (min) diagonalMinimum++;
        }
        // the claim of Fig. 5 holds here: every row's minimum is its own (mirror, initial point)
        assertEquals(k, diagonalMinimum);
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("**Combined table: diagonal is the row minimum in " + diagonalMinimum + " of " + k + " rows.**"), summary);
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.contains("\"combined\""), json);
        assertTrue(json.contains("\"diagonalMinimumRows\": " + diagonalMinimum), json);
    }

    @Test
    void notWrittenUnlessRequested() throws Exception {
        ExperimentSpec spec = new ExperimentSpec("Plain", new DataSpec.Regression(5, 20, 0, 3), new ModelSpec.Linear(), Loss.SQUARED,
                List.of(TestMirrors.q(2)), new InitSpec.Normal(0, 0.5), List.of(1L), 0.05, 1, Until.of("epochs", ">=", 3), Set.of("bregman"));
        ExperimentResult result = new Trainer(spec, spec.data().load(null), null, null).run();
        Path out = dir.resolve("plain");
        ReportWriter.write(result, out, false);
        assertFalse(Files.exists(out.resolve("combined.csv")));
        assertFalse(Files.readString(out.resolve("results.json")).contains("\"combined\""));
    }
}
