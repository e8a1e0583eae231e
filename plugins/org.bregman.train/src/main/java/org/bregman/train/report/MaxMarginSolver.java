package org.bregman.train.report;

/**
 * The ℓq max-margin direction of a linearly separable classification problem, computed independently of
 * training: the solution of
 * <pre>  minimise ½‖w‖_q²  subject to  a_iᵀw ≥ 1 (i = 1..n),   a_i = ỹ_i x_i, ỹ_i ∈ {−1, +1},</pre>
 * whose direction w/‖w‖_q maximises the ℓq-normalised margin min_i a_iᵀw / ‖w‖_q (the margin is
 * 1/‖w‖_q). It is solved through its dual
 * <pre>  maximise D(λ) = Σ_i λ_i − ½‖Aᵀλ‖_p²  over λ ≥ 0,   1/p + 1/q = 1,</pre>
 * by accelerated projected gradient ascent (FISTA with backtracking and adaptive restart), then polished by
 * Newton's method on the active set (the support vectors S: a_iᵀw(λ) = 1 for i ∈ S, λ_i = 0 elsewhere);
 * the primal point is w(λ) = ∇(½‖·‖_p²)(Aᵀλ), i.e. w_j = ‖v‖_p^{2−p} sign(v_j)|v_j|^{p−1} with v = Aᵀλ.
 *
 * <p><b>Certificate.</b> For any λ ≥ 0 whose w(λ) separates the data (m = min_i a_iᵀw(λ) > 0), w(λ)/m
 * is feasible with objective ½‖v‖_p²/m² (‖w(λ)‖_q = ‖v‖_p), and D(λ) is a lower bound of the optimum:
 * the relative gap between the two bounds how far the returned margin can be from the maximum. The solver
 * stops when that gap is below the tolerance and reports it.
 */
public final class MaxMarginSolver {

    /** Row i is ỹ_i x_i (ỹ = ±1): the rows of the max-margin problem of a classification data set. */
    public static double[] signedRows(org.bregman.train.data.Dataset data) {
        int n = data.n(), d = data.d();
        double[] a = new double[n * d];
        for (int i = 0; i < n; i++) {
            double s = data.labels()[i] == 1 ? 1 : -1;
            for (int j = 0; j < d; j++) a[i * d + j] = s * data.x()[i * d + j];
        }
        return a;
    }

    private MaxMarginSolver() {
    }

    /**
     * @param direction the max-margin direction, ‖direction‖_q = 1
     * @param margin min_i a_iᵀ direction (the ℓq max margin, up to the gap)
     * @param gap relative duality gap (primal − dual) / primal of the certificate
     */
    public record Solution(double[] direction, double margin, double gap, int iterations, boolean converged) {
    }

    /** Thrown when the data are not linearly separable through the origin (the dual is unbounded). */
    public static final class NotSeparable extends RuntimeException {
        public NotSeparable(String message) {
            super(message);
        }
    }

    /**
     * @param a n × d row-major: row i is ỹ_i x_i
     * @param q the norm's exponent, 1 < q < ∞
     */
    public static Solution solve(double[] a, int n, int d, double q, double tolerance, int maxIterations) {
        if (!(q > 1) || Double.isInfinite(q)) throw new IllegalArgumentException("max margin: q must lie in (1, ∞), got " + q);
        Search search = new Search(a, n, d, q);
        double[] lambda = new double[n];
        double[] y = new double[n];
        java.util.Arrays.fill(lambda, 1.0 / n);
        System.arraycopy(lambda, 0, y, 0, n);
        double t = 1, L = 1;
        double p = search.p;
        double dPrev = dual(a, lambda, n, d, p);
        double[] gy = new double[n];
        double[] next = new double[n];
        int it = 0;
        for (; it < maxIterations && search.gap() > tolerance; it++) {
            if (it % 200 == 199) {
                // once the support vectors show, Newton on them finishes the job (retried as they change)
                double[] polished = polish(a, lambda, n, d, p);
                if (polished != null) search.offer(polished);
                if (search.gap() <= tolerance) break;
            }
            double[] wy = primal(a, y, n, d, p);
            double dy = value(y, wy, p, n, a, d);
            for (int i = 0; i < n; i++) gy[i] = 1 - dot(a, i, wy, d);
            double dNext;
            while (true) {
                double moved = 0, lin = 0;
                for (int i = 0; i < n; i++) {
                    next[i] = Math.max(0, y[i] + gy[i] / L);
                    double step = next[i] - y[i];
                    moved += step * step;
                    lin += gy[i] * step;
                }
                dNext = dual(a, next, n, d, p);
                if (dNext >= dy + lin - L / 2 * moved - 1e-15 * Math.abs(dy) || L > 1e30) break;
                L *= 2;
            }
            if (dNext < dPrev) { // adaptive restart: momentum stopped helping
                System.arraycopy(lambda, 0, y, 0, n);
                t = 1;
                L /= 2;
                continue;
            }
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            for (int i = 0; i < n; i++) y[i] = Math.max(0, next[i] + (t - 1) / tNext * (next[i] - lambda[i]));
            System.arraycopy(next, 0, lambda, 0, n);
            t = tNext;
            dPrev = dNext;
            L = Math.max(L / 1.5, 1e-12); // let the step grow again
            if (it % 10 == 0) {
                search.offer(lambda);
                if (dNext > 1e15) throw new NotSeparable("the data are not linearly separable through the origin (the dual grows without bound)");
            }
        }
        if (search.gap() > tolerance) {
            double[] polished = polish(a, lambda, n, d, p);
            if (polished != null) search.offer(polished);
        }
        if (search.bestW == null) throw new NotSeparable("no separating direction found in " + it + " iterations: the data are not linearly separable through the origin");
        double norm = norm(search.bestW, q);
        double[] dir = new double[d];
        for (int j = 0; j < d; j++) dir[j] = search.bestW[j] / norm;
        return new Solution(dir, search.bestMargin, search.gap(), it, search.gap() <= tolerance);
    }

