package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.KktReport;
import org.bregman.train.report.RowSpace;
import org.junit.jupiter.api.Test;
import org.bregman.potential.api.Until;

/** The {@code kkt} report's projection onto row(X), checked against independent computations, and its verdict on SMD. */
class KktTest {

    private static double[] gaussian(Random r, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) v[i] = r.nextGaussian();
        return v;
    }

    /** Rows supported on the first m coordinates, u on the others: u ⊥ row(X) by construction, so the answer is ‖u‖ / ‖v‖. */
    @Test
    void aComponentOrthogonalByConstructionIsFoundExactly() {
        Random rnd = new Random(3);
        int n = 5, m = 12, d = 40;
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) x[i * d + j] = rnd.nextGaussian();
        double[] a = gaussian(rnd, n);
        for (double scaleU : new double[] {1, 1e-6, 1e-12, 0}) {
            double[] v = new double[d];
            double uu = 0;
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) v[j] += x[i * d + j] * a[i];
                if (j >= m) {
                    double u = scaleU * rnd.nextGaussian();
                    v[j] += u;
                    uu += u * u;
                }
            }
            double vv = 0;
            for (double e : v) vv += e * e;
            double expected = Math.sqrt(uu / vv);
            double got = new RowSpace(x, n, d).relativeOutside(v);
            assertEquals(expected, got, 1e-12 * Math.max(expected, 1e-3) + 1e-15, "scale " + scaleU);
        }
    }

    /** Against the normal equations X Xᵀ λ = X v solved by an LU solve (another method), rank-deficient X included. */
    @Test
    void agreesWithTheNormalEquations() {
        Random rnd = new Random(5);
        int n = 6, d = 30;
        double[] x = gaussian(rnd, n * d);
        double[] v = gaussian(rnd, d);
        double[] viaNormal = outsideByNormalEquations(x, n, d, v);
        double[] viaBasis = new RowSpace(x, n, d).outside(v);
        for (int j = 0; j < d; j++) assertEquals(viaNormal[j], viaBasis[j], 1e-12, "coordinate " + j);
        // rows 6 and 7 repeat rows 0 and 1 (scaled), row 8 is zero: the same row space, rank 6
        double[] x2 = java.util.Arrays.copyOf(x, 9 * d);
        for (int j = 0; j < d; j++) {
            x2[6 * d + j] = 3 * x[j];
            x2[7 * d + j] = x[j] - 2 * x[d + j];
        }
        RowSpace deficient = new RowSpace(x2, 9, d);
        assertEquals(6, deficient.rank());
        double[] again = deficient.outside(v);
        for (int j = 0; j < d; j++) assertEquals(viaNormal[j], again[j], 1e-12, "coordinate " + j);
    }

    static double[] outsideByNormalEquations(double[] x, int n, int d, double[] v) {
        double[] gram = new double[n * n];
        double[] rhs = new double[n];
        for (int a = 0; a < n; a++) {
            for (int j = 0; j < d; j++) rhs[a] += x[a * d + j] * v[j];
            for (int b = 0; b < n; b++) for (int j = 0; j < d; j++) gram[a * n + b] += x[a * d + j] * x[b * d + j];
        }
        double[] lam = LinearExactTest.solveByLu(gram, rhs, n);
        double[] out = v.clone();
        for (int j = 0; j < d; j++) for (int i = 0; i < n; i++) out[j] -= x[i * d + j] * lam[i];
        return out;
    }

    /**
     * SMD keeps ∇ψ(w) − ∇ψ(w0) in row(X): every converged run's residual is at the float32 rounding of the final
     * point (measured 1e-8 to 1e-7; asserted ≤ 1e-6), while the ℓ2 run's final point judged with ℓ3's ψ, a
     * feasible point that is not ℓ3's minimiser, is far from stationary (asserted ≥ 1e-2).
     */
    @Test
    void smdFinalPointsSatisfyTheKktConditionsAndOtherPointsDoNot() {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        List<MirrorSpec> mirrors = List.of(TestMirrors.q(2), new MirrorSpec("QNorm", Map.of("q", 3.0), TestMirrors.qnorm(3), 0.2));
        ExperimentSpec spec = new ExperimentSpec("Kkt", dataSpec, new ModelSpec.Linear(), Loss.SQUARED, mirrors, new InitSpec.Uniform(0.5, 1.0),
                List.of(1L, 2L), 0.5, 1, Until.of("loss", "<", 1e-13).or(Until.of("epochs", ">=", 5000)), Set.of("kkt"));
        ExperimentResult result = new Trainer(spec, data, null, null).run();
        KktReport report = KktReport.of(result);
        List<?> rows = (List<?>) report.json();
        assertEquals(4, rows.size());
        for (Object o : rows) {
            Map<?, ?> row = (Map<?, ?>) o;
            assertEquals("converged", row.get("status"));
            assertTrue((Double) row.get("kktResidual") <= 1e-6, row.toString());
        }
        assertTrue(report.markdown().contains("| QNorm(q = 3) | 2 | converged |"), report.markdown());
        int n = data.n(), d = data.d();
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = data.x()[i];
        RunResult l2 = result.runs().get(0);
        double wrong = KktReport.residual(TestMirrors.qnorm(3)::grad, new RowSpace(x, n, d), l2.init(), l2.fin(), d);
        assertTrue(wrong >= 1e-2, "the l2 point under psi = |w|^3/3: " + wrong);
    }
}
