package org.bregman.symbolic;

import java.util.List;
import java.util.Map;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Const;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/**
 * Interval (range) arithmetic over expressions: an enclosure of the values an expression takes when
 * its variables range over given intervals. Enclosures may be wider than the true range (the
 * dependency problem: {@code w - w} gives {@code (-∞, ∞)}), never narrower; parts of an argument
 * outside a function's domain are ignored (the operation-domain check reports those).
 *
 * <p><b>Rigorous</b>: every end computed in floating point is rounded outward unless the operation was
 * exact (sums and products are tested with an error-free transformation, {@code Math.fma}); library
 * functions ({@link Math#exp} …, within 1 ulp) are widened by 2 ulps and cut to the function's range.
 * So a positive lower end proves positivity (what the convexity proof relies on); an end that was
 * rounded is reported closed.
 */
public final class Ranges {
    private Ranges() {
    }

    public static RealInterval range(Expr e, Assumptions a) {
        return range(e, a.ranges());
    }

    public static RealInterval range(Expr e, Map<String, RealInterval> vars) {
        try {
            return of(e, vars);
        } catch (SymbolicException ex) {
            return RealInterval.REALS;
        }
    }

    private static final RealInterval REALS = RealInterval.REALS;

    private static RealInterval of(Expr e, Map<String, RealInterval> vars) {
        List<Expr> children = e.children();
        RealInterval[] in = new RealInterval[children.size()];
        for (int i = 0; i < in.length; i++) in[i] = of(children.get(i), vars);
        return node(e, in, vars);
    }

    /**
     * The enclosure of one node from its children's enclosures ({@code in}, in {@link Expr#children()} order) and,
     * for a variable, from {@code vars}: the one rule per kind of node that every evaluation here shares.
     */
    static RealInterval node(Expr e, RealInterval[] in, Map<String, RealInterval> vars) {
        return switch (e) {
            case Num n -> RealInterval.point(n.value());
            case Const c -> new RealInterval(Math.nextDown(c.value()), true, Math.nextUp(c.value()), true);
            case Var v -> vars.getOrDefault(v.name(), REALS);
            case Add a -> {
                RealInterval r = in[0];
                for (int i = 1; i < in.length; i++) r = add(r, in[i]);
                yield r;
            }
            case Mul m -> {
                RealInterval r = in[0];
                for (int i = 1; i < in.length; i++) r = mul(r, in[i]);
                yield r;
            }
            case Pow p -> pow(in[0], p.exp(), in[1]);
            case Call c -> {
                if (c.f() == Func.POW) yield pow(in[0], c.args().get(1), in[1]);
                if (c.f() == Func.MIN || c.f() == Func.MAX) {
                    RealInterval x = in[0], y = in[1];
                    boolean min = c.f() == Func.MIN;
                    yield min ? new RealInterval(Math.min(x.lower(), y.lower()), true, Math.min(x.upper(), y.upper()), true)
                            : new RealInterval(Math.max(x.lower(), y.lower()), true, Math.max(x.upper(), y.upper()), true);
                }
                yield call(c.f(), in[0]);
            }
        };
    }

    static RealInterval add(RealInterval x, RealInterval y) {
        double lo = x.lower() + y.lower(), hi = x.upper() + y.upper();
        boolean loC = x.lowerClosed() && y.lowerClosed(), hiC = x.upperClosed() && y.upperClosed();
        if (Double.isNaN(lo)) lo = Double.NEGATIVE_INFINITY;
        else if (!sumExact(x.lower(), y.lower(), lo)) { lo = Math.nextDown(lo); loC = true; }
        if (Double.isNaN(hi)) hi = Double.POSITIVE_INFINITY;
        else if (!sumExact(x.upper(), y.upper(), hi)) { hi = Math.nextUp(hi); hiC = true; }
        return new RealInterval(lo, loC, hi, hiC);
    }

