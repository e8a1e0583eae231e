package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;

import org.bregman.runtime.SpecialFunctions;

/** sinh, cosh, tanh and their inverses (asinh, acosh, atanh are {@link SpecialFunctions}' formulas). */
final class Hyperbolics {

    private Hyperbolics() {
    }

    static final class Sinh extends MathFunction {
        Sinh() { super("sinh", Math::sinh); }
        @Override public Expr derivative(Expr x) { return call(Func.COSH, x); }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.ASINH; }

        /** sinh(asinh u + b) = u·cosh b + sqrt(u² + 1)·sinh b (the addition formula; cosh(asinh u) = sqrt(u² + 1)). */
        @Override
        public Expr shiftedInverse(Expr u, Expr b) {
            return add(mul(u, call(Func.COSH, b)), mul(pow(add(pow(u, num(2)), num(1)), num(0.5)), call(Func.SINH, b)));
        }
    }

    static final class Cosh extends MathFunction {
        Cosh() { super("cosh", Math::cosh); }
        @Override public Expr derivative(Expr x) { return call(Func.SINH, x); }

        @Override
        public Expr inverse(Expr z, RealInterval argRange) {
            return argRange.lower() >= 0 ? call(Func.ACOSH, z) : argRange.upper() <= 0 ? neg(call(Func.ACOSH, z)) : null;
        }

        @Override public RealInterval range() { return new RealInterval(1, true, Double.POSITIVE_INFINITY, false); }
        @Override public RealInterval image(RealInterval d) { return Ranges.increasing(Ranges.abs(d), Math::cosh); }
        @Override public Func rightInverse() { return Func.ACOSH; }
    }

    static final class Tanh extends MathFunction {
        Tanh() { super("tanh", Math::tanh); }
        @Override public Expr derivative(Expr x) { return pow(call(Func.COSH, x), num(-2)); }
        @Override public RealInterval range() { return RealInterval.open(-1, 1); }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.ATANH; }
    }

    /** A function of {@link SpecialFunctions}, with its formula on double lanes. */
    private abstract static class Special extends FunctionDefinition {
        private final String lanes;

        /** @param lanesBody the body of {@link #doubleLanes()}'s method, over its argument {@code x} */
        Special(String name, String lanesBody) {
            super(name, 1);
            this.lanes = "static DoubleVector " + name + "D(DoubleVector x) {\n" + lanesBody.indent(4) + "}\n";
        }

        @Override public String java(List<String> args) { return specialFunctionCall(args); }
        @Override public String doubleLanes() { return lanes; }
    }

    static final class Asinh extends Special {
        Asinh() {
            super("asinh", """
                    DoubleVector a = x.abs();
                    DoubleVector aa = a.mul(a);
                    DoubleVector r = a.add(aa.div(aa.add(1.0).sqrt().add(1.0))).lanewise(VectorOperators.LOG1P);
                    r = r.blend(a.lanewise(VectorOperators.LOG).add(0.6931471805599453), a.compare(VectorOperators.GT, 2.68435456E8));
                    return copySignD(r, x).blend(x, a.compare(VectorOperators.LT, 3.725290298461914E-9));
                    """);
        }

        @Override public double value(double x) { return SpecialFunctions.asinh(x); }
        @Override public Expr derivative(Expr x) { return pow(add(pow(x, num(2)), num(1)), num(-0.5)); }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.SINH; }
    }

    static final class Acosh extends Special {
        Acosh() {
            super("acosh", """
                    DoubleVector t = x.sub(1.0);
                    DoubleVector r = t.add(t.mul(2.0).add(t.mul(t)).sqrt()).lanewise(VectorOperators.LOG1P);
                    r = r.blend(x.lanewise(VectorOperators.LOG).add(0.6931471805599453), x.compare(VectorOperators.GT, 2.68435456E8));
                    return r.blend(DoubleVector.broadcast(DS, Double.NaN), x.compare(VectorOperators.GE, 1.0).not());
                    """);
        }

        @Override public double value(double x) { return SpecialFunctions.acosh(x); }
        @Override public Expr derivative(Expr x) { return pow(add(pow(x, num(2)), num(-1)), num(-0.5)); }
        @Override public Expr inverse(Expr z, RealInterval argRange) { return call(Func.COSH, z); }
        @Override public RealInterval domain() { return new RealInterval(1, true, Double.POSITIVE_INFINITY, false); }
        @Override public String domainRequirement() { return ">= 1"; }
        @Override public RealInterval range() { return RealInterval.NON_NEGATIVE; }
        @Override public boolean increasing() { return true; }
    }

    static final class Atanh extends Special {
        Atanh() {
            super("atanh", """
                    DoubleVector a = x.abs();
                    DoubleVector r = a.mul(2.0).div(DoubleVector.broadcast(DS, 1.0).sub(a)).lanewise(VectorOperators.LOG1P).mul(0.5);
                    r = copySignD(r, x).blend(x, a.compare(VectorOperators.LT, 3.725290298461914E-9));
                    return r.blend(DoubleVector.broadcast(DS, Double.NaN), a.compare(VectorOperators.GT, 1.0));
                    """);
        }

        @Override public double value(double x) { return SpecialFunctions.atanh(x); }
        @Override public Expr derivative(Expr x) { return pow(add(num(1), neg(pow(x, num(2)))), num(-1)); }
        @Override public RealInterval domain() { return RealInterval.open(-1, 1); }
        @Override public String domainRequirement() { return "strictly between -1 and 1"; }
        @Override public boolean increasing() { return true; }
        @Override public Func rightInverse() { return Func.TANH; }
    }
}
