package org.bregman.train.report;

/**
 * Nuclear norms of d × d matrices (row-major, double) and the minimum nuclear norm among the solutions of a linear system
 * (seed 003: matrix sensing and completion), computed independently of training.
 *
 * <p>{@link #singularValues}/{@link #svd}: one-sided Jacobi (Hestenes) rotations of the columns until every pair is
 * orthogonal to 1e-15 relative. {@link #minimum}: min ‖M‖_* subject to ⟨A_i, M⟩ = y_i by ADMM (M = shrink(Z − U, 1/ρ),
 * Z = the projection of M + U onto the solutions, U += M − Z, ρ balanced between the residuals), with a certificate: Z is a
 * solution, so ‖Z‖_* bounds the minimum from above; W = Aᵀλ, the part of −ρU in the row space of A, gives the weak-duality
 * bound ⟨λ, y⟩ / ‖W‖_op from below (the dual is max ⟨λ, y⟩ s.t. ‖Aᵀλ‖_op ≤ 1). It stops when the two agree to the tolerance.
 */
public final class NuclearNorm {
    private NuclearNorm() {
    }

    /** A = U diag(s) Vᵀ, U and V d × d row-major (columns are the singular vectors). */
    public record Svd(double[] u, double[] s, double[] v) {
    }

    public static Svd svd(double[] a, int d) {
        double[] x = a.clone(), v = new double[d * d];
        for (int i = 0; i < d; i++) v[i * d + i] = 1;
        for (int sweep = 0; sweep < 60; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < d; i++) {
                        alpha += x[i * d + p] * x[i * d + p];
                        beta += x[i * d + q] * x[i * d + q];
                        gamma += x[i * d + p] * x[i * d + q];
                    }
                    if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma == 0) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t), s = c * t;
                    rotate(x, d, p, q, c, s);
                    rotate(v, d, p, q, c, s);
                }
            }
            if (!rotated) break;
        }
        double[] s = new double[d], u = new double[d * d];
        for (int j = 0; j < d; j++) {
            double n = 0;
            for (int i = 0; i < d; i++) n += x[i * d + j] * x[i * d + j];
            s[j] = Math.sqrt(n);
            for (int i = 0; i < d; i++) u[i * d + j] = s[j] > 0 ? x[i * d + j] / s[j] : 0;
        }
        return new Svd(u, s, v);
    }

    private static void rotate(double[] m, int d, int p, int q, double c, double s) {
        for (int i = 0; i < d; i++) {
            double mp = m[i * d + p], mq = m[i * d + q];
            m[i * d + p] = c * mp - s * mq;
            m[i * d + q] = s * mp + c * mq;
        }
    }

    public static double[] singularValues(double[] a, int d) {
        return svd(a, d).s();
    }

    public static double nuclear(double[] a, int d) {
        double sum = 0;
        for (double s : singularValues(a, d)) sum += s;
        return sum;
    }

    private static double spectral(double[] a, int d) {
        double max = 0;
        for (double s : singularValues(a, d)) max = Math.max(max, s);
        return max;
    }

    /** U max(Σ − τ, 0) Vᵀ: the proximal map of τ‖·‖_*. */
    static double[] shrink(double[] a, int d, double tau) {
        Svd f = svd(a, d);
        double[] out = new double[d * d];
        for (int k = 0; k < d; k++) {
            double s = f.s()[k] - tau;
            if (s <= 0) continue;
            for (int i = 0; i < d; i++) {
                double uik = f.u()[i * d + k] * s;
                for (int j = 0; j < d; j++) out[i * d + j] += uik * f.v()[j * d + k];
            }
        }
        return out;
    }

    /**
     * @param minimiser the solution found (feasible: ⟨A_i, M⟩ = y_i to rounding)
     * @param upper ‖minimiser‖_*; @param lower the certified lower bound of the minimum; @param gap (upper − lower) / upper
     */
    public record Minimum(double[] minimiser, double upper, double lower, double gap, int iterations) {
    }

    /** min ‖M‖_* subject to ⟨A_i, M⟩ = y_i; {@code a}: n rows of d² (the matrices A_i flattened), needs A Aᵀ invertible. */
    public static Minimum minimum(double[] a, double[] y, int n, int d, double tolerance, int maxIterations) {
        int dd = d * d;
        Projection onto = new Projection(a, n, dd);
        double[] z = onto.project(new double[dd], y), u = new double[dd], m = z.clone();
        double rho = 1 / Math.max(spectral(z, d), 1e-12);
        double upper = nuclear(z, d), lower = 0;
        int it = 0;
        for (; it < maxIterations; it++) {
            double[] zu = new double[dd];
            for (int j = 0; j < dd; j++) zu[j] = z[j] - u[j];
            m = shrink(zu, d, 1 / rho);
            double[] mu = new double[dd];
            for (int j = 0; j < dd; j++) mu[j] = m[j] + u[j];
            double[] zNext = onto.project(mu, y);
            double primal = 0, dual = 0;
            for (int j = 0; j < dd; j++) {
                u[j] += m[j] - zNext[j];
                primal += (m[j] - zNext[j]) * (m[j] - zNext[j]);
                dual += (zNext[j] - z[j]) * (zNext[j] - z[j]);
            }
            z = zNext;
            dual *= rho * rho;
            if (primal > 100 * dual) { // residual balancing: the scaled dual variable scales inversely
                rho *= 2;
                for (int j = 0; j < dd; j++) u[j] /= 2;
            } else if (dual > 100 * primal) {
                rho /= 2;
                for (int j = 0; j < dd; j++) u[j] *= 2;
            }
            if (it % 20 == 19 || it == maxIterations - 1) {
                upper = nuclear(z, d);
                double[] w = new double[dd];
                for (int j = 0; j < dd; j++) w[j] = -rho * u[j];
                double[] wr = onto.rowSpace(w);
                double op = spectral(wr, d), dot = 0;
                for (int j = 0; j < dd; j++) dot += wr[j] * z[j];
                if (op > 0) lower = Math.max(lower, dot / op);
                if (upper - lower <= tolerance * upper) break;
            }
        }
        return new Minimum(z, upper, lower, (upper - lower) / upper, it + 1);
    }

    /** Orthogonal projection onto {M : A M = y} and onto the row space of A, through the Cholesky factor of A Aᵀ. */
    private static final class Projection {
        private final double[] a;
        private final int n, dd;
        private final double[] chol;

        Projection(double[] a, int n, int dd) {
            this.a = a;
            this.n = n;
            this.dd = dd;
            chol = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k <= i; k++) {
                    double s = 0;
                    for (int j = 0; j < dd; j++) s += a[i * dd + j] * a[k * dd + j];
                    for (int l = 0; l < k; l++) s -= chol[i * n + l] * chol[k * n + l];
                    if (i == k) {
                        if (!(s > 1e-12)) throw new IllegalArgumentException("the measurements are linearly dependent (A Aᵀ is singular): no unique projection");
                        chol[i * n + i] = Math.sqrt(s);
                    } else {
                        chol[i * n + k] = s / chol[k * n + k];
                    }
                }
            }
        }

        /** Aᵀ (A Aᵀ)⁻¹ r. */
        private double[] lift(double[] r) {
            double[] t = r.clone();
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < i; l++) t[i] -= chol[i * n + l] * t[l];
                t[i] /= chol[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                for (int l = i + 1; l < n; l++) t[i] -= chol[l * n + i] * t[l];
                t[i] /= chol[i * n + i];
            }
            double[] out = new double[dd];
            for (int i = 0; i < n; i++) for (int j = 0; j < dd; j++) out[j] += a[i * dd + j] * t[i];
            return out;
        }

        private double[] apply(double[] m) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < dd; j++) s += a[i * dd + j] * m[j];
                r[i] = s;
            }
            return r;
        }

        double[] project(double[] m, double[] y) {
            double[] r = apply(m);
            for (int i = 0; i < n; i++) r[i] = y[i] - r[i];
            double[] c = lift(r);
            double[] out = m.clone();
            for (int j = 0; j < dd; j++) out[j] += c[j];
            return out;
        }

        double[] rowSpace(double[] w) {
            return lift(apply(w));
        }
    }
}
