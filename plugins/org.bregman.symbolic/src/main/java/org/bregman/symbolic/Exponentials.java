package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;

/** exp, log, expm1, log1p. */
final class Exponentials {

    private Exponentials() {
    }

    static final class Exp extends FunctionDefinition {
        Exp() { super("exp", 1); }
        @Override public double value(double x) { return Math.exp(x); }
        @Override public Expr derivative(Expr x) { return call(Func.EXP, x); }
        @Override public RealInterval range() { return RealInterval.POSITIVE; }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.LOG; }
        @Override public String vectorOperator() { return "EXP"; }

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

    static final class Log extends FunctionDefinition {
        Log() { super("log", 1); }
        @Override public double value(double x) { return Math.log(x); }
        @Override public Expr derivative(Expr x) { return pow(x, num(-1)); }
        @Override public RealInterval domain() { return RealInterval.POSITIVE; }
        @Override public String domainRequirement() { return "> 0"; }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.EXP; }
        @Override public String vectorOperator() { return "LOG"; }

        @Override
        public Expr simplify(Expr u, Simplification s) {
            // log(x^c) = c log x for x > 0
            if (u instanceof Expr.Pow p && s.positive(p.base())) {
                return s.mul(List.of(p.exp(), s.call(Func.LOG, List.of(p.base()))));
            }
            return null;
        }
    }

    static final class Log1p extends FunctionDefinition {
        Log1p() { super("log1p", 1); }
        @Override public double value(double x) { return Math.log1p(x); }
        @Override public Expr derivative(Expr x) { return pow(add(num(1), x), num(-1)); }
        @Override public RealInterval domain() { return new RealInterval(-1, false, Double.POSITIVE_INFINITY, false); }
        @Override public String domainRequirement() { return "> -1"; }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.EXPM1; }
        @Override public String vectorOperator() { return "LOG1P"; }
    }

    static final class Expm1 extends FunctionDefinition {
        Expm1() { super("expm1", 1); }
        @Override public double value(double x) { return Math.expm1(x); }
        @Override public Expr derivative(Expr x) { return call(Func.EXP, x); }
        @Override public RealInterval range() { return new RealInterval(-1, false, Double.POSITIVE_INFINITY, false); }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.LOG1P; }
        @Override public String vectorOperator() { return "EXPM1"; }
    }
}
