package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.bregman.train.data.Dataset;
import org.bregman.train.data.SeparableData;
import org.bregman.train.report.MaxMarginSolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The ℓq max-margin reference against independent computations: a search over directions in 2-D, Gilbert's algorithm for ℓ2. */
class MaxMarginTest {

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 2, 3})
    void twoDimensionalMaxMarginAgreesWithASearchOverAllDirections(double q) {
        Dataset data = SeparableData.generate(24, 2, 0.05, 11);
        double[] a = MaxMarginSolver.signedRows(data);
        MaxMarginSolver.Solution s = MaxMarginSolver.solve(a, 24, 2, q, 1e-9, 50_000);
        assertTrue(s.converged() && s.gap() <= 1e-9, "certificate gap " + s.gap());
        // the margin function is a minimum of smooth functions of the angle: a fine grid, then golden-section around the best cell
        int grid = 100_000;
        double best = Double.NEGATIVE_INFINITY, at = 0;
        for (int k = 0; k < grid; k++) {
            double th = 2 * Math.PI * k / grid;
            double m = MaxMarginSolver.margin(a, 24, 2, new double[] {Math.cos(th), Math.sin(th)}, q);
            if (m > best) { best = m; at = th; }
        }
        double lo = at - 2 * Math.PI / grid, hi = at + 2 * Math.PI / grid;
        for (int k = 0; k < 200; k++) {
            double m1 = lo + (hi - lo) * 0.382, m2 = lo + (hi - lo) * 0.618;
            if (margin(a, m1, q) < margin(a, m2, q)) lo = m1; else hi = m2;
        }
        best = Math.max(best, margin(a, (lo + hi) / 2, q));
        assertEquals(best, s.margin(), 1e-6 * best, "q = " + q);
        assertEquals(s.margin(), MaxMarginSolver.margin(a, 24, 2, s.direction(), q), 1e-12);
    }

    static double margin(double[] a, double th, double q) {
        return MaxMarginSolver.margin(a, a.length / 2, 2, new double[] {Math.cos(th), Math.sin(th)}, q);
    }

    @Test
    void l2MaxMarginIsTheMinimumNormPointOfTheHull() {
        // hard-margin SVM through the origin: the max-margin direction is the minimum-norm point of conv{ỹ_i x_i}
        // (Gilbert's algorithm, with exact line search on each segment)
        int n = 40, d = 12;
        Dataset data = SeparableData.generate(n, d, 0.1, 5);
        double[] a = MaxMarginSolver.signedRows(data);
        double[] u = java.util.Arrays.copyOfRange(a, 0, d);
        double lower = Double.NEGATIVE_INFINITY, upper = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 300_000; it++) {
            int k = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += a[i * d + j] * u[j];
                if (s < min) { min = s; k = i; }
            }
            double uu = 0, du = 0, dd = 0;
            for (int j = 0; j < d; j++) {
                double e = a[k * d + j] - u[j];
                uu += u[j] * u[j];
                du += e * u[j];
                dd += e * e;
            }
            // every hull point's norm bounds the max margin from above, every direction's margin from below
            upper = Math.min(upper, Math.sqrt(uu));
            lower = Math.max(lower, min / Math.sqrt(uu));
            if (dd == 0) break;
            double t = Math.max(0, Math.min(1, -du / dd));
            for (int j = 0; j < d; j++) u[j] += t * (a[k * d + j] - u[j]);
        }
        assertTrue(upper - lower < 1e-3 * upper, "Gilbert's bounds " + lower + " .. " + upper);
        MaxMarginSolver.Solution s = MaxMarginSolver.solve(a, n, d, 2, 1e-10, 100_000);
        assertTrue(s.converged() && s.gap() <= 1e-10, "gap " + s.gap());
        assertTrue(lower <= s.margin() && s.margin() <= upper, s.margin() + " outside Gilbert's bounds " + lower + " .. " + upper);
        double norm = 0;
        for (double v : u) norm += v * v;
        norm = Math.sqrt(norm);
        double cos = 0;
        for (int j = 0; j < d; j++) cos += s.direction()[j] * u[j] / norm;
        assertTrue(cos > 1 - 1e-3, "cos " + cos);
    }

    @Test
    void nonSeparableDataAreRefused() {
        double[] a = {1, 0, -1, 0, 0, 1}; // x and -x both labelled +1: no direction has a positive margin on both
        assertThrows(MaxMarginSolver.NotSeparable.class, () -> MaxMarginSolver.solve(a, 3, 2, 2, 1e-9, 20_000));
    }

    @Test
    void separableDataHaveTheirPlantedMargin() {
        Dataset data = SeparableData.generate(100, 10, 0.2, 3);
        MaxMarginSolver.Solution s = MaxMarginSolver.solve(MaxMarginSolver.signedRows(data), 100, 10, 2, 1e-8, 100_000);
        assertTrue(s.margin() >= 0.2 * (1 - 1e-6), "max margin " + s.margin() + " below the planted 0.2");
        int ones = 0;
        for (int l : data.labels()) ones += l;
        assertEquals(50, ones);
        assertEquals(data.x()[17], SeparableData.generate(100, 10, 0.2, 3).x()[17]); // seeded
    }
}