    /** Whether s = a + b exactly (an infinite operand makes an exact limit; overflow is inexact). */
    private static boolean sumExact(double a, double b, double s) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) return true;
        if (Double.isInfinite(s)) return false;
        double bb = s - a;
        return (a - (s - bb)) + (b - bb) == 0; // Knuth's TwoSum error term
    }

    /** Whether p = a · b exactly. */
    private static boolean productExact(double a, double b, double p) {
        if (Double.isInfinite(a) || Double.isInfinite(b) || a == 0 || b == 0) return true;
        if (Double.isInfinite(p) || (p == 0)) return false;
        return Math.fma(a, b, -p) == 0 && Math.abs(p) >= Double.MIN_NORMAL;
    }

    /** Endpoint product with 0·∞ = 0 (infinite ends are never attained). */
    private static double times(double a, double b) {
        double r = a * b;
        return Double.isNaN(r) ? 0 : r;
    }

    static RealInterval mul(RealInterval x, RealInterval y) {
        ProductHull h = new ProductHull();
        h.add(x.lower(), x.lowerClosed(), y.lower(), y.lowerClosed());
        h.add(x.lower(), x.lowerClosed(), y.upper(), y.upperClosed());
        h.add(x.upper(), x.upperClosed(), y.lower(), y.lowerClosed());
        h.add(x.upper(), x.upperClosed(), y.upper(), y.upperClosed());
        // a zero strictly inside one factor is attained
        if (x.contains(0) || y.contains(0)) {
            if (h.lo == 0) h.loC = true;
            if (h.hi == 0) h.hiC = true;
        }
        return new RealInterval(h.lo, h.loC, h.hi, h.hiC);
    }

    /** The hull of the products of the ends of two intervals, one pair at a time (scalars: no arrays per product). */
    private static final class ProductHull {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean loC, hiC;

        void add(double a, boolean ac, double b, boolean bc) {
            double p = times(a, b);
            // a product of ends is attained if both ends are, or if one is an attained zero
            boolean c = (ac && bc) || (ac && a == 0) || (bc && b == 0);
            double pl = p, ph = p;
            if (!productExact(a, b, p)) {
                pl = Math.nextDown(p);
                ph = Math.nextUp(p);
                c = true;
                // the product of two non-zero ends keeps its sign even when it underflows
                if (a != 0 && b != 0 && (a > 0) == (b > 0) && pl <= 0) { pl = 0; c = false; }
                if (a != 0 && b != 0 && (a > 0) != (b > 0) && ph >= 0) { ph = 0; c = false; }
            }
            if (pl < lo || (pl == lo && c)) { lo = pl; loC = c; }
            if (ph > hi || (ph == hi && c)) { hi = ph; hiC = c; }
        }
    }

    /** 1/x. */
    static RealInterval reciprocal(RealInterval x) {
        double lo = x.lower(), hi = x.upper();
        if (lo > 0 || hi < 0) {
            double rl = 1 / hi, rh = 1 / lo;
            boolean el = quotientExact(hi, rl), eh = quotientExact(lo, rh);
            RealInterval r = new RealInterval(el ? rl : Math.nextDown(rl), x.upperClosed() || !el, eh ? rh : Math.nextUp(rh),
                    x.lowerClosed() || !eh);
            // 1/x keeps the sign of x
            return r.intersect(lo > 0 ? RealInterval.POSITIVE : new RealInterval(Double.NEGATIVE_INFINITY, false, 0, false));
        }
        if (lo == 0 && hi > 0) {
            double rl = 1 / hi;
            boolean el = quotientExact(hi, rl);
            return new RealInterval(el ? rl : Math.max(0, Math.nextDown(rl)), x.upperClosed() || !el, Double.POSITIVE_INFINITY, false);
        }
        if (hi == 0 && lo < 0) {
            double rh = 1 / lo;
            boolean eh = quotientExact(lo, rh);
            return new RealInterval(Double.NEGATIVE_INFINITY, false, eh ? rh : Math.min(0, Math.nextUp(rh)), x.lowerClosed() || !eh);
        }
        return REALS;
    }

    /** Whether r = 1 / x exactly. */
    private static boolean quotientExact(double x, double r) {
        if (Double.isInfinite(x)) return r == 0;
        if (r == 0 || Double.isInfinite(r) || Math.abs(r) < Double.MIN_NORMAL) return false;
        return Math.fma(r, x, -1) == 0;
    }

    private static boolean isInteger(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15;
    }

    /**
     * y = f(x) at an end of f's argument, widened by {@code ulps} ulps towards {@code down} unless the value is exact:
     * an infinite argument (a limit), or an argument of 0 or ±1 with a result of 0 or ±1 (what the library computes
     * exactly there: exp(0) = 1, log(1) = 0, 1^a = 1, 0^a = 0 …).
     */
    private static double widen(double x, double y, boolean down, int ulps) {
        if (Double.isNaN(y)) return y;
        boolean exact = Double.isInfinite(x) ? (y == 0 || Math.abs(y) == 1 || Double.isInfinite(y))
                : (x == 0 || Math.abs(x) == 1) && (y == 0 || Math.abs(y) == 1);
        if (exact) return y;
        for (int i = 0; i < ulps; i++) y = down ? Math.nextDown(y) : Math.nextUp(y);
        return y;
    }

    /** |x|. */
    static RealInterval abs(RealInterval x) {
        if (x.lower() >= 0) return x;
        if (x.upper() <= 0) return new RealInterval(-x.upper(), x.upperClosed(), -x.lower(), x.lowerClosed());
        double m = Math.max(-x.lower(), x.upper());
        boolean c = -x.lower() > x.upper() ? x.lowerClosed() : x.upper() > -x.lower() ? x.upperClosed() : x.lowerClosed() || x.upperClosed();
        return new RealInterval(0, true, m, c);
    }

    /** Applies a non-decreasing map to both ends. */
    static RealInterval increasing(RealInterval x, java.util.function.DoubleUnaryOperator f) {
        return increasing(x, f, 2);
    }

    /** The image of x under an increasing f whose values are within {@code ulps} ulps (f is called once per end). */
    static RealInterval increasing(RealInterval x, java.util.function.DoubleUnaryOperator f, int ulps) {
        return monotone(x.lower(), x.lowerClosed(), x.upper(), x.upperClosed(), f, ulps);
    }

    private static RealInterval decreasing(RealInterval x, java.util.function.DoubleUnaryOperator f) {
        return monotone(x.upper(), x.upperClosed(), x.lower(), x.lowerClosed(), f, 2);
    }

    /** [f(from), f(to)] outward-rounded; an end is closed where its argument's end is and f's value was exact. */
    private static RealInterval monotone(double from, boolean fromC, double to, boolean toC, java.util.function.DoubleUnaryOperator f,
            int ulps) {
        double yl = f.applyAsDouble(from), yh = f.applyAsDouble(to);
        double lo = widen(from, yl, true, ulps), hi = widen(to, yh, false, ulps);
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) return REALS;
        return new RealInterval(lo, lo == yl ? fromC : true, hi, hi == yh ? toC : true);
    }

    static RealInterval pow(RealInterval b, Expr expNode, RealInterval e) {
        if (e.isPoint()) {
            double k = e.lower();
            if (k == 0) return RealInterval.point(1);
            if (isInteger(k)) {
                long n = (long) k;
                RealInterval base = (n % 2 == 0) ? abs(b) : b;
                RealInterval r = increasing(base, x -> Math.pow(x, Math.abs(n)));
                if (base.lower() >= 0) r = cut(r, base.lower() > 0 || !base.lowerClosed() ? RealInterval.POSITIVE : RealInterval.NON_NEGATIVE);
                return n > 0 ? r : reciprocal(r);
            }
            RealInterval base = b.intersect(RealInterval.NON_NEGATIVE);
            if (base == null) return REALS;
            RealInterval sign = base.lower() > 0 || !base.lowerClosed() || k < 0 ? RealInterval.POSITIVE : RealInterval.NON_NEGATIVE;
            return cut(k > 0 ? increasing(base, x -> Math.pow(x, k)) : decreasing(base, x -> Math.pow(x, k)), sign);
        }
        // b^e = exp(e log b) on the positive part of b
        RealInterval base = b.intersect(RealInterval.POSITIVE);
        if (base == null) return REALS;
        RealInterval r = call(Func.EXP, mul(e, call(Func.LOG, base)));
        if (b.contains(0) && e.lower() > 0) r = r.hull(RealInterval.point(0));
        return r;
    }

    /** r cut to the set {@code to} that is known to contain the true values (undoes rounding past it). */
    private static RealInterval cut(RealInterval r, RealInterval to) {
        RealInterval c = r.intersect(to);
        return c == null ? r : c;
    }

    static RealInterval call(Func f, RealInterval x) {
        RealInterval d = x.intersect(f.definition().domain());
        if (d == null) return REALS;
        // atan's range ends are ±π/2 rounded down in magnitude: not a safe cut
        return f == Func.ATAN ? callOnDomain(f, d) : cut(callOnDomain(f, d), f.definition().range());
    }

    private static RealInterval callOnDomain(Func f, RealInterval d) {
        return f.definition().image(d);
    }
}
