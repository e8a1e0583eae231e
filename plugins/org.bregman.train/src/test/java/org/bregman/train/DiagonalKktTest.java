package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.potential.api.Until;
import org.bregman.runtime.rules.UpdateRules;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.KktReport;
import org.junit.jupiter.api.Test;

/**
 * {@code kkt(P)} on the diagonal network (seed 001, {@code examples/experiments/sign-descent.potential}): smoothed
 * sign descent on (u, v), the KKT residual of min D_P(w, w0) s.t. Xw = y at the effective predictor w = u² − v² with
 * P = (2/3)|w|^(3/2), and the verdict over ε — each against a reference: the same steps written out in double and
 * the projection by the normal equations.
 */
class DiagonalKktTest {

    private static final double[] EPS = {0.01, 0.1, 0.3};
    private static final double LR = 0.001, ALPHA = 0.1;

    @Test
    void residualsAndTheTrendOverEpsAgreeWithAReferenceLoop() {
        DataSpec dataSpec = new DataSpec.Regression(10, 40, 0, 1);
        Dataset data = dataSpec.load(null);
        List<MirrorSpec> rules = new ArrayList<>();
        for (double eps : EPS) {
            Map<String, Double> args = Map.of("eps", eps);
            rules.add(MirrorSpec.optimizer("SmoothedSign", args, UpdateRules.get("SmoothedSign").create(args), null));
        }
        // (2/3)|w|^(3/2) = |w|^q / q at q = 3/2: seed 001's potential at its limit c -> 0
        MirrorSpec signLimit = new MirrorSpec("SignLimit", Map.of(), TestMirrors.qnorm(1.5));
        ExperimentSpec spec = new ExperimentSpec("SignDescent", dataSpec, new ModelSpec.Diagonal(2), Loss.SQUARED, rules,
                new InitSpec.Constant(ALPHA), List.of(1L), LR, 10, Until.of("loss", "<", 1e-8).or(Until.of("epochs", ">=", 100000)),
                Set.of("kkt"), null, signLimit);
        ExperimentResult result = new Trainer(spec, data, null, null).run();
        KktReport report = KktReport.of(result);
        List<?> rows = (List<?>) report.json();
        assertEquals(EPS.length, rows.size());
        double[] reference = new double[EPS.length];
        for (int e = 0; e < EPS.length; e++) {
            RunResult r = result.runs().get(e);
            assertEquals(RunResult.Status.CONVERGED, r.status(), r.line());
            reference[e] = referenceResidual(data, EPS[e], r.steps());
            double got = (Double) ((Map<?, ?>) rows.get(e)).get("kktResidual");
            // float32 weights against a double loop over 10^4 steps: measured 3e-7 (eps 0.01) to 1.4e-4 (eps 0.3) relative
            assertEquals(reference[e], got, 1e-3 * reference[e], "eps " + EPS[e]);
        }
        boolean decreasing = reference[1] < reference[0] && reference[2] < reference[1];
        assertNotNull(report.verdict());
        assertTrue(report.verdict().contains(decreasing ? "decreases as ε grows" : "does not decrease"), report.verdict());
        assertTrue(report.markdown().contains("ψ = SignLimit for every run, w = u^2 − v^2"), report.markdown());
    }

    /** Smoothed sign descent on (u, v) in double, full batch, {@code steps} steps; then the relative part of ∇P(w) outside row(X). */
    private static double referenceResidual(Dataset data, double eps, long steps) {
        int n = data.n(), d = data.d();
        float[] x = data.x();
        double[] u = new double[d], v = new double[d], w = new double[d], gw = new double[d];
        java.util.Arrays.fill(u, (float) ALPHA);
        java.util.Arrays.fill(v, (float) ALPHA);
        double eta = LR / n; // the rate per example times the batch's summed gradient
        for (long s = 0; s < steps; s++) {
            for (int j = 0; j < d; j++) w[j] = u[j] * u[j] - v[j] * v[j];
            java.util.Arrays.fill(gw, 0);
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int j = 0; j < d; j++) f += x[i * d + j] * w[j];
                double r = f - data.targets()[i];
                for (int j = 0; j < d; j++) gw[j] += r * x[i * d + j];
            }
            for (int j = 0; j < d; j++) {
                double gu = 2 * u[j] * gw[j], gv = -2 * v[j] * gw[j];
                u[j] -= eta * gu / (Math.abs(gu) + eps);
                v[j] -= eta * gv / (Math.abs(gv) + eps);
            }
        }
        double[] grad = new double[d]; // ∇P(w) − ∇P(w0), w0 = 0
        for (int j = 0; j < d; j++) {
            double wj = u[j] * u[j] - v[j] * v[j];
            grad[j] = Math.signum(wj) * Math.sqrt(Math.abs(wj));
        }
        double[] xd = new double[n * d];
        for (int i = 0; i < xd.length; i++) xd[i] = x[i];
        double[] out = KktTest.outsideByNormalEquations(xd, n, d, grad);
        double o = 0, a = 0;
        for (int j = 0; j < d; j++) {
            o += out[j] * out[j];
            a += grad[j] * grad[j];
        }
        return Math.sqrt(o / a);
    }
}
