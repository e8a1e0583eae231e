package org.bregman.symbolic;

import java.util.function.DoubleUnaryOperator;

/**
 * Solves {@code f(x) = z} for a strictly increasing {@code f} (the mirror map ψ') inside a domain:
 * a safeguarded, bracketed Newton–bisection to full double precision.
 *
 * <ol>
 * <li>Bracket: from a start point inside the domain, step outwards geometrically (doubling steps on
 * unbounded sides, halving the distance to a finite end) until {@code f} crosses {@code z}.
 * <li>Refine: Newton steps with {@code f'} while they stay inside the bracket and at least halve the
 * step two iterations back; otherwise bisect — in the bit pattern of the doubles, so that any bracket
 * (even {@code [1e-300, 1e300]}) shrinks to adjacent doubles in at most ~64 bisections.
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
        double x0 = start();
        double f0 = f.applyAsDouble(x0);
        if (f0 == z) return x0;
        double a, b, fa, fb;
        if (f0 < z || Double.isNaN(f0)) {
            // search upwards
            a = x0;
            fa = f0;
            double top = last(), step = Math.max(1, Math.abs(x0));
            while (true) {
                double nb = Double.isInfinite(domain.upper()) ? a + step : a + (top - a) / 2;
                if (!(nb > a) || nb > top) nb = top;
                step *= 2;
                double fnb = f.applyAsDouble(nb);
                if (fnb >= z || Double.isNaN(fnb) && nb == top) {
                    b = nb;
                    fb = fnb;
                    break;
                }
                if (nb == top) return Double.isInfinite(domain.upper()) || dualDomain == null ? Double.NaN : top;
                a = nb;
                fa = fnb;
            }
        } else {
            b = x0;
            fb = f0;
            double bottom = first(), step = Math.max(1, Math.abs(x0));
            while (true) {
                double na = Double.isInfinite(domain.lower()) ? b - step : b - (b - bottom) / 2;
                if (!(na < b) || na < bottom) na = bottom;
                step *= 2;
                double fna = f.applyAsDouble(na);
                if (fna <= z) {
                    a = na;
                    fa = fna;
                    break;
                }
                if (na == bottom) return Double.isInfinite(domain.lower()) || dualDomain == null ? Double.NaN : bottom;
                b = na;
                fb = fna;
            }
        }
        if (fa == z) return a;
        if (fb == z) return b;
        return refine(z, a, b);
    }

    private double refine(double z, double a, double b) {
        double x = bisect(a, b);
        double dxOld = Double.POSITIVE_INFINITY, dx = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITER; it++) {
            double fx = f.applyAsDouble(x);
            if (fx == z) return x;
            if (fx < z) a = x;
            else b = x; // NaN counts as above: shrinks towards the side where f is defined
            if (!(b > a) || Math.nextUp(a) >= b) break;
            double next = Double.NaN;
            if (df != null && !Double.isNaN(fx)) {
                double d = df.applyAsDouble(x);
                double xn = x - (fx - z) / d;
                if (xn > a && xn < b && Math.abs(xn - x) < 0.5 * Math.abs(dxOld)) next = xn;
            }
            if (Double.isNaN(next)) next = bisect(a, b);
            dxOld = dx;
            dx = next - x;
            if (Math.abs(dx) <= 2 * Math.ulp(x)) {
                x = next;
                break;
            }
            x = next;
        }
        // the best of the final candidates
        double best = x, err = Math.abs(f.applyAsDouble(x) - z);
        for (double c : new double[] {a, b}) {
            if (!domain.contains(c)) continue;
            double e = Math.abs(f.applyAsDouble(c) - z);
            if (e < err) {
                best = c;
                err = e;
            }
        }
        return best;
    }

    /** Midpoint in the ordering of doubles (geometric across magnitudes, arithmetic within one). */
    static double bisect(double a, double b) {
        if (a < 0 && b > 0) return 0;
        if (a >= 0) {
            long la = Double.doubleToLongBits(a), lb = Double.doubleToLongBits(b);
            double m = Double.longBitsToDouble(la + (lb - la) / 2);
            return m > a && m < b ? m : a + (b - a) / 2;
        }
        return -bisect(-b, -a);
    }
}
