package org.bregman.runtime;

/**
 * Solves {@code f(t) = z} for a strictly increasing {@code f} (a mirror map ψ') inside a domain: the one
 * safeguarded, bracketed Newton–bisection of the project. The symbolic engine, the interpreter and
 * generated classes all call this class, so they perform the same operations and agree bit for bit.
 *
 * <ol>
 * <li>Bracket: from a fixed start inside the domain, geometric steps outwards (doubling on an unbounded
 * side, halving the distance to a finite end) until {@code f} crosses {@code z}.
 * <li>Refine: Newton steps with {@code f'} while they stay in the bracket and converge (each under half
 * the step of two iterations back, as Numerical Recipes' rtsafe); otherwise bisection in the bit
 * pattern of the doubles ({@link #bisect}), which shrinks any bracket to adjacent doubles in ~64 steps.
 * <li>Stop when Newton's step is within two ulps, the bracket is two ulps wide, or {@code f(t) = z};
 * return the best of the final candidates.
 * </ol>
 *
 * With a known dual domain, {@code z} outside it gives NaN and a root beyond the last representable
 * double of a finite open end gives that double. Instances are immutable and thread-safe (Java 8: this
 * module is the API of exported jars).
 */
public final class NewtonBisection {

    /** f = ψ' and its derivative f' = ψ'' (a generated class or the interpreter implements it). */
    public interface Derivatives {
        double grad(double t);

        /** f'(t); not called when the solver was built without Newton steps. */
        double hessian(double t);
    }

    static final int MAX_ITER = 400;

    private final Derivatives d;
    private final boolean newton;
    private final Interval domain;
    private final Interval dual;

    /**
     * @param d      f and f'
     * @param domain where to search
     * @param dual   the range of f when known (then z outside it is NaN), or {@code null}
     */
    public NewtonBisection(Derivatives d, Interval domain, Interval dual) {
        this(d, true, domain, dual);
    }

    /** @param newton whether f' may be used (otherwise bisection only) */
    public NewtonBisection(Derivatives d, boolean newton, Interval domain, Interval dual) {
        this.d = d;
        this.newton = newton;
        this.domain = domain;
        this.dual = dual;
    }

    /** f⁻¹(z); NaN for NaN, for z outside the dual domain, or when no bracket exists. */
    public double solve(double z) {
        if (z != z) return Double.NaN;
        if (dual != null && !dual.contains(z)) return Double.NaN;
        double lo = domain.lower();
        double hi = domain.upper();
        double first = lo == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : (domain.lowerClosed() ? lo : Math.nextUp(lo));
        double last = hi == Double.POSITIVE_INFINITY ? Double.MAX_VALUE : (domain.upperClosed() ? hi : Math.nextDown(hi));
        double x0;
        if (domain.contains(0) && lo < 0 && hi > 0) x0 = 0;
        else if (Double.isInfinite(lo) && Double.isInfinite(hi)) x0 = 0;
        else if (Double.isInfinite(hi)) x0 = lo + Math.max(1, Math.abs(lo));
        else if (Double.isInfinite(lo)) x0 = hi - Math.max(1, Math.abs(hi));
        else x0 = lo + (hi - lo) / 2;
        double f0 = d.grad(x0);
        if (f0 == z) return x0;
        boolean up = f0 < z || f0 != f0;
        double end = up ? last : first;
        double[] ab = walk(z, x0, f0, end, Double.isInfinite(up ? hi : lo), up);
        if (ab == null) return Double.isInfinite(up ? hi : lo) || dual == null ? Double.NaN : end;
        if (ab[1] == z) return ab[0];
        if (ab[3] == z) return ab[2];
        return refine(z, ab[0], ab[2]);
    }

    /**
     * The bracket: walks from x (f(x) = fx on the wrong side of z) up or down towards {@code end} (by doubling
     * steps when that side is unbounded, else halving the distance to it) until f reaches z. Returns
     * the bracket {a, f(a), b, f(b)} with a < b and f(a) <= z <= f(b) (NaN above), or null when f never reaches z.
     */
    private double[] walk(double z, double x, double fx, double end, boolean unbounded, boolean up) {
        double step = Math.max(1, Math.abs(x));
        while (true) {
            double n = unbounded ? (up ? x + step : x - step) : x + (end - x) / 2;
            if (up ? !(n > x) || n > end : !(n < x) || n < end) n = end;
            step *= 2;
            double fn = d.grad(n);
            // going up, NaN at the domain's last point counts as past z (f undefined beyond it)
            if (up ? fn >= z || fn != fn && n == end : fn <= z)
                return up ? new double[] { x, fx, n, fn } : new double[] { n, fn, x, fx };
            if (n == end) return null;
            x = n;
            fx = fn;
        }
    }

    private double refine(double z, double a, double b) {
        double x = bisect(a, b);
        double dxOld = Double.POSITIVE_INFINITY;
        double dx = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITER; it++) {
            double fx = d.grad(x);
            if (fx == z) return x;
            if (fx < z) a = x;
            else b = x; // NaN counts as above: shrinks towards the side where f is defined
            if (!(b > a) || Math.nextUp(a) >= b) break;
            double next = Double.NaN;
            if (newton && fx == fx) {
                double xn = x - (fx - z) / d.hessian(x);
                if (xn > a && xn < b && Math.abs(xn - x) < 0.5 * Math.abs(dxOld)) next = xn;
            }
            if (next != next) next = bisect(a, b);
            dxOld = dx;
            dx = next - x;
            boolean converged = Math.abs(dx) <= 2 * Math.ulp(x);
            x = next;
            if (converged) break;
        }
        double best = x;
        double err = Math.abs(d.grad(x) - z);
        if (domain.contains(a)) {
            double e = Math.abs(d.grad(a) - z);
            if (e < err) {
                best = a;
                err = e;
            }
        }
        if (domain.contains(b)) {
            double e = Math.abs(d.grad(b) - z);
            if (e < err) best = b;
        }
        return best;
    }

    /** Midpoint in the ordering of doubles (geometric across magnitudes, arithmetic within one). */
    public static double bisect(double a, double b) {
        if (a < 0 && b > 0) return 0;
        if (a >= 0) {
            long la = Double.doubleToLongBits(a);
            long lb = Double.doubleToLongBits(b);
            double m = Double.longBitsToDouble(la + (lb - la) / 2);
            return m > a && m < b ? m : a + (b - a) / 2;
        }
        return -bisect(-b, -a);
    }
}
