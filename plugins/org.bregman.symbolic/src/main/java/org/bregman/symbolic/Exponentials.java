package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;

/** exp, log, expm1, log1p. */
final class Exponentials {

    private Exponentials() {
    }

    static final class Exp extends MathFunction {
        Exp() { super("exp", Math::exp); }
        @Override public Expr derivative(Expr x) { return call(Func.EXP, x); }
        @Override public RealInterval range() { return RealInterval.POSITIVE; }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.LOG; }

        /** exp(log u + b) = u·exp(b) for u &gt; 0. */
        @Override public Expr shiftedInverse(Expr u, Expr b) { return mul(u, call(Func.EXP, b)); }

        @Override
        public Expr simplify(Expr u, Simplification s) {
            // exp(c log x) = x^c
            if (u instanceof Expr.Mul m && m.factors().size() == 2 && m.factors().get(1) instanceof Expr.Call c && c.f() == Func.LOG) {
                return s.pow(c.arg(), m.factors().get(0));
            }
            return null;
        }
    }

    static final class Log extends MathFunction {
        Log() { super("log", Math::log); }
        @Override public Expr derivative(Expr x) { return pow(x, num(-1)); }
        @Override public RealInterval domain() { return RealInterval.POSITIVE; }
        @Override public String domainRequirement() { return "> 0"; }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.EXP; }

        @Override
        public Expr simplify(Expr u, Simplification s) {
            // log(x^c) = c log x for x > 0
            if (u instanceof Expr.Pow p && s.positive(p.base())) {
                return s.mul(List.of(p.exp(), s.call(Func.LOG, List.of(p.base()))));
            }
            return null;
        }
    }

    static final class Log1p extends MathFunction {
        Log1p() { super("log1p", Math::log1p); }
        @Override public Expr derivative(Expr x) { return pow(add(num(1), x), num(-1)); }
        @Override public RealInterval domain() { return new RealInterval(-1, false, Double.POSITIVE_INFINITY, false); }
        @Override public String domainRequirement() { return "> -1"; }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.EXPM1; }
    }

    static final class Expm1 extends MathFunction {
        Expm1() { super("expm1", Math::expm1); }
        @Override public Expr derivative(Expr x) { return call(Func.EXP, x); }
        @Override public RealInterval range() { return new RealInterval(-1, false, Double.POSITIVE_INFINITY, false); }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.LOG1P; }
    }
}
