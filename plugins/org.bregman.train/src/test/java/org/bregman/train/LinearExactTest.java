package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.ExactSolver;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.bregman.potential.api.Until;

/**
 * SMD on an over-parameterised linear regression reaches argmin_{Xw=y} D_ψ(w, w0) (Azizan &amp; Hassibi),
 * checked against {@link ExactSolver} (double precision, independent of the trainer).
 *
 * <p>The linear model steps a compensated iterate ({@link org.bregman.runtime.MirrorMap#stepCompensated}:
 * float32 weights plus a float32 low word). The plain float32 step rounded every weight at every step,
 * which broke the conservation law ∇ψ(w) − ∇ψ(w0) ∈ row space(X) by about (q − 1)·2⁻²⁴ per changing step:
 * ℓ3 measured 1.1–1.6e-6 on this instance with it. Measured now (n = 6, d = 30, batch 1, loss &lt; 1e-13):
 * ≈ 2.8e-7 (ℓ1.5), 3.6–3.8e-7 (ℓ2), 5.2–5.6e-7 (ℓ3), 3.6–4.0e-7 (negative entropy) — what is left is the
 * stopping tolerance (loss 1e-13 leaves residuals ~4e-7), not rounding: trained to loss 3e-15 the final
 * points are 6–10e-8 away, the float32 rounding of the point itself.
 */
class LinearExactTest {

    static double relativeDistance(RunResult r, Dataset data) {
        ExactSolver.Solution s = exact(r.mirror(), r.init(), data);
        assertTrue(s.converged(), "exact solver converged for " + r.mirror().label() + ": residual " + s.residual());
        int d = data.d();
        double num = 0, den = 0;
        for (int j = 0; j < d; j++) {
            num += Math.pow(r.fin()[j] - s.w()[j], 2);
            den += s.w()[j] * s.w()[j];
        }
        return Math.sqrt(num / den);
    }

    static ExactSolver.Solution exact(MirrorSpec mirror, float[] init, Dataset data) {
        int n = data.n(), d = data.d();
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = data.x()[i];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = data.targets()[i];
        double[] w0 = new double[d];
        for (int j = 0; j < d; j++) w0[j] = init[j];
        return ExactSolver.solve(mirror.map(), x, y, w0, n, d);
    }

    private static ExperimentResult train(List<MirrorSpec> mirrors, DataSpec dataSpec, Dataset data, InitSpec init, double lr,
            double loss) {
        ExperimentSpec spec = new ExperimentSpec("Exact", dataSpec, new ModelSpec.Linear(), Loss.SQUARED, mirrors,
                init, List.of(1L, 2L), lr, 1,
                Until.of("loss", "<", loss).or(Until.of("epochs", ">=", 5000)), Set.of("exact"));
        return new Trainer(spec, data, null, null).run();
    }

    static List<MirrorSpec> mirrors() {
        return List.of(TestMirrors.q(1.5), TestMirrors.q(2), new MirrorSpec("QNorm", Map.of("q", 3.0), TestMirrors.qnorm(3), 0.2),
                new MirrorSpec("NegEntropy", Map.of(), TestMirrors.negEntropy()));
    }

    @Test
    void qNormAndNegativeEntropyReachTheExactMinimiserWithin1e6() {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        List<RunResult> runs = train(mirrors(), dataSpec, data, new InitSpec.Uniform(0.5, 1.0), 0.5, 1e-13).runs();
        // the tolerance: relative distance ≤ 1e-6, for ℓ3 too
        double worst = assertConvergedWithin(runs, data, 1e-6);
        // and each final point is far closer to its own minimiser than to the ℓ2 one: the implicit bias is real, not rounding
        for (RunResult r : runs) {
            if (Double.valueOf(2).equals(r.mirror().args().get("q"))) continue;
            RunResult asL2 = new RunResult(TestMirrors.q(2), r.seed(), 0, r.status(), 0, 0, 0, 0, 0, 0, null, r.init(), r.fin(), null,
                    List.of(), 0);
            assertTrue(relativeDistance(asL2, data) > 1e3 * worst, r.mirror().label() + " final point vs the l2 minimiser");
        }
    }

