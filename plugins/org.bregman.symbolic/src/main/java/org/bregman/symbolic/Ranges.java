package org.bregman.symbolic;

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
        return switch (e) {
            case Num n -> RealInterval.point(n.value());
            case Const c -> RealInterval.point(c.value());
            case Var v -> vars.getOrDefault(v.name(), REALS);
            case Add a -> {
                RealInterval r = of(a.terms().get(0), vars);
                for (int i = 1; i < a.terms().size(); i++) r = add(r, of(a.terms().get(i), vars));
                yield r;
            }
            case Mul m -> {
                RealInterval r = of(m.factors().get(0), vars);
                for (int i = 1; i < m.factors().size(); i++) r = mul(r, of(m.factors().get(i), vars));
                yield r;
            }
            case Pow p -> pow(of(p.base(), vars), p.exp(), of(p.exp(), vars));
            case Call c -> {
                if (c.f() == Func.POW) yield pow(of(c.args().get(0), vars), c.args().get(1), of(c.args().get(1), vars));
                if (c.f() == Func.MIN || c.f() == Func.MAX) {
                    RealInterval x = of(c.args().get(0), vars), y = of(c.args().get(1), vars);
                    boolean min = c.f() == Func.MIN;
                    yield min ? new RealInterval(Math.min(x.lower(), y.lower()), true, Math.min(x.upper(), y.upper()), true)
                            : new RealInterval(Math.max(x.lower(), y.lower()), true, Math.max(x.upper(), y.upper()), true);
                }
                yield call(c.f(), of(c.arg(), vars));
            }
        };
    }

    static RealInterval add(RealInterval x, RealInterval y) {
        double lo = x.lower() + y.lower(), hi = x.upper() + y.upper();
        if (Double.isNaN(lo)) lo = Double.NEGATIVE_INFINITY;
        if (Double.isNaN(hi)) hi = Double.POSITIVE_INFINITY;
        return new RealInterval(lo, x.lowerClosed() && y.lowerClosed(), hi, x.upperClosed() && y.upperClosed());
    }

    /** Endpoint product with 0·∞ = 0 (infinite ends are never attained). */
    private static double times(double a, double b) {
        double r = a * b;
        return Double.isNaN(r) ? 0 : r;
    }

    static RealInterval mul(RealInterval x, RealInterval y) {
        double[] xs = {x.lower(), x.upper()}, ys = {y.lower(), y.upper()};
        boolean[] xc = {x.lowerClosed(), x.upperClosed()}, yc = {y.lowerClosed(), y.upperClosed()};
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean loC = false, hiC = false;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double p = times(xs[i], ys[j]);
                // a product of ends is attained if both ends are, or if one is an attained zero
                boolean c = (xc[i] && yc[j]) || (xc[i] && xs[i] == 0) || (yc[j] && ys[j] == 0);
                if (p < lo || (p == lo && c)) { lo = p; loC = c; }
                if (p > hi || (p == hi && c)) { hi = p; hiC = c; }
            }
        }
        // a zero strictly inside one factor is attained
        if (x.contains(0) || y.contains(0)) {
            if (lo == 0) loC = true;
            if (hi == 0) hiC = true;
        }
        return new RealInterval(lo, loC, hi, hiC);
    }

    /** 1/x. */
    static RealInterval reciprocal(RealInterval x) {
        double lo = x.lower(), hi = x.upper();
        if (lo > 0 || hi < 0) {
            return new RealInterval(1 / hi, x.upperClosed(), 1 / lo, x.lowerClosed());
        }
        if (lo == 0 && hi > 0) return new RealInterval(1 / hi, x.upperClosed(), Double.POSITIVE_INFINITY, false);
        if (hi == 0 && lo < 0) return new RealInterval(Double.NEGATIVE_INFINITY, false, 1 / lo, x.lowerClosed());
        return REALS;
    }

    private static boolean isInteger(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15;
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
    private static RealInterval increasing(RealInterval x, java.util.function.DoubleUnaryOperator f) {
        double lo = f.applyAsDouble(x.lower()), hi = f.applyAsDouble(x.upper());
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) return REALS;
        return new RealInterval(lo, x.lowerClosed(), hi, x.upperClosed());
    }

    private static RealInterval decreasing(RealInterval x, java.util.function.DoubleUnaryOperator f) {
        double lo = f.applyAsDouble(x.upper()), hi = f.applyAsDouble(x.lower());
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) return REALS;
        return new RealInterval(lo, x.upperClosed(), hi, x.lowerClosed());
    }

    static RealInterval pow(RealInterval b, Expr expNode, RealInterval e) {
        if (e.isPoint()) {
            double k = e.lower();
            if (k == 0) return RealInterval.point(1);
            if (isInteger(k)) {
                long n = (long) k;
                RealInterval base = (n % 2 == 0) ? abs(b) : b;
                RealInterval r = increasing(base, x -> Math.pow(x, Math.abs(n)));
                return n > 0 ? r : reciprocal(r);
            }
            RealInterval base = b.intersect(RealInterval.NON_NEGATIVE);
            if (base == null) return REALS;
            return k > 0 ? increasing(base, x -> Math.pow(x, k)) : decreasing(base, x -> Math.pow(x, k));
        }
        // b^e = exp(e log b) on the positive part of b
        RealInterval base = b.intersect(RealInterval.POSITIVE);
        if (base == null) return REALS;
        RealInterval r = call(Func.EXP, mul(e, call(Func.LOG, base)));
        if (b.contains(0) && e.lower() > 0) r = r.hull(RealInterval.point(0));
        return r;
    }

    static RealInterval call(Func f, RealInterval x) {
        RealInterval d = x.intersect(f.domain());
        if (d == null) return REALS;
        return switch (f) {
            case ABS -> abs(d);
            case COSH -> increasing(abs(d), Math::cosh);
            case TAN -> d.lower() > -Math.PI / 2 && d.upper() < Math.PI / 2 ? increasing(d, Math::tan) : REALS;
            case SIGN -> {
                double lo = Math.signum(d.lower()), hi = Math.signum(d.upper());
                yield new RealInterval(lo, true, hi, true);
            }
            default -> f.isMonotoneIncreasing() ? increasing(d, f::apply) : REALS;
        };
    }
}
