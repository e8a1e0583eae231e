package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;

/** abs, sign, min, max: exact in float arithmetic. */
final class Piecewise {

    private Piecewise() {
    }

    /** A number times the rest of a product: {@code n · rest} → (n, rest), else {@code null}. */
    private static Expr rest(Expr.Mul m) {
        List<Expr> rest = m.factors().subList(1, m.factors().size());
        return rest.size() == 1 ? rest.get(0) : new Expr.Mul(rest);
    }

    static final class Abs extends FunctionDefinition {
        Abs() { super("abs", 1); }
        @Override public double value(double x) { return Math.abs(x); }
        /** |x|' = sign(x). */
        @Override public Expr derivative(Expr x) { return call(Func.SIGN, x); }
        @Override public RealInterval range() { return RealInterval.NON_NEGATIVE; }
        @Override public RealInterval image(RealInterval d) { return Ranges.abs(d); }
        @Override public boolean exactInFloat() { return true; }
        @Override public String floatLanes(List<String> args) { return args.get(0) + ".abs()"; }

        @Override
        public Expr simplify(Expr u, Simplification s) {
            if (s.nonNegative(u)) return u;
            if (s.range(u).upper() <= 0) return s.mul(List.of(num(-1), u));
            if (u instanceof Expr.Call c && c.f() == Func.ABS) return u;
            if (u instanceof Expr.Mul m && m.factors().get(0) instanceof Expr.Num n) {
                return s.mul(List.of(num(Math.abs(n.value())), s.call(Func.ABS, List.of(rest(m)))));
            }
            if (u instanceof Expr.Pow p && p.exp() instanceof Expr.Num n) {
                if (Simplifier.isInteger(n.value()) && n.value() % 2 == 0) return u;
                return s.pow(s.call(Func.ABS, List.of(p.base())), p.exp());
            }
            return null;
        }
    }

    static final class Sign extends FunctionDefinition {
        Sign() { super("sign", 1); }
        @Override public double value(double x) { return Math.signum(x); }
        /** sign' = 0: its jump at 0 is ignored. */
        @Override public Expr derivative(Expr x) { return num(0); }
        @Override public RealInterval range() { return RealInterval.closed(-1, 1); }
        @Override public boolean increasing() { return true; }

        @Override
        public RealInterval image(RealInterval d) {
            return new RealInterval(Math.signum(d.lower()), true, Math.signum(d.upper()), true);
        }

        @Override public String java(List<String> args) { return "Math.signum(" + args.get(0) + ")"; }
        @Override public boolean exactInFloat() { return true; }
        /** {@code signum} is a helper of the vector template. */
        @Override public String floatLanes(List<String> args) { return "signum(" + args.get(0) + ")"; }

        @Override
        public Expr simplify(Expr u, Simplification s) {
            if (s.positive(u)) return num(1);
            if (s.negative(u)) return num(-1);
            if (u instanceof Expr.Call c && c.f() == Func.SIGN) return u;
            if (u instanceof Expr.Mul m && m.factors().get(0) instanceof Expr.Num n) {
                return s.mul(List.of(num(Math.signum(n.value())), s.call(Func.SIGN, List.of(rest(m)))));
            }
            if (u instanceof Expr.Pow p && p.exp() instanceof Expr.Num n && Simplifier.isInteger(n.value()) && n.value() % 2 != 0) {
                return s.call(Func.SIGN, List.of(p.base()));
            }
            return null;
        }
    }

    static final class Min extends FunctionDefinition {
        Min() { super("min", 2); }
        @Override public double value(double x, double y) { return Math.min(x, y); }
        @Override public boolean exactInFloat() { return true; }
        @Override public String floatLanes(List<String> args) { return args.get(0) + ".min(" + args.get(1) + ")"; }
    }

    static final class Max extends FunctionDefinition {
        Max() { super("max", 2); }
        @Override public double value(double x, double y) { return Math.max(x, y); }
        @Override public boolean exactInFloat() { return true; }
        @Override public String floatLanes(List<String> args) { return args.get(0) + ".max(" + args.get(1) + ")"; }
    }
}
