package org.bregman.train.report;

import org.bregman.runtime.MirrorMap;

/**
 * The true {@code argmin_{Xw = y} D_ψ(w, w0)}, independent of the trainer, in double precision.
 *
 * <p>By the optimality conditions, ∇ψ(w) − ∇ψ(w0) lies in the row space of X: w(λ) = (∇ψ)⁻¹(∇ψ(w0) + Xᵀλ).
 * λ minimises the convex dual G(λ) = Σ_j ψ*(z_j(λ)) − λᵀy, whose gradient is X w(λ) − y and whose
 * Hessian is X diag(1/ψ''(w)) Xᵀ: damped Newton with an Armijo line search on G. A non-separable ψ goes to
 * {@link CompositeExactSolver} (the same Newton with ∇²ψ diagonal plus rank one).
 */
public final class ExactSolver {

    private ExactSolver() {
    }

    /** The solution and how well it satisfies Xw = y. */
    public record Solution(double[] w, double residual, int iterations, boolean converged) {
    }

    /**
     * @param x n × d row-major, @param y n targets, @param w0 the initial point
     */
    public static Solution solve(MirrorMap map, double[] x, double[] y, double[] w0, int n, int d) {
        if (map instanceof org.bregman.runtime.CompositeMirrorMap c) return CompositeExactSolver.solve(c, x, y, w0, n, d);
        Solution dual = solveDual(map, x, y, w0, n, d);
        if (dual.converged()) return dual;
        // the dual of a potential whose ψ'' vanishes (|w|^10 at 0) has a near-kink where Newton crawls; the primal is smooth there
        Solution primal = solvePrimal(map, x, y, w0, n, d);
        return primal.converged() || primal.residual() < dual.residual() ? primal : dual;
    }

