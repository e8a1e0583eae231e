package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

/** atan, and tan as its inverse only. */
final class Trigonometric {

    private Trigonometric() {
    }

    static final class Atan extends MathFunction {
        Atan() { super("atan", Math::atan); }
        @Override public Expr derivative(Expr x) { return pow(add(num(1), pow(x, num(2))), num(-1)); }
        @Override public Expr inverse(Expr z, RealInterval argRange) { return call(Func.TAN, z); }
        @Override public RealInterval range() { return RealInterval.open(-Math.PI / 2, Math.PI / 2); }
        @Override public boolean increasing() { return true; }
    }

    /** Not in the language: the inverse of atan. */
    static final class Tan extends MathFunction {
        Tan() { super("tan", Math::tan); }
        @Override public boolean inLanguage() { return false; }
        @Override public Expr derivative(Expr x) { return add(num(1), pow(call(Func.TAN, x), num(2))); }

        @Override
        public Expr inverse(Expr z, RealInterval argRange) {
            return argRange.lower() >= -Math.PI / 2 && argRange.upper() <= Math.PI / 2 ? call(Func.ATAN, z) : null;
        }

        @Override
        public RealInterval image(RealInterval d) {
            return d.lower() > -Math.PI / 2 && d.upper() < Math.PI / 2 ? Ranges.increasing(d, Math::tan) : RealInterval.REALS;
        }

        @Override public Func rightInverse() { return Func.ATAN; }
    }
}
