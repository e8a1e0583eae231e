package org.bregman.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of built-in functions: one constant per {@link FunctionDefinition}, which owns everything
 * about the function (value, derivative, inverse, domain, range, identities, generated code). The parser,
 * validator, content assist, simplifier and code generator all read this registry; adding a function is
 * one definition class and one line here.
 *
 * <p>{@link #TAN} and {@link #ERFINV} are not in the language: they appear only as inverses.
 */
public enum Func {
    EXP(new Exponentials.Exp()),
    LOG(new Exponentials.Log()),
    LOG1P(new Exponentials.Log1p()),
    EXPM1(new Exponentials.Expm1()),
    SQRT(new Powers.Sqrt()),
    CBRT(new Powers.Cbrt()),
    ABS(new Piecewise.Abs()),
    SIGN(new Piecewise.Sign()),
    SINH(new Hyperbolics.Sinh()),
    COSH(new Hyperbolics.Cosh()),
    TANH(new Hyperbolics.Tanh()),
    ASINH(new Hyperbolics.Asinh()),
    ACOSH(new Hyperbolics.Acosh()),
    ATANH(new Hyperbolics.Atanh()),
    ATAN(new Trigonometric.Atan()),
    MIN(new Piecewise.Min()),
    MAX(new Piecewise.Max()),
    POW(new Powers.Pow()),
    TAN(new Trigonometric.Tan()),
    ERF(new ErrorFunction.Erf()),
    ERFINV(new ErrorFunction.Erfinv());

    private final FunctionDefinition definition;

    Func(FunctionDefinition definition) {
        this.definition = definition;
    }

    public FunctionDefinition definition() {
        return definition;
    }

    public int arity() {
        return definition.arity();
    }

    /** The spelling in the language, e.g. {@code log1p}. */
    public String symbol() {
        return definition.name();
    }

    /** Whether users may write it ({@code tan} and {@code erfinv} appear only as inverses). */
    public boolean inLanguage() {
        return definition.inLanguage();
    }

    /** The function named {@code name} in the language, or {@code null}. */
    public static Func byName(String name) {
        for (Func f : values()) {
            if (f.inLanguage() && f.symbol().equals(name)) return f;
        }
        return null;
    }

    /** The functions users may write, in registration order. */
    public static List<Func> inTheLanguage() {
        List<Func> out = new ArrayList<>();
        for (Func f : values()) if (f.inLanguage()) out.add(f);
        return out;
    }

    /** Value of a unary function. */
    public double apply(double x) {
        return definition.value(x);
    }

    /** Value of a binary function. */
    public double apply(double x, double y) {
        return definition.value(x, y);
    }
}
