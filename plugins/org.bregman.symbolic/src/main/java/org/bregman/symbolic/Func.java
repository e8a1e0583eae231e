package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.Locale;

/**
 * The functions of the language. Each knows (like SymPy's functions) its arity, value, derivative,
 * inverse where it has one, its own domain and its range.
 *
 * <p>{@link #TAN} is not in the language: it appears only as the inverse of {@code atan}.
 * {@code asinh}, {@code acosh}, {@code atanh} are not in {@link Math}; {@link #asinh(double)} etc. are
 * the exact formulas the interpreter uses (generated code should use the same ones to agree bitwise).
 */
public enum Func {
    EXP(1), LOG(1), LOG1P(1), EXPM1(1), SQRT(1), CBRT(1), ABS(1), SIGN(1),
    SINH(1), COSH(1), TANH(1), ASINH(1), ACOSH(1), ATANH(1), ATAN(1), MIN(2), MAX(2), POW(2),
    /** Inverse of {@link #ATAN} only; not a function of the language. */
    TAN(1);

    private static final double LN2 = 0.6931471805599453;
    private final int arity;

    Func(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }

    /** The spelling in the language, e.g. {@code log1p}. */
    public String symbol() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function named {@code name} in the language, or {@code null} ({@code tan} is not one). */
    public static Func byName(String name) {
        for (Func f : values()) {
            if (f != TAN && f.symbol().equals(name)) return f;
        }
        return null;
    }

    /** Value of a unary function. */
    public double apply(double x) {
        return switch (this) {
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case EXPM1 -> Math.expm1(x);
            case SQRT -> Math.sqrt(x);
            case CBRT -> Math.cbrt(x);
            case ABS -> Math.abs(x);
            case SIGN -> Math.signum(x);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case TANH -> Math.tanh(x);
            case ASINH -> asinh(x);
            case ACOSH -> acosh(x);
            case ATANH -> atanh(x);
            case ATAN -> Math.atan(x);
            case TAN -> Math.tan(x);
            case MIN, MAX, POW -> throw new SymbolicException(symbol() + " takes 2 arguments");
        };
    }

    /** Value of a binary function. */
    public double apply(double x, double y) {
        return switch (this) {
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
            case POW -> Math.pow(x, y);
            default -> throw new SymbolicException(symbol() + " takes 1 argument");
        };
    }

    /**
     * f'(x) for a unary function, as an expression in {@code x}; {@code null} for the binary ones
     * (see {@link Differentiator}). {@code sign' = 0} (its jump at 0 is ignored), {@code |x|' = sign(x)}.
     */
    public Expr derivative(Expr x) {
        return switch (this) {
            case EXP -> call(EXP, x);
            case LOG -> pow(x, num(-1));
            case LOG1P -> pow(add(num(1), x), num(-1));
            case EXPM1 -> call(EXP, x);
            case SQRT -> mul(num(0.5), pow(x, num(-0.5)));
            case CBRT -> mul(num(1.0 / 3.0), pow(call(CBRT, x), num(-2)));
            case ABS -> call(SIGN, x);
            case SIGN -> num(0);
            case SINH -> call(COSH, x);
            case COSH -> call(SINH, x);
            case TANH -> pow(call(COSH, x), num(-2));
            case ASINH -> pow(add(pow(x, num(2)), num(1)), num(-0.5));
            case ACOSH -> pow(add(pow(x, num(2)), num(-1)), num(-0.5));
            case ATANH -> pow(add(num(1), neg(pow(x, num(2)))), num(-1));
            case ATAN -> pow(add(num(1), pow(x, num(2))), num(-1));
            case TAN -> add(num(1), pow(call(TAN, x), num(2)));
            case MIN, MAX, POW -> null;
        };
    }

