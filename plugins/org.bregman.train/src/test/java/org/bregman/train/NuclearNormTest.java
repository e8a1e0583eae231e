package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.train.data.MatrixData;
import org.bregman.train.report.NuclearNorm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nuclear-norm reference and the {@code nuclear} report: the SVD reconstructs its matrix, the certified minimum agrees
 * with a one-dimensional search on a 2 × 2 completion problem and with the planted matrix where it is recovered, and
 * gradient descent on a factorisation from a small initial scale ends near the minimum nuclear norm, from a large one
 * farther (seed 003).
 */
class NuclearNormTest {

    @Test
    void theSvdReconstructsItsMatrix() {
        Random r = new Random(5);
        int d = 7;
        double[] a = new double[d * d];
        for (int j = 0; j < a.length; j++) a[j] = r.nextGaussian();
        NuclearNorm.Svd f = NuclearNorm.svd(a, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += f.u()[i * d + k] * f.s()[k] * f.v()[j * d + k];
                assertEquals(a[i * d + j], s, 1e-12);
            }
        }
        assertEquals(6.0, NuclearNorm.nuclear(new double[] {3, 0, 0, -3}, 2), 1e-14);
    }

    @Test
    void theMinimumAgreesWithASearchOverTheMissingEntry() {
        // [[1, 2], [3, x]]: min over x of the nuclear norm, by golden-section search (the norm is convex in x)
        double[] a = new double[3 * 4];
        a[0] = 1; // entry (0,0)
        a[4 + 1] = 1; // (0,1)
        a[8 + 2] = 1; // (1,0)
        double[] y = {1, 2, 3};
        NuclearNorm.Minimum m = NuclearNorm.minimum(a, y, 3, 2, 1e-9, 50_000);
        double lo = -100, hi = 100, g = (Math.sqrt(5) - 1) / 2;
        for (int k = 0; k < 200; k++) {
            double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
            if (nuclearAt(x1) < nuclearAt(x2)) hi = x2;
            else lo = x1;
        }
        double best = nuclearAt((lo + hi) / 2);
        assertEquals(best, m.upper(), 1e-7 * best, "ADMM's minimum vs the search");
        assertTrue(m.lower() <= best * (1 + 1e-12) && m.gap() <= 1e-8, "certificate: " + m);
    }

    private static double nuclearAt(double x) {
        return NuclearNorm.nuclear(new double[] {1, 2, 3, x}, 2);
    }

    @Test
    void aRecoveredPlantedMatrixIsTheMinimum() {
        var data = MatrixData.completion(8, 1, 40, 3);
        double[] a = new double[data.n() * data.d()], y = new double[data.n()];
        for (int j = 0; j < a.length; j++) a[j] = data.x()[j];
        for (int i = 0; i < data.n(); i++) y[i] = data.y(i);
        NuclearNorm.Minimum m = NuclearNorm.minimum(a, y, data.n(), 8, 1e-7, 50_000);
        double planted = NuclearNorm.nuclear(MatrixData.planted(8, 1, new Random(3)), 8);
        assertTrue(m.upper() <= planted * (1 + 1e-5), "the planted matrix is a solution: min " + m.upper() + " vs " + planted);
        assertTrue(m.gap() <= 1e-7, m.toString());
    }

    @Test
    void smallInitialisationEndsNearTheMinimumNuclearNorm(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("../../examples/experiments/factorization.potential")).replace("seeds 1 .. 2", "seeds 1");
        PotentialWorkspace ws = PotentialWorkspace.fromString(text, dir.resolve("factorization.potential"));
        assertTrue(!ws.hasErrors(), ws.diagnostics().toString());
        double small = ratio(ws, "SmallInit", dir), medium = ratio(ws, "MediumInit", dir), large = ratio(ws, "LargeInit", dir);
        assertTrue(small <= 1.05, "small initial scale: ratio " + small);
        assertTrue(medium > small + 0.05 && large > medium + 0.5, "the ratio grows with the initial scale: " + small + ", " + medium + ", " + large);
    }

    private static double ratio(PotentialWorkspace ws, String name, Path dir) throws Exception {
        ExperimentSpec spec = ExperimentSpec.of(ws.experiment(name));
        var o = ExperimentRunner.run(spec, new ExperimentRunner.Options(dir.resolve(name), null, false), null, new ExperimentRunner.Stop());
        var data = o.result().data();
        int d = (int) Math.round(Math.sqrt(data.d()));
        double[] a = new double[data.n() * data.d()], y = new double[data.n()];
        for (int j = 0; j < a.length; j++) a[j] = data.x()[j];
        for (int i = 0; i < data.n(); i++) y[i] = data.y(i);
        double min = NuclearNorm.minimum(a, y, data.n(), d, 1e-7, 50_000).upper();
        double worst = 0;
        for (RunResult r : o.result().runs()) {
            assertTrue(r.finished(), r.line());
            double[] w = new double[data.d()];
            for (int j = 0; j < w.length; j++) w[j] = r.predictor()[j];
            worst = Math.max(worst, NuclearNorm.nuclear(w, d) / min);
        }
        String summary = Files.readString(dir.resolve(name).resolve("summary.md"));
        assertTrue(summary.contains(String.format(java.util.Locale.ROOT, "%.4f", worst)), "the report shows the ratio " + worst + ":\n" + summary);
        return worst;
    }
}
