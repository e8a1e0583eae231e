package org.bregman.codegen;

/**
 * The safeguarded Newton–bisection that inverts a strictly increasing ψ' numerically. Generated
 * classes inline the same algorithm (see the template's {@code solve}); the interpreter calls this
 * one. Both perform the same operations, so they agree bit for bit.
 *
 * <p>Algorithm: start at {@code s} (the old weight in a step, else a fixed point of the domain);
 * expand by doubling steps to a finite bracket {@code (a, b)} with ψ'(a) < z < ψ'(b) (domain ends
 * are never evaluated); then Newton steps, each replaced by the bracket midpoint when it leaves the
 * bracket, shrinking the bracket with every evaluation, until Newton stops moving or the bracket has
 * no double left inside. NaN in, NaN out; a z beyond the range of ψ' over the doubles gives ±∞.
 */
public final class NumericSolve {

    /** ψ' and ψ''. */
    public interface Derivatives {
        double grad(double t);

        double hessian(double t);
    }

    static final int MAX_ITERATIONS = 400;

    private NumericSolve() {
    }

    /** A fixed starting point inside the domain (lo, hi). */
    public static double start(double lo, double hi) {
        if (lo < 0 && hi > 0) return 0;
        if (lo == Double.NEGATIVE_INFINITY) return hi - 1;
        if (hi == Double.POSITIVE_INFINITY) return lo + 1;
        return 0.5 * lo + 0.5 * hi;
    }

    public static double solve(Derivatives d, double z, double s, double lo, double hi, double start) {
        if (z != z) return Double.NaN;
        double t = (s > lo && s < hi) ? s : start;
        double f = d.grad(t) - z;
        if (f == 0) return t;
        if (f != f) return Double.NaN;
        double a;
        double b;
        if (f < 0) {
            a = t;
            b = hi;
            if (b == Double.POSITIVE_INFINITY) {
                double step = Math.max(1.0, Math.abs(t));
                while (true) {
                    double u = t + step;
                    if (u == Double.POSITIVE_INFINITY) return u;
                    double fu = d.grad(u) - z;
                    if (fu == 0) return u;
                    if (!(fu < 0)) {
                        b = u;
                        break;
                    }
                    a = u;
                    step = step * 2;
                }
            }
        } else {
            b = t;
            a = lo;
            if (a == Double.NEGATIVE_INFINITY) {
                double step = Math.max(1.0, Math.abs(t));
                while (true) {
                    double u = t - step;
                    if (u == Double.NEGATIVE_INFINITY) return u;
                    double fu = d.grad(u) - z;
                    if (fu == 0) return u;
                    if (!(fu > 0)) {
                        a = u;
                        break;
                    }
                    b = u;
                    step = step * 2;
                }
            }
        }
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double u = t - f / d.hessian(t);
            if (!(u > a && u < b)) {
                u = 0.5 * a + 0.5 * b;
                if (!(u > a && u < b)) return t;
            }
            if (u == t) return t;
            t = u;
            f = d.grad(t) - z;
            if (f == 0) return t;
            if (f < 0) {
                a = t;
            } else if (f > 0) {
                b = t;
            } else {
                return Double.NaN;
            }
        }
        return t;
    }
}
