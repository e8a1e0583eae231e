package org.bregman.train.report;

import org.bregman.runtime.CompositeMirrorMap;

/**
 * {@link ExactSolver} for a non-separable Ψ(w) = F(S), S = Σ_j g(w_j): the same dual Newton on
 * G(λ) = Ψ*(z(λ)) − λᵀy with z(λ) = ∇Ψ(w0) + Xᵀλ and w(λ) = (∇Ψ)⁻¹(z) of the whole vector, whose gradient is
 * Xw − y and whose Hessian is X (∇²Ψ(w))⁻¹ Xᵀ. ∇²Ψ = F'(S)·(D + β·uuᵀ) with D = diag(g''(w_j)), u = g'(w),
 * β = F''/F', so by Sherman–Morrison X(∇²Ψ)⁻¹Xᵀ = (X C Xᵀ − β·a aᵀ / (1 + β·uᵀCu)) / F'(S) with C = D⁻¹ and
 * a = X C u (1/g'' capped as in {@link ExactSolver} where g'' vanishes, e.g. |w|^3 at 0).
 */
final class CompositeExactSolver {

    private CompositeExactSolver() {
    }

    static ExactSolver.Solution solve(CompositeMirrorMap map, double[] x, double[] y, double[] w0, int n, int d) {
        double[] z0 = new double[d];
        map.grad(w0, z0);
        return ExactSolver.newton(new ExactSolver.DualProblem() {
            public double dual(double[] lambda, double[] z, double[] w) {
                return CompositeExactSolver.dual(map, x, y, z0, lambda, z, w, n, d);
            }

            public double[] jacobian(double[] w) {
                return CompositeExactSolver.jacobian(map, x, w, n, d);
            }
        }, x, y, n, d);
    }

    /** X (∇²Ψ(w))⁻¹ Xᵀ by Sherman–Morrison (see the class comment). */
    static double[] jacobian(CompositeMirrorMap map, double[] x, double[] w, int n, int d) {
        double s = map.sum(w), f1 = map.outer().grad(s), beta = map.outer().hessian(s) / f1;
        double[] c = new double[d], u = new double[d];
        for (int j = 0; j < d; j++) {
            c[j] = 1 / map.inner().hessian(w[j]);
            u[j] = map.inner().grad(w[j]);
        }
        double[] sorted = c.clone();
        java.util.Arrays.sort(sorted);
        double cap = 1e4 * Math.max(sorted[d / 2], Double.MIN_NORMAL);
        double ucu = 0;
        for (int j = 0; j < d; j++) {
            if (!(c[j] <= cap)) c[j] = cap;
            ucu += u[j] * c[j] * u[j];
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 0;
            for (int j = 0; j < d; j++) t += x[i * d + j] * c[j] * u[j];
            a[i] = t;
        }
        double[] jac = ExactSolver.gram(x, c, n, d);
        double k = beta / (1 + beta * ucu);
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) jac[i * n + l] = (jac[i * n + l] - k * a[i] * a[l]) / f1;
        }
        return jac;
    }

    /** G(λ) = Ψ*(z) − λᵀy with z = z0 + Xᵀλ, Ψ*(z) = zᵀw − Ψ(w); fills z and w; infinite outside the dual domain. */
    private static double dual(CompositeMirrorMap map, double[] x, double[] y, double[] z0, double[] lambda, double[] z, double[] w,
            int n, int d) {
        System.arraycopy(z0, 0, z, 0, d);
        for (int i = 0; i < n; i++) {
            if (lambda[i] == 0) continue;
            for (int j = 0; j < d; j++) z[j] += x[i * d + j] * lambda[i];
        }
        for (int j = 0; j < d; j++) if (!map.dualDomain().contains(z[j])) return Double.POSITIVE_INFINITY;
        map.inverse(z, w);
        double s = -map.psi(w);
        for (int j = 0; j < d; j++) s += z[j] * w[j];
        for (int i = 0; i < n; i++) s -= lambda[i] * y[i];
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
    }
}