    /**
     * Trained down to loss 3e-15 (the float32 weights' own floor is ~1e-15 here), the final point is as
     * close to the exact minimiser as its float32 rounding allows: measured 5.9e-8 to 9.6e-8 for every
     * mirror, asserted ≤ 2e-7. The plain float32 step measured 2.8e-7 to 2.1e-6 on the same runs (and 3 of
     * the 8 never reached the loss), so this fails without the compensated iterate.
     */
    @Test
    void downToTheFloat32FloorTheFinalPointIsWithin2e7() {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        assertConvergedWithin(train(mirrors(), dataSpec, data, new InitSpec.Uniform(0.5, 1.0), 0.5, 3e-15).runs(), data, 2e-7);
    }

    /**
     * ℓ10 (ψ'' = 9w⁸) converges at batch 1 where its exact minimiser stays away from 0: here from
     * normal(mean = 1, std = 0.05) on n = 5, d = 1000 (min |w*| = 0.78 and 0.56; measured: 274 and 176
     * epochs at lr 0.5, relative distance 4.5e-8 and 5.0e-8). On the instance above, from uniform(0.5, 1),
     * min |w*| is 0.014 and 0.15, where ψ'' is 1e-14 and 2e-6 of its value at 1: batch-1 SMD would need a
     * rate about that much smaller and stops at the epoch budget (measured at lr 0.2, 0.05, 0.01: loss
     * 3e-4 to 6e-2 after 5,000 epochs).
     */
    @Test
    void q10ReachesTheExactMinimiserWithin1e6WhereItStaysAwayFromZero() {
        DataSpec dataSpec = new DataSpec.Regression(5, 1000, 0, 1);
        Dataset data = dataSpec.load(null);
        MirrorSpec q10 = TestMirrors.q(10);
        InitSpec init = new InitSpec.Normal(1, 0.05);
        List<RunResult> runs = train(List.of(q10), dataSpec, data, init, 0.5, 1e-13).runs();
        for (RunResult r : runs) {
            double minAbs = java.util.Arrays.stream(exact(q10, r.init(), data).w()).map(Math::abs).min().orElseThrow();
            assertTrue(minAbs > 0.5, "the premise: the exact minimiser stays away from 0, min |w*| = " + minAbs);
        }
        assertConvergedWithin(runs, data, 1e-6);
    }

    /** Every run converged and ended within {@code bound} (relative) of its exact minimiser; returns the largest distance. */
    private static double assertConvergedWithin(List<RunResult> runs, Dataset data, double bound) {
        StringBuilder report = new StringBuilder();
        double worst = 0;
        for (RunResult r : runs) {
            assertTrue(r.status() == RunResult.Status.CONVERGED, r.line());
            double rel = relativeDistance(r, data);
            report.append(r.line()).append(" relative distance ").append(rel).append('\n');
            worst = Math.max(worst, rel);
        }
        System.out.println(report);
        assertTrue(worst <= bound, "largest relative distance " + worst + "\n" + report);
        return worst;
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
        double[] lam = solveByLu(gram, rhs, n);
        double off = 0, norm = 0;
        for (int j = 0; j < d; j++) {
            double p = 0;
            for (int i = 0; i < n; i++) p += x[i * d + j] * lam[i];
            off += (g[j] - p) * (g[j] - p);
            norm += g[j] * g[j];
        }
        assertTrue(Math.sqrt(off / norm) < 1e-6, "KKT residual " + Math.sqrt(off / norm));
    }

    /**
     * The tests' own solve of a small square system: ND4J's LU solve in double, independent of {@link ExactSolver}'s
     * Cholesky, so that a test checking the solver does not use the solver's own linear algebra.
     */
    static double[] solveByLu(double[] a, double[] b, int n) {
        INDArray m = Nd4j.create(a, new long[] {n, n}, DataType.DOUBLE);
        INDArray rhs = Nd4j.create(b, new long[] {n, 1}, DataType.DOUBLE);
        return Nd4j.linalg().solve(m, rhs).toDoubleVector();
    }
}