    /** The certificate: the best feasible primal value (an upper bound) and the best dual value (a lower bound) seen. */
    private static final class Search {
        final double[] a;
        final int n, d;
        final double q, p;
        double bestPrimal = Double.POSITIVE_INFINITY, bestDual = Double.NEGATIVE_INFINITY, bestMargin = Double.NaN;
        double[] bestW;

        Search(double[] a, int n, int d, double q) {
            this.a = a;
            this.n = n;
            this.d = d;
            this.q = q;
            this.p = q / (q - 1);
        }

        void offer(double[] lambda) {
            bestDual = Math.max(bestDual, dual(a, lambda, n, d, p));
            double[] w = primal(a, lambda, n, d, p);
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) m = Math.min(m, dot(a, i, w, d));
            double norm = norm(w, q);
            if (!(m > 0 && norm > 0)) return;
            double value = 0.5 * norm * norm / (m * m); // w/m is feasible
            if (value < bestPrimal) {
                bestPrimal = value;
                bestW = w;
                bestMargin = m / norm;
            }
        }

        double gap() {
            return bestW == null ? Double.POSITIVE_INFINITY : Math.max(0, (bestPrimal - bestDual) / bestPrimal);
        }
    }

    /**
     * Newton's method on the active set: solves a_iᵀw(λ) = 1 for the support vectors (λ_i > 0), adding the
     * most violated constraint and dropping a multiplier that turns negative; null when it does not settle.
     */
    private static double[] polish(double[] a, double[] start, int n, int d, double p) {
        double[] lambda = start.clone();
        double max = 0;
        for (double l : lambda) max = Math.max(max, l);
        if (max == 0) return null;
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) active[i] = lambda[i] > 1e-9 * max;
        for (int round = 0; round < 4 * n + 20; round++) {
            int[] set = java.util.stream.IntStream.range(0, n).filter(i -> active[i]).toArray();
            int k = set.length;
            if (k == 0) return null;
            boolean settled = false;
            for (int it = 0; it < 60; it++) {
                double[] v = new double[d];
                for (int i : set) for (int j = 0; j < d; j++) v[j] += lambda[i] * a[i * d + j];
                double[] w = primal(a, lambda, n, d, p);
                double[] f = new double[k];
                double res = 0;
                for (int r = 0; r < k; r++) {
                    f[r] = dot(a, set[r], w, d) - 1;
                    res = Math.max(res, Math.abs(f[r]));
                }
                if (res < 1e-14) {
                    settled = true;
                    break;
                }
                // J = A_S H A_Sᵀ, H = ∇²(½‖·‖_p²)(v) = (2−p) N^{2−2p} φφᵀ + (p−1) N^{2−p} diag(|v_j|^{p−2}), φ_j = sign(v_j)|v_j|^{p−1}
                double nv = norm(v, p);
                double[] phi = new double[d], diag = new double[d];
                for (int j = 0; j < d; j++) {
                    phi[j] = Math.signum(v[j]) * Math.pow(Math.abs(v[j]), p - 1);
                    diag[j] = (p - 1) * Math.pow(nv, 2 - p) * Math.pow(Math.abs(v[j]), p - 2);
                }
                double c = (2 - p) * Math.pow(nv, 2 - 2 * p);
                double[] aphi = new double[k];
                for (int r = 0; r < k; r++) for (int j = 0; j < d; j++) aphi[r] += a[set[r] * d + j] * phi[j];
                double[][] jac = new double[k][k + 1];
                for (int r = 0; r < k; r++) {
                    for (int s2 = 0; s2 < k; s2++) {
                        double sum = c * aphi[r] * aphi[s2];
                        for (int j = 0; j < d; j++) sum += a[set[r] * d + j] * diag[j] * a[set[s2] * d + j];
                        jac[r][s2] = sum;
                    }
                    jac[r][k] = -f[r];
                }
                double[] step = gauss(jac, k);
                if (step == null) return null;
                double t = 1;
                for (int r = 0; r < k; r++) if (lambda[set[r]] + step[r] < 0) t = Math.min(t, -lambda[set[r]] / step[r] * 0.999);
                for (int r = 0; r < k; r++) lambda[set[r]] = Math.max(0, lambda[set[r]] + t * step[r]);
                if (t < 1) { // a multiplier reached 0: that point leaves the support set
                    for (int r = 0; r < k; r++) if (lambda[set[r]] <= 1e-3 * Math.abs(step[r]) * (1 - t) + 1e-300) { active[set[r]] = false; lambda[set[r]] = 0; }
                    break;
                }
            }
            if (!settled) continue;
            double[] w = primal(a, lambda, n, d, p);
            int worst = -1;
            double most = -1e-12;
            for (int i = 0; i < n; i++) {
                if (active[i]) continue;
                double slack = dot(a, i, w, d) - 1;
                if (slack < most) { most = slack; worst = i; }
            }
            if (worst < 0) return lambda;
            active[worst] = true;
        }
        return null;
    }

    /** Solves the k × k system in the augmented matrix (last column the right-hand side); null when singular. */
    private static double[] gauss(double[][] m, int k) {
        for (int c = 0; c < k; c++) {
            int piv = c;
            for (int r = c + 1; r < k; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
            if (Math.abs(m[piv][c]) < 1e-300) return null;
            double[] t = m[c]; m[c] = m[piv]; m[piv] = t;
            for (int r = c + 1; r < k; r++) {
                double f = m[r][c] / m[c][c];
                for (int cc = c; cc <= k; cc++) m[r][cc] -= f * m[c][cc];
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = m[r][k];
            for (int cc = r + 1; cc < k; cc++) s -= m[r][cc] * x[cc];
            x[r] = s / m[r][r];
        }
        return x;
    }

    /** The ℓq-normalised margin of a direction: min_i a_iᵀw / ‖w‖_q (negative when w misclassifies a point). */
    public static double margin(double[] a, int n, int d, double[] w, double q) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.min(m, dot(a, i, w, d));
        return m / norm(w, q);
    }

    static double norm(double[] w, double q) {
        double max = 0;
        for (double v : w) max = Math.max(max, Math.abs(v));
        if (max == 0) return 0;
        double s = 0;
        for (double v : w) s += Math.pow(Math.abs(v) / max, q);
        return max * Math.pow(s, 1 / q);
    }

    private static double dot(double[] a, int i, double[] w, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) s += a[i * d + j] * w[j];
        return s;
    }

    /** w(λ) = ∇(½‖·‖_p²)(Aᵀλ). */
    private static double[] primal(double[] a, double[] lambda, int n, int d, double p) {
        double[] v = new double[d];
        for (int i = 0; i < n; i++) {
            if (lambda[i] == 0) continue;
            for (int j = 0; j < d; j++) v[j] += lambda[i] * a[i * d + j];
        }
        double nv = norm(v, p);
        double[] w = new double[d];
        if (nv == 0) return w;
        for (int j = 0; j < d; j++) w[j] = nv * Math.signum(v[j]) * Math.pow(Math.abs(v[j]) / nv, p - 1);
        return w;
    }

    private static double dual(double[] a, double[] lambda, int n, int d, double p) {
        double[] v = new double[d];
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += lambda[i];
            if (lambda[i] == 0) continue;
            for (int j = 0; j < d; j++) v[j] += lambda[i] * a[i * d + j];
        }
        double nv = norm(v, p);
        return s - 0.5 * nv * nv;
    }

    /** D(λ) given w(λ): Σλ − ½‖v‖_p² with ‖v‖_p = ‖w(λ)‖_q. */
    private static double value(double[] lambda, double[] w, double p, int n, double[] a, int d) {
        double s = 0;
        for (double l : lambda) s += l;
        double nq = norm(w, p / (p - 1));
        return s - 0.5 * nq * nq;
    }
}
