package org.bregman.train;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bregman.potential.api.Until;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.RealInterval;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.ExactSolver;
import org.bregman.train.report.KktReport;
import org.bregman.train.report.RowSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The non-separable p-norm potential ½‖w‖_q² (seed 000's p-norm algorithm): the exact solver for a non-separable ψ
 * against independent computations, and SMD on the whole weight vector reaching argmin_{Xw=y} D_ψ(w, w0).
 */
class PNormExactTest {

    static MirrorMap pNorm(double q) {
        PotentialSpec spec = new PotentialSpec("PNorm", List.of(new PotentialSpec.Parameter("q", 3)), "w", RealInterval.REALS,
                mul(num(0.5), pow(pow(var("S"), div(num(1), var("q"))), num(2))), null, null)
                .withReduction("S", pow(abs(var("w")), var("q")));
        return Optimizers.compile(CompositeDerivation.derive(spec, Map.of("q", q)), null, Optimizers.Options.DEFAULT);
    }

    /** ∇(½‖w‖_q²) written out, in double. */
    static double[] grad(double[] w, double q) {
        double s = 0;
        for (double x : w) s += Math.pow(Math.abs(x), q);
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) out[j] = Math.signum(w[j]) * Math.pow(Math.abs(w[j]), q - 1) * Math.pow(s, (2 - q) / q);
        return out;
    }

    static double bregman(double[] w, double[] v, double q) {
        double[] gv = grad(v, q);
        double d = half(w, q) - half(v, q);
        for (int j = 0; j < w.length; j++) d -= gv[j] * (w[j] - v[j]);
        return d;
    }

    static double half(double[] w, double q) {
        double s = 0;
        for (double x : w) s += Math.pow(Math.abs(x), q);
        return 0.5 * Math.pow(s, 2 / q);
    }

    @Test
    void atQ2TheSolverIsTheEuclideanProjection() {
        int n = 4, d = 12;
        Random r = new Random(3);
        double[] x = new double[n * d], y = new double[n], w0 = new double[d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = r.nextGaussian();
        for (int j = 0; j < d; j++) w0[j] = r.nextGaussian();
        ExactSolver.Solution s = ExactSolver.solve(pNorm(2), x, y, w0, n, d);
        assertTrue(s.converged());
        // w0 + Xᵀ(XXᵀ)⁻¹(y − Xw0), by the tests' own LU solve (LinearExactTest.solveByLu)
        double[] a = new double[n * n], b = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = 0;
            for (int j = 0; j < d; j++) xi += x[i * d + j] * w0[j];
            b[i] = y[i] - xi;
            for (int k = 0; k < n; k++) for (int j = 0; j < d; j++) a[i * n + k] += x[i * d + j] * x[k * d + j];
        }
        double[] mu = LinearExactTest.solveByLu(a, b, n);
        for (int j = 0; j < d; j++) {
            double expected = w0[j];
            for (int i = 0; i < n; i++) expected += x[i * d + j] * mu[i];
            assertEquals(expected, s.w()[j], 1e-12 * (1 + Math.abs(expected)));
        }
    }

    @ParameterizedTest
    @CsvSource({"1.5", "3"})
    void theSolverMeetsTheKktConditionsAndBeatsFeasiblePerturbations(double q) {
        int n = 5, d = 20;
        Random r = new Random(9);
        double[] x = new double[n * d], y = new double[n], w0 = new double[d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = r.nextGaussian();
        for (int j = 0; j < d; j++) w0[j] = r.nextGaussian() * 0.3;
        ExactSolver.Solution s = ExactSolver.solve(pNorm(q), x, y, w0, n, d);
        assertTrue(s.converged() && s.residual() < 1e-12, "residual " + s.residual());
        RowSpace rows = new RowSpace(x, n, d);
        double kkt = KktReport.residual(grad(s.w(), q), grad(w0, q), rows, d);
        assertTrue(kkt < 1e-10, "KKT residual " + kkt);
        // any feasible w* + v (v in the null space of X) is farther from w0 in D_ψ
        double best = bregman(s.w(), w0, q);
        for (int t = 0; t < 50; t++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) v[j] = r.nextGaussian() * 1e-2;
            double[] out = rows.outside(v);
            double[] moved = s.w().clone();
            for (int j = 0; j < d; j++) moved[j] += out[j];
            assertTrue(bregman(moved, w0, q) > best, "perturbation " + t);
        }
    }

    @Test
    void smdWithTheWholeVectorReachesTheExactMinimiserWithin1e6() {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        List<MirrorSpec> mirrors = List.of(new MirrorSpec("PNorm", Map.of("q", 1.5), pNorm(1.5)), new MirrorSpec("PNorm", Map.of("q", 3.0), pNorm(3)));
        ExperimentSpec spec = new ExperimentSpec("PNorm", dataSpec, new ModelSpec.Linear(), Loss.SQUARED, mirrors, new InitSpec.Normal(0, 0.1),
                List.of(1L, 2L), 1, 1, Until.of("loss", "<", 1e-14).or(Until.of("epochs", ">=", 3000)), Set.of("exact"), Safeguard.DEFAULT);
        for (RunResult run : new Trainer(spec, data, null, null).run().runs()) {
            assertEquals(RunResult.Status.CONVERGED, run.status(), run.message());
            double rel = LinearExactTest.relativeDistance(run, data);
            assertTrue(rel < 1e-6, run.mirror().label() + " seed " + run.seed() + ": " + rel);
        }
    }
}