    /**
     * Feasible-start Newton on the primal: minimise Σ ψ(w_j) − ψ'(w0_j) w_j over Xw = y, starting at the projection of w0,
     * with steps in the null space of X and an Armijo line search; converged when the Newton decrement vanishes.
     */
    public static Solution solvePrimal(MirrorMap map, double[] x, double[] y, double[] w0, int n, int d) {
        double[] z0 = new double[d];
        for (int j = 0; j < d; j++) z0[j] = map.grad(w0[j]);
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1);
        double[] gram = gram(x, ones, n, d);
        double[] w = w0.clone();
        project(x, y, w, gram, n, d);
        double f = primal(map, z0, w, d);
        boolean converged = false;
        int it = 0;
        for (; it < 2000 && Double.isFinite(f); it++) {
            double[] gr = new double[d];
            double[] c = new double[d];
            for (int j = 0; j < d; j++) {
                gr[j] = map.grad(w[j]) - z0[j];
                c[j] = 1 / map.hessian(w[j]);
            }
            double[] sorted = c.clone();
            java.util.Arrays.sort(sorted);
            double cap = 1e6 * Math.max(sorted[d / 2], Double.MIN_NORMAL);
            for (int j = 0; j < d; j++) if (!(c[j] <= cap)) c[j] = cap;
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < d; j++) sum += x[i * d + j] * c[j] * gr[j];
                rhs[i] = sum;
            }
            double[] nu = solveSpd(gram(x, c, n, d), rhs, n);
            double[] dw = new double[d];
            double slope = 0;
            for (int j = 0; j < d; j++) {
                double xt = 0;
                for (int i = 0; i < n; i++) xt += x[i * d + j] * nu[i];
                dw[j] = -c[j] * (gr[j] - xt);
                slope += gr[j] * dw[j];
            }
            double step = maxAbs(dw);
            if (step <= 1e-9 * (1 + maxAbs(w))) { // Newton: the next step would be at the rounding floor (~1e-11 here)
                converged = true;
                break;
            }
            double t = 1;
            double[] trial = new double[d];
            boolean moved = false;
            for (int k = 0; k < 80; k++) {
                for (int j = 0; j < d; j++) trial[j] = w[j] + t * dw[j];
                boolean inside = true;
                for (int j = 0; j < d && inside; j++) inside = map.domain().contains(trial[j]);
                double ft = inside ? primal(map, z0, trial, d) : Double.POSITIVE_INFINITY;
                if (ft <= f + 1e-4 * t * slope) {
                    System.arraycopy(trial, 0, w, 0, d);
                    project(x, y, w, gram, n, d); // undo the rounding drift off {Xw = y}
                    f = primal(map, z0, w, d);
                    moved = true;
                    break;
                }
                t /= 2;
            }
            if (!moved) {
                converged = t * step <= 1e-9 * (1 + maxAbs(w)); // flat to rounding
                break;
            }
        }
        return new Solution(w, residual(x, y, w, n, d), it, converged && residual(x, y, w, n, d) <= 1e-9 * (1 + maxAbs(y)));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) m = Math.max(m, Math.abs(a));
        return m;
    }

    private static double primal(MirrorMap map, double[] z0, double[] w, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) s += map.psi(w[j]) - z0[j] * w[j];
        return s;
    }

    /** X diag(c) Xᵀ. */
    static double[] gram(double[] x, double[] c, int n, int d) {
        double[] g = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += x[a * d + j] * c[j] * x[b * d + j];
                g[a * n + b] = s;
                g[b * n + a] = s;
            }
        }
        return g;
    }

    /** w ← w + Xᵀ (X Xᵀ)⁻¹ (y − X w): the nearest point of {Xw = y} in the Euclidean norm. */
    private static void project(double[] x, double[] y, double[] w, double[] gram, int n, int d) {
        for (int rep = 0; rep < 2; rep++) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += x[i * d + j] * w[j];
                r[i] = y[i] - s;
            }
            double[] mu = solveSpd(gram, r, n);
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += x[i * d + j] * mu[i];
                w[j] += s;
            }
        }
    }

    public static Solution solveDual(MirrorMap map, double[] x, double[] y, double[] w0, int n, int d) {
        double[] z0 = new double[d];
        for (int j = 0; j < d; j++) z0[j] = map.grad(w0[j]);
        return newton(new DualProblem() {
            public double dual(double[] lambda, double[] z, double[] w) {
                return ExactSolver.dual(map, x, y, z0, lambda, z, w, n, d);
            }

            public double[] jacobian(double[] w) {
                // J = X diag(1/ψ''(w)) Xᵀ
                double[] c = new double[d];
                for (int j = 0; j < d; j++) c[j] = 1 / map.hessian(w[j]);
                // where ψ'' vanishes (|w|^10 at w = 0) 1/ψ'' explodes and the pure Newton step stalls; capping it keeps
                // a descent direction for G, and the cap is inactive near a solution with ψ'' > 0
                double[] sorted = c.clone();
                java.util.Arrays.sort(sorted);
                double cap = 1e4 * Math.max(sorted[d / 2], Double.MIN_NORMAL);
                for (int j = 0; j < d; j++) if (!(c[j] <= cap)) c[j] = cap;
                return gram(x, c, n, d);
            }
        }, x, y, n, d);
    }

    /** The dual of min D_ψ(w, w0) s.t. Xw = y, for {@link #newton}: separable ({@link #solveDual}) or not ({@code CompositeExactSolver}). */
    interface DualProblem {
        /** G(λ); fills z = ∇ψ(w0) + Xᵀλ and w = (∇ψ)⁻¹(z). */
        double dual(double[] lambda, double[] z, double[] w);

        /** The Newton system's matrix at w: X (∇²ψ(w))⁻¹ Xᵀ (n × n). */
        double[] jacobian(double[] w);
    }

    /** Damped Newton on the dual, from λ = 0, until Xw = y to 1e-13 relative (or 500 steps, or no step lowers G). */
    static Solution newton(DualProblem p, double[] x, double[] y, int n, int d) {
        double[] lambda = new double[n];
        double[] z = new double[d];
        double[] w = new double[d];
        double scale = 0;
        for (double v : y) scale = Math.max(scale, Math.abs(v));
        double tol = 1e-13 * (1 + scale);
        double g = p.dual(lambda, z, w);
        double res = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 500; it++) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += x[i * d + j] * w[j];
                f[i] = s - y[i];
            }
            res = 0;
            for (double v : f) res = Math.max(res, Math.abs(v));
            if (res <= tol) return new Solution(w.clone(), res, it, true);
            double[] step = solveSpd(p.jacobian(w), f, n);
            for (int i = 0; i < n; i++) step[i] = -step[i];
            double slope = 0;
            for (int i = 0; i < n; i++) slope += f[i] * step[i];
            double t = 1;
            double[] trial = new double[n];
            boolean moved = false;
            for (int k = 0; k < 60; k++) {
                for (int i = 0; i < n; i++) trial[i] = lambda[i] + t * step[i];
                double gt = p.dual(trial, z, w);
                // Armijo on G; near the solution G is flat to rounding, so a drop of the residual also counts
                if (Double.isFinite(gt) && (gt <= g + 1e-4 * t * slope
                        || Math.abs(gt - g) <= 1e-13 * Math.abs(g) && residual(x, y, w, n, d) < (1 - 1e-4 * t) * res)) {
                    System.arraycopy(trial, 0, lambda, 0, n);
                    g = gt;
                    moved = true;
                    break;
                }
                t /= 2;
            }
            if (!moved) {
                p.dual(lambda, z, w);
                break;
            }
        }
        // final residual at the last accepted λ
        res = residual(x, y, w, n, d);
        return new Solution(w.clone(), res, 500, res <= 1e-9 * (1 + scale));
    }

    static double residual(double[] x, double[] y, double[] w, int n, int d) {
        double r = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += x[i * d + j] * w[j];
            r = Math.max(r, Math.abs(s - y[i]));
        }
        return r;
    }

    /** G(λ) = Σ ψ*(z) − λᵀy with z = z0 + Xᵀλ; fills z and w = (∇ψ)⁻¹(z). Infinite outside the dual domain. */
    private static double dual(MirrorMap map, double[] x, double[] y, double[] z0, double[] lambda, double[] z, double[] w,
            int n, int d) {
        for (int j = 0; j < d; j++) z[j] = z0[j];
        for (int i = 0; i < n; i++) {
            double l = lambda[i];
            if (l == 0) continue;
            for (int j = 0; j < d; j++) z[j] += x[i * d + j] * l;
        }
        double s = 0;
        for (int j = 0; j < d; j++) {
            if (!map.dualDomain().contains(z[j])) return Double.POSITIVE_INFINITY;
            w[j] = map.inverse(z[j]);
            s += z[j] * w[j] - map.psi(w[j]); // ψ*(z) = z w − ψ(w)
        }
        for (int i = 0; i < n; i++) s -= lambda[i] * y[i];
        return s;
    }

    /** Cholesky solve of a symmetric positive (semi)definite system, with a tiny ridge for safety. */
    static double[] solveSpd(double[] a, double[] b, int n) {
        double[] l = new double[n * n];
        double ridge = 0;
        for (int i = 0; i < n; i++) ridge = Math.max(ridge, a[i * n + i]);
        ridge *= 1e-15;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                if (i == j) l[i * n + i] = Math.sqrt(Math.max(s, 1e-300));
                else l[i * n + j] = s / l[j * n + j];
            }
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i * n + k] * t[k];
            t[i] = s / l[i * n + i];
        }
        double[] out = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = t[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * out[k];
            out[i] = s / l[i * n + i];
        }
        return out;
    }
}
