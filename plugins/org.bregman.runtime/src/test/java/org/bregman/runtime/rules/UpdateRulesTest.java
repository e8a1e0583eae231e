package org.bregman.runtime.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

/**
 * Each update rule against a straightforward reference loop in plain double Java, step by step along a trajectory of
 * least squares on a tiny problem (n = 3, d = 6): from the same float32 point and gradient, the rule's float32 step
 * and the reference's double step agree to float32 rounding.
 */
class UpdateRulesTest {

    private static final int N = 3, D = 6;

    /** The reference directions d (the update is w − η d), written out independently of the rules. */
    private static double[] reference(String rule, double[] g, double eps) {
        double[] d = new double[D];
        switch (rule) {
            case "SmoothedSign" -> {
                for (int j = 0; j < D; j++) d[j] = g[j] / (Math.abs(g[j]) + eps);
            }
            case "SignDescent" -> {
                for (int j = 0; j < D; j++) d[j] = g[j] > 0 ? 1 : g[j] < 0 ? -1 : 0;
            }
            case "SteepestL1" -> {
                double max = 0;
                for (double v : g) max = Math.max(max, Math.abs(v));
                for (int j = 0; j < D; j++) d[j] = max > 0 && Math.abs(g[j]) == max ? Math.signum(g[j]) : 0;
            }
            case "SteepestLinf" -> {
                double l1 = 0;
                for (double v : g) l1 += Math.abs(v);
                for (int j = 0; j < D; j++) d[j] = l1 * Math.signum(g[j]);
            }
            case "NormalizedGD" -> {
                double norm = 0;
                for (double v : g) norm += v * v;
                norm = Math.sqrt(norm);
                for (int j = 0; j < D; j++) d[j] = norm > 0 ? g[j] / norm : 0;
            }
            default -> throw new AssertionError(rule);
        }
        return d;
    }

    @Test
    void everyRuleMatchesItsReferenceLoopAlongATrajectory() {
        Random rnd = new Random(11);
        double[] x = new double[N * D];
        double[] y = new double[N];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        for (int i = 0; i < N; i++) y[i] = rnd.nextGaussian();
        assertEquals(List.of("SmoothedSign", "SignDescent", "SteepestL1", "SteepestLinf", "NormalizedGD"), List.copyOf(UpdateRules.ALL.keySet()));
        for (UpdateRule rule : UpdateRules.ALL.values()) {
            for (double eps : new double[] {0.01, 1}) {
                UpdateRule.Step step = rule.create(Map.of("eps", eps));
                float[] w = new float[D];
                for (int j = 0; j < D; j++) w[j] = (float) (0.1 * j - 0.2);
                float lr = rule.name().equals("SteepestLinf") ? 0.002f : 0.01f;
                double loss0 = loss(x, y, w);
                for (int t = 0; t < 200; t++) {
                    float[] g = gradient(x, y, w);
                    double[] gd = new double[D];
                    for (int j = 0; j < D; j++) gd[j] = g[j];
                    double[] d = reference(rule.name(), gd, eps);
                    float[] before = w.clone();
                    assertEquals(-1, step.step(w, g, D, lr));
                    for (int j = 0; j < D; j++) {
                        double expected = before[j] - (double) lr * d[j];
                        assertEquals(expected, w[j], 1e-6 * Math.max(1, Math.abs(expected)), rule.name() + " step " + t + " w[" + j + "]");
                    }
                }
                assertTrue(loss(x, y, w) < 0.5 * loss0, rule.name() + " decreases the loss: " + loss0 + " -> " + loss(x, y, w));
            }
        }
    }

    @Test
    void steepestL1MovesOnlyTheLargestCoordinatesAndSignDescentEveryNonzeroOne() {
        float[] g = {0.5f, -2f, 2f, 0f, -1f};
        float[] w = new float[5];
        UpdateRules.get("SteepestL1").create(Map.of()).step(w, g, 5, 0.25f);
        assertTrue(java.util.Arrays.equals(new float[] {0, 0.25f, -0.25f, 0, 0}, w), java.util.Arrays.toString(w));
        w = new float[5];
        UpdateRules.get("SignDescent").create(Map.of()).step(w, g, 5, 0.25f);
        assertTrue(java.util.Arrays.equals(new float[] {-0.25f, 0.25f, -0.25f, 0, 0.25f}, w), java.util.Arrays.toString(w));
    }

    @Test
    void badParametersAndOverflowAreReported() {
        UpdateRule s = UpdateRules.get("SmoothedSign");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.create(Map.of("eps", 0.0))).getMessage().contains("eps must be > 0"));
        assertEquals(0.1, s.params().get(0).defaultValue());
        float[] w = {Float.MAX_VALUE, 1};
        assertEquals(0, UpdateRules.get("SteepestLinf").create(Map.of()).step(w, new float[] {-1e30f, 0}, 2, 1e10f));
    }

    private static float[] gradient(double[] x, double[] y, float[] w) {
        return apply(x, y, w, (r, g) -> g);
    }

    private static double loss(double[] x, double[] y, float[] w) {
        double[] s = {0};
        apply(x, y, w, (r, g) -> {
            for (double v : r) s[0] += 0.5 * v * v;
            return g;
        });
        return s[0];
    }

    /** Residuals r = Xw − y and the gradient Xᵀr (float32, like the trainer's). */
    private static float[] apply(double[] x, double[] y, float[] w, BiFunction<double[], float[], float[]> f) {
        double[] r = new double[N];
        for (int i = 0; i < N; i++) {
            double s = -y[i];
            for (int j = 0; j < D; j++) s += x[i * D + j] * w[j];
            r[i] = s;
        }
        float[] g = new float[D];
        for (int j = 0; j < D; j++) {
            double s = 0;
            for (int i = 0; i < N; i++) s += x[i * D + j] * r[i];
            g[j] = (float) s;
        }
        return f.apply(r, g);
    }
}
