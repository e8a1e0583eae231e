package org.bregman.codegen;

/**
 * The safeguarded, bracketed Newton–bisection that inverts a strictly increasing ψ' numerically: the
 * algorithm of {@code org.bregman.symbolic.NumericInverse}, operation for operation (geometric
 * bracketing from a fixed start, Newton steps that must stay in the bracket and halve the step of two
 * iterations back, otherwise bisection in the bit pattern of the doubles, best final candidate).
 * Generated classes inline the same code with ψ' and ψ'' written out (see the template's
 * {@code solve}); the interpreter calls this class. Both perform the same operations, so they agree
 * bit for bit, and with {@code NumericInverse} up to the evaluation order of ψ'.
 */
public final class NumericSolve {

    /** ψ' and ψ''. */
    public interface Derivatives {
        double grad(double t);

        double hessian(double t);
    }

    static final int MAX_ITER = 400;

    private final Derivatives d;
    private final double lo;
    private final boolean loClosed;
    private final double hi;
    private final boolean hiClosed;
    private final boolean checkDual;
    private final double dualLo;
    private final boolean dualLoClosed;
    private final double dualHi;
    private final boolean dualHiClosed;

    public NumericSolve(Derivatives d, Forms.Range domain, Forms.Range dual) {
        this.d = d;
        this.lo = domain.lowerValue();
        this.loClosed = domain.lowerClosed() && !Double.isInfinite(lo);
        this.hi = domain.upperValue();
        this.hiClosed = domain.upperClosed() && !Double.isInfinite(hi);
        this.checkDual = !dual.isAllReals();
        this.dualLo = dual.lowerValue();
        this.dualLoClosed = dual.lowerClosed();
        this.dualHi = dual.upperValue();
        this.dualHiClosed = dual.upperClosed();
    }

    private boolean inDomain(double x) {
        return (loClosed ? x >= lo : x > lo) && (hiClosed ? x <= hi : x < hi);
    }

    public double solve(double z) {
        if (z != z) return Double.NaN;
        if (checkDual && !((dualLoClosed ? z >= dualLo : z > dualLo) && (dualHiClosed ? z <= dualHi : z < dualHi))) return Double.NaN;
        double first = lo == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : (loClosed ? lo : Math.nextUp(lo));
        double last = hi == Double.POSITIVE_INFINITY ? Double.MAX_VALUE : (hiClosed ? hi : Math.nextDown(hi));
        double x0;
        if (inDomain(0) && lo < 0 && hi > 0) x0 = 0;
        else if (Double.isInfinite(lo) && Double.isInfinite(hi)) x0 = 0;
        else if (Double.isInfinite(hi)) x0 = lo + Math.max(1, Math.abs(lo));
        else if (Double.isInfinite(lo)) x0 = hi - Math.max(1, Math.abs(hi));
        else x0 = lo + (hi - lo) / 2;
        double f0 = d.grad(x0);
        if (f0 == z) return x0;
        double a;
        double b;
        double fa;
        double fb;
        if (f0 < z || f0 != f0) {
            a = x0;
            fa = f0;
            double top = last;
            double step = Math.max(1, Math.abs(x0));
            while (true) {
                double nb = Double.isInfinite(hi) ? a + step : a + (top - a) / 2;
                if (!(nb > a) || nb > top) nb = top;
                step *= 2;
                double fnb = d.grad(nb);
                if (fnb >= z || fnb != fnb && nb == top) {
                    b = nb;
                    fb = fnb;
                    break;
                }
                if (nb == top) return Double.isInfinite(hi) || !checkDual ? Double.NaN : top;
                a = nb;
                fa = fnb;
            }
        } else {
            b = x0;
            fb = f0;
            double bottom = first;
            double step = Math.max(1, Math.abs(x0));
            while (true) {
                double na = Double.isInfinite(lo) ? b - step : b - (b - bottom) / 2;
                if (!(na < b) || na < bottom) na = bottom;
                step *= 2;
                double fna = d.grad(na);
                if (fna <= z) {
                    a = na;
                    fa = fna;
                    break;
                }
                if (na == bottom) return Double.isInfinite(lo) || !checkDual ? Double.NaN : bottom;
                b = na;
                fb = fna;
            }
        }
        if (fa == z) return a;
        if (fb == z) return b;
        double x = bisect(a, b);
        double dxOld = Double.POSITIVE_INFINITY;
        double dx = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITER; it++) {
            double fx = d.grad(x);
            if (fx == z) return x;
            if (fx < z) a = x;
            else b = x;
            if (!(b > a) || Math.nextUp(a) >= b) break;
            double next = Double.NaN;
            if (fx == fx) {
                double xn = x - (fx - z) / d.hessian(x);
                if (xn > a && xn < b && Math.abs(xn - x) < 0.5 * Math.abs(dxOld)) next = xn;
            }
            if (next != next) next = bisect(a, b);
            dxOld = dx;
            dx = next - x;
            if (Math.abs(dx) <= 2 * Math.ulp(x)) {
                x = next;
                break;
            }
            x = next;
        }
        double best = x;
        double err = Math.abs(d.grad(x) - z);
        if (inDomain(a)) {
            double e = Math.abs(d.grad(a) - z);
            if (e < err) {
                best = a;
                err = e;
            }
        }
        if (inDomain(b)) {
            double e = Math.abs(d.grad(b) - z);
            if (e < err) {
                best = b;
                err = e;
            }
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

    /** The same method as Java source for generated classes ({@code G(t)}/{@code H(t)} replaced). */
    static final String BISECT_SOURCE = """
                static double bisect(double a, double b) {
                    if (a < 0 && b > 0) return 0;
                    if (a >= 0) {
                        long la = Double.doubleToLongBits(a);
                        long lb = Double.doubleToLongBits(b);
                        double m = Double.longBitsToDouble(la + (lb - la) / 2);
                        return m > a && m < b ? m : a + (b - a) / 2;
                    }
                    return -bisect(-b, -a);
                }
            """;
}
