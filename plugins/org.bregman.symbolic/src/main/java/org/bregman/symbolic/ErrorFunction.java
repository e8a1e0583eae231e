package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;

import org.bregman.runtime.SpecialFunctions;

/** erf, and erfinv as its inverse only (both computed by {@link SpecialFunctions}). */
final class ErrorFunction {

    private ErrorFunction() {
    }

    static final class Erf extends FunctionDefinition {
        Erf() { super("erf", 1); }
        @Override public double value(double x) { return SpecialFunctions.erf(x); }
        /** 2/√π · e^(−x²), with π symbolic so that it cancels against the user's 1/sqrt(pi). */
        @Override public Expr derivative(Expr x) { return mul(num(2), pow(pi(), num(-0.5)), call(Func.EXP, neg(pow(x, num(2))))); }
        @Override public RealInterval range() { return RealInterval.open(-1, 1); }
        @Override public boolean increasing() { return true; }
        /** {@link SpecialFunctions#erf} is within 10 ulps (series and continued fraction, not correctly rounded). */
        @Override public int errorUlps() { return 16; }
        @Override public Func rightInverse() { return Func.ERFINV; }
        @Override public String java(List<String> args) { return specialFunctionCall(args); }
    }

    /** Not in the language: the inverse of erf. */
    static final class Erfinv extends FunctionDefinition {
        Erfinv() { super("erfinv", 1); }
        @Override public boolean inLanguage() { return false; }
        @Override public double value(double x) { return SpecialFunctions.erfinv(x); }
        /** √π/2 · e^(erfinv(x)²). */
        @Override public Expr derivative(Expr x) { return mul(num(0.5), pow(pi(), num(0.5)), call(Func.EXP, pow(call(Func.ERFINV, x), num(2)))); }
        @Override public RealInterval domain() { return RealInterval.open(-1, 1); }
        @Override public String domainRequirement() { return "strictly between -1 and 1"; }
        @Override public boolean increasing() { return true; }

        /** erf's error (16 ulps of a value ≤ 1) moves the root by up to 16·2⁻⁵³·√π/2·e^(x²): widen by that. */
        @Override
        public RealInterval image(RealInterval d) {
            double lo = value(d.lower()), hi = value(d.upper());
            if (Double.isNaN(lo) || Double.isNaN(hi)) return RealInterval.REALS;
            return new RealInterval(lo - slack(lo), !Double.isInfinite(lo), hi + slack(hi), !Double.isInfinite(hi));
        }

        private static double slack(double x) {
            return Double.isInfinite(x) ? 0 : 32 * 0x1p-53 * 0.8862269254527580 * Math.exp(x * x) + 4 * Math.ulp(x);
        }

        @Override public Func rightInverse() { return Func.ERF; }
        @Override public String java(List<String> args) { return specialFunctionCall(args); }
    }
}
