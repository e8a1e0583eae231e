package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;

/** sqrt, cbrt, pow (the simplifier writes sqrt(x) as x^0.5 and pow(x, y) as x^y). */
final class Powers {

    private Powers() {
    }

    static final class Sqrt extends FunctionDefinition {
        Sqrt() { super("sqrt", 1); }
        @Override public double value(double x) { return Math.sqrt(x); }
        @Override public Expr derivative(Expr x) { return mul(num(0.5), pow(x, num(-0.5))); }
        @Override public Expr inverse(Expr z, RealInterval argRange) { return pow(z, num(2)); }
        @Override public RealInterval domain() { return RealInterval.NON_NEGATIVE; }
        @Override public String domainRequirement() { return ">= 0"; }
        @Override public RealInterval range() { return RealInterval.NON_NEGATIVE; }
        @Override public boolean increasing() { return true; }
        @Override public boolean exactInFloat() { return true; }
        @Override public String javaFloat(List<String> args) { return "((float) Math.sqrt(" + args.get(0) + "))"; }
        @Override public String floatLanes(List<String> args) { return args.get(0) + ".sqrt()"; }
    }

    static final class Cbrt extends MathFunction {
        Cbrt() { super("cbrt", Math::cbrt); }
        @Override public Expr derivative(Expr x) { return mul(num(1.0 / 3.0), pow(call(Func.CBRT, x), num(-2))); }
        @Override public Expr inverse(Expr z, RealInterval argRange) { return pow(z, num(3)); }
        @Override public boolean increasing() { return true; }
    }

    static final class Pow extends FunctionDefinition {
        Pow() { super("pow", 2); }
        @Override public double value(double x, double y) { return Math.pow(x, y); }
        @Override public String vectorOperator() { return "POW"; }
    }
}
