package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.train.ExperimentSpec.Report;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.ExactSolver;
import org.junit.jupiter.api.Test;

/**
 * SMD on an over-parameterised linear regression reaches argmin_{Xw=y} D_ψ(w, w0) (Azizan &amp; Hassibi),
 * checked against {@link ExactSolver} (double precision, independent of the trainer).
 *
 * <p>Measured floor: the step is float32, and every step rounds each weight; the rounding breaks the
 * conservation law ∇ψ(w) − ∇ψ(w0) ∈ row space(X) by about (q − 1)·2⁻²⁴ per changing step, so the relative
 * distance grows with q and with the number of steps: ≈ 3e-7 for q = 1.5, 4e-7 for q = 2, 5–7e-7 for
 * negative entropy, 1.1–1.6e-6 for q = 3 on this instance. q = 10 did not converge at the learning rates
 * tried here (SMD cycles where a coordinate crosses 0, as ψ'' = 9w⁸ vanishes there).
 */
class LinearExactTest {

    static double relativeDistance(RunResult r, Dataset data) {
        int n = data.n(), d = data.d();
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = data.x()[i];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = data.targets()[i];
        double[] w0 = new double[d];
        for (int j = 0; j < d; j++) w0[j] = r.init()[j];
        ExactSolver.Solution s = ExactSolver.solve(r.mirror().map(), x, y, w0, n, d);
        assertTrue(s.converged(), "exact solver converged for " + r.mirror().label() + ": residual " + s.residual());
        double num = 0, den = 0;
        for (int j = 0; j < d; j++) {
            num += Math.pow(r.fin()[j] - s.w()[j], 2);
            den += s.w()[j] * s.w()[j];
        }
        return Math.sqrt(num / den);
    }

    private static ExperimentResult train(List<MirrorSpec> mirrors, DataSpec dataSpec, Dataset data) {
        ExperimentSpec spec = new ExperimentSpec("Exact", dataSpec, new ModelSpec.Linear(), Loss.SQUARED, mirrors,
                new InitSpec.Uniform(0.5, 1.0), List.of(1L, 2L), 0.5, 1,
                Until.of("loss", "<", 1e-13).or(Until.of("epochs", ">=", 5000)), Set.of(Report.EXACT));
        return new Trainer(spec, data, null).run();
    }

    @Test
    void qNormAndNegativeEntropyReachTheExactMinimiserWithin1e6() {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        List<MirrorSpec> mirrors = List.of(TestMirrors.q(1.5), TestMirrors.q(2),
                new MirrorSpec("NegEntropy", Map.of(), TestMirrors.negEntropy()));
        StringBuilder report = new StringBuilder();
        double worst = 0;
        for (RunResult r : train(mirrors, dataSpec, data).runs()) {
            assertTrue(r.status() == RunResult.Status.CONVERGED, r.line());
            double rel = relativeDistance(r, data);
            report.append(r.line()).append(" relative distance ").append(rel).append('\n');
            worst = Math.max(worst, rel);
        }
        // the tolerance: relative distance ≤ 1e-6
        System.out.println(report);
        assertTrue(worst <= 1e-6, "largest relative distance " + worst + "\n" + report);
    }

    @Test
    void q3ReachesTheExactMinimiserUpToTheFloat32Floor() {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        List<MirrorSpec> mirrors = List.of(new MirrorSpec("QNorm", Map.of("q", 3.0), TestMirrors.qnorm(3), 0.2));
        StringBuilder report = new StringBuilder();
        double worst = 0;
        for (RunResult r : train(mirrors, dataSpec, data).runs()) {
            assertTrue(r.status() == RunResult.Status.CONVERGED, r.line());
            double rel = relativeDistance(r, data);
            report.append(r.line()).append(" relative distance ").append(rel).append('\n');
            worst = Math.max(worst, rel);
        }
        // NOT the 1e-6: float32 SMD with q = 3 measures 1.1–1.6e-6 here (see the class comment)
        assertTrue(worst <= 3e-6, "largest relative distance " + worst + "\n" + report);
        // and it is far closer to its own minimiser than to the ℓ2 one: the implicit bias is real, not rounding
        for (RunResult r : train(mirrors, dataSpec, data).runs()) {
            MirrorSpec l2 = TestMirrors.q(2);
            RunResult asL2 = new RunResult(l2, r.seed(), 0, r.status(), 0, 0, 0, 0, 0, 0, null, r.init(), r.fin(), null, List.of(), 0);
            assertTrue(relativeDistance(asL2, data) > 1e3 * worst, "q = 3 final point vs the l2 minimiser");
        }
    }

    @Test
    void exactSolverHandlesQ10WhereTheDualNewtonStalls() {
        Dataset data = new DataSpec.Regression(6, 30, 0, 7).load(null);
        int n = data.n(), d = data.d();
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = data.x()[i];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = data.targets()[i];
        float[] init = new InitSpec.Uniform(0.5, 1.0).draw(d, 1);
        double[] w0 = new double[d];
        for (int j = 0; j < d; j++) w0[j] = init[j];
        var map = TestMirrors.qnorm(10);
        ExactSolver.Solution s = ExactSolver.solve(map, x, y, w0, n, d);
        assertTrue(s.converged() && s.residual() < 1e-10, "residual " + s.residual());
        // optimality: ∇ψ(w) − ∇ψ(w0) lies in the row space of X (least-squares fit leaves < 1e-6 relative)
        double[] g = new double[d];
        for (int j = 0; j < d; j++) g[j] = map.grad(s.w()[j]) - map.grad(w0[j]);
        double[] gram = new double[n * n];
        double[] rhs = new double[n];
        for (int a = 0; a < n; a++) {
            for (int j = 0; j < d; j++) rhs[a] += x[a * d + j] * g[j];
            for (int b = 0; b < n; b++) for (int j = 0; j < d; j++) gram[a * n + b] += x[a * d + j] * x[b * d + j];
        }
        double[] lam = Gauss.solve(gram, rhs, n);
        double off = 0, norm = 0;
        for (int j = 0; j < d; j++) {
            double p = 0;
            for (int i = 0; i < n; i++) p += x[i * d + j] * lam[i];
            off += (g[j] - p) * (g[j] - p);
            norm += g[j] * g[j];
        }
        assertTrue(Math.sqrt(off / norm) < 1e-6, "KKT residual " + Math.sqrt(off / norm));
    }

    static final class Gauss {
        static double[] solve(double[] a, double[] b, int n) {
            a = a.clone();
            b = b.clone();
            for (int c = 0; c < n; c++) {
                int p = c;
                for (int r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]) > Math.abs(a[p * n + c])) p = r;
                for (int k = 0; k < n; k++) {
                    double t = a[c * n + k];
                    a[c * n + k] = a[p * n + k];
                    a[p * n + k] = t;
                }
                double t = b[c];
                b[c] = b[p];
                b[p] = t;
                for (int r = c + 1; r < n; r++) {
                    double f = a[r * n + c] / a[c * n + c];
                    for (int k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
                    b[r] -= f * b[c];
                }
            }
            double[] x = new double[n];
            for (int r = n - 1; r >= 0; r--) {
                double s = b[r];
                for (int k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
                x[r] = s / a[r * n + r];
            }
            return x;
        }
    }
}