    /**
     * The inverse of a unary function applied to {@code z}, on the branch where its argument lies in
     * {@code argRange} (which matters for {@code cosh}); {@code null} when there is none.
     */
    public Expr inverse(Expr z, RealInterval argRange) {
        return switch (this) {
            case EXP -> call(LOG, z);
            case LOG -> call(EXP, z);
            case LOG1P -> call(EXPM1, z);
            case EXPM1 -> call(LOG1P, z);
            case SINH -> call(ASINH, z);
            case ASINH -> call(SINH, z);
            case TANH -> call(ATANH, z);
            case ATANH -> call(TANH, z);
            case ATAN -> call(TAN, z);
            case TAN -> argRange.lower() >= -Math.PI / 2 && argRange.upper() <= Math.PI / 2 ? call(ATAN, z) : null;
            case ACOSH -> call(COSH, z);
            case SQRT -> pow(z, num(2));
            case CBRT -> pow(z, num(3));
            case COSH -> argRange.lower() >= 0 ? call(ACOSH, z) : argRange.upper() <= 0 ? neg(call(ACOSH, z)) : null;
            case ABS, SIGN, MIN, MAX, POW -> null;
        };
    }

    /** Where the function is defined (for a unary one). */
    public RealInterval domain() {
        return switch (this) {
            case LOG -> RealInterval.POSITIVE;
            case LOG1P -> new RealInterval(-1, false, Double.POSITIVE_INFINITY, false);
            case SQRT -> RealInterval.NON_NEGATIVE;
            case ACOSH -> new RealInterval(1, true, Double.POSITIVE_INFINITY, false);
            case ATANH -> RealInterval.open(-1, 1);
            default -> RealInterval.REALS;
        };
    }

    /** The set of values the function takes. */
    public RealInterval range() {
        return switch (this) {
            case EXP, ACOSH -> this == EXP ? RealInterval.POSITIVE : RealInterval.NON_NEGATIVE;
            case SQRT, ABS -> RealInterval.NON_NEGATIVE;
            case EXPM1 -> new RealInterval(-1, false, Double.POSITIVE_INFINITY, false);
            case SIGN -> RealInterval.closed(-1, 1);
            case COSH -> new RealInterval(1, true, Double.POSITIVE_INFINITY, false);
            case TANH -> RealInterval.open(-1, 1);
            case ATAN -> RealInterval.open(-Math.PI / 2, Math.PI / 2);
            default -> RealInterval.REALS;
        };
    }

    /** Whether the unary function is non-decreasing on its domain (for interval arithmetic). */
    public boolean isMonotoneIncreasing() {
        return switch (this) {
            case EXP, LOG, LOG1P, EXPM1, SQRT, CBRT, SIGN, SINH, TANH, ASINH, ACOSH, ATANH, ATAN -> true;
            default -> false;
        };
    }

    /** What the function needs of its argument, e.g. {@code "> 0"}; {@code null} when it takes any real. */
    public String domainRequirement() {
        return switch (this) {
            case LOG -> "> 0";
            case LOG1P -> "> -1";
            case SQRT -> ">= 0";
            case ACOSH -> ">= 1";
            case ATANH -> "strictly between -1 and 1";
            default -> null;
        };
    }

    /** asinh, accurate near 0 and without overflow for large |x|. */
    public static double asinh(double x) {
        double a = Math.abs(x);
        double r;
        if (a > 0x1p28) {
            r = Math.log(a) + LN2;
        } else if (a < 0x1p-28) {
            return x;
        } else {
            r = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        }
        return Math.copySign(r, x);
    }

    /** acosh for x ≥ 1 (NaN below), accurate near 1. */
    public static double acosh(double x) {
        if (!(x >= 1)) return Double.NaN;
        if (x > 0x1p28) return Math.log(x) + LN2;
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** atanh on (−1, 1) (±∞ at ±1, NaN outside), accurate near 0. */
    public static double atanh(double x) {
        double a = Math.abs(x);
        if (a > 1) return Double.NaN;
        if (a < 0x1p-28) return x;
        return Math.copySign(0.5 * Math.log1p(2 * a / (1 - a)), x);
    }
}
