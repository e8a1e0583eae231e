package org.bregman.symbolic;

import java.util.function.DoubleUnaryOperator;

/**
 * Solves {@code f(x) = z} for a strictly increasing {@code f} (the mirror map ψ') inside a domain:
 * a safeguarded, bracketed Newton–bisection to full double precision.
 *
 * <ol>
 * <li>Bracket: from a start point inside the domain, Newton steps or (when they are shorter, undefined
 * or leave the domain) geometric steps outwards — doubling on unbounded sides, bisecting the bit
 * patterns towards a finite end — until {@code f} crosses {@code z}.
 * <li>Refine: Newton steps with {@code f'} while they stay inside the bracket and converge (each under
 * half the step before last); otherwise bisection, which is arithmetic within one order of magnitude and in
 * the bit pattern of the doubles across many, so that any bracket (even {@code [1e-300, 1e300]})
 * shrinks to adjacent doubles in at most ~64 bisections.
 * <li>Stop when Newton's step is within two ulps, the bracket is two ulps wide, or {@code f(x) = z}.
 * </ol>
 *
 * {@code z} outside the dual domain (when given) gives NaN; inside it, a root closer to an open end
 * than the last representable double returns that double. Instances are immutable and thread-safe.
 */
public final class NumericInverse {
    private static final int MAX_ITER = 400;

    private final DoubleUnaryOperator f;
    private final DoubleUnaryOperator df;
    private final RealInterval domain;
    private final RealInterval dualDomain;

    /**
     * @param f          strictly increasing on {@code domain}
     * @param df         its derivative, or {@code null} (then bisection only)
     * @param domain     where to search
     * @param dualDomain the range of {@code f} if known, else {@code null}
     */
    public NumericInverse(DoubleUnaryOperator f, DoubleUnaryOperator df, RealInterval domain, RealInterval dualDomain) {
        this.f = f;
        this.df = df;
        this.domain = domain;
        this.dualDomain = dualDomain;
    }

    /** The lowest and highest representable points of the domain. */
    private double first() {
        double lo = domain.lower();
        if (lo == Double.NEGATIVE_INFINITY) return -Double.MAX_VALUE;
        return domain.lowerClosed() ? lo : Math.nextUp(lo);
    }

    private double last() {
        double hi = domain.upper();
        if (hi == Double.POSITIVE_INFINITY) return Double.MAX_VALUE;
        return domain.upperClosed() ? hi : Math.nextDown(hi);
    }

    private double start() {
        double lo = domain.lower(), hi = domain.upper();
        if (domain.contains(0) && lo < 0 && hi > 0) return 0;
        if (Double.isInfinite(lo) && Double.isInfinite(hi)) return 0;
        if (Double.isInfinite(hi)) return lo + Math.max(1, Math.abs(lo));
        if (Double.isInfinite(lo)) return hi - Math.max(1, Math.abs(hi));
        return lo + (hi - lo) / 2;
    }

    /** (ψ')⁻¹(z); NaN for NaN, for z outside the dual domain, or when no bracket exists. */
    public double solve(double z) {
        if (Double.isNaN(z) || (dualDomain != null && !dualDomain.contains(z))) return Double.NaN;
        double bottom = first(), top = last();
        double x = start();
        double fx = f.applyAsDouble(x);
        if (fx == z) return x;
        // a ≤ root ≤ b once known; until then, Newton steps (fast when ψ' is smooth) with geometric
        // expansion as the safeguard when Newton is undefined, leaves the domain or goes backwards
        double a = Double.NaN, b = Double.NaN;
        double step = Math.max(1, Math.abs(x));
        for (int it = 0; it < MAX_ITER; it++) {
            boolean below = fx < z || Double.isNaN(fx) && x < start();
            if (below) a = x;
            else b = x;
            if (!Double.isNaN(a) && !Double.isNaN(b)) return refine(z, a, b, x, fx);
            if (below && x == top) return Double.isInfinite(domain.upper()) || dualDomain == null ? Double.NaN : top;
            if (!below && x == bottom) return Double.isInfinite(domain.lower()) || dualDomain == null ? Double.NaN : bottom;
            // geometric expansion: doubling steps towards an infinite end, bisection of the bit
            // patterns towards a finite one (any scale within ~64 steps) …
            double next = below ? (Double.isInfinite(domain.upper()) ? x + step : bisect(x, top))
                    : (Double.isInfinite(domain.lower()) ? x - step : bisect(bottom, x));
            step *= 2;
            // … or Newton's step when it goes further
            if (df != null && Double.isFinite(fx)) {
                double n = x - (fx - z) / df.applyAsDouble(x);
                if (below && n > next && n <= top) next = n;
                if (!below && n < next && n >= bottom) next = n;
            }
            if (below && (!(next > x) || next > top)) next = top;
            if (!below && (!(next < x) || next < bottom)) next = bottom;
            x = next;
            fx = f.applyAsDouble(x);
            if (fx == z) return x;
            if (Double.isInfinite(x)) return Double.NaN;
        }
        return Double.NaN;
    }

    private double refine(double z, double a, double b, double x, double fx) {
        double fa = Double.NaN, fb = Double.NaN;
        double dxOld = Double.POSITIVE_INFINITY, dx = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITER; it++) {
            if (fx == z) return x;
            if (fx < z) {
                a = x;
                fa = fx;
            } else {
                b = x; // NaN counts as above: shrinks towards the side where f is defined
                fb = fx;
            }
            if (!(b > a) || Math.nextUp(a) >= b) break;
            double next = Double.NaN;
            if (df != null && Double.isFinite(fx)) {
                double xn = x - (fx - z) / df.applyAsDouble(x);
                // converged: Newton's step is below the spacing of doubles here
                if (Math.abs(xn - x) <= Math.ulp(x)) break;
                // Newton while it stays in the bracket and converges fast (a step under half the one
                // before last); otherwise bisect, as in Numerical Recipes' rtsafe
                if (xn > a && xn < b && Math.abs(xn - x) < 0.5 * Math.abs(dxOld)) next = xn;
            }
            if (Double.isNaN(next)) next = bisect(a, b);
            dxOld = dx;
            dx = next - x;
            x = next;
            fx = f.applyAsDouble(x);
            if (fx == z) return x;
            if (Math.abs(dx) <= 2 * Math.ulp(x)) {
                if (fx < z) { a = x; fa = fx; } else { b = x; fb = fx; }
                break;
            }
        }
        // the best of the final candidates
        double best = x, err = Math.abs(fx - z);
        if (Math.abs(fa - z) < err && domain.contains(a)) {
            best = a;
            err = Math.abs(fa - z);
        }
        if (Math.abs(fb - z) < err && domain.contains(b)) best = b;
        return best;
    }

    /** Midpoint in the ordering of doubles (geometric across magnitudes, arithmetic within one). */
    static double bisect(double a, double b) {
        if (a == b) return a;
        a += 0.0; // -0.0 → 0.0, whose bit pattern orders correctly
        b += 0.0;
        if (a < 0 && b > 0) return 0;
        if (a > 0 && b <= 16 * a) return a + (b - a) / 2;
        if (a >= 0) {
            long la = Double.doubleToLongBits(a), lb = Double.doubleToLongBits(b);
            double m = Double.longBitsToDouble(la + (lb - la) / 2);
            return m > a && m < b ? m : a + (b - a) / 2;
        }
        return -bisect(-b, -a);
    }
}
