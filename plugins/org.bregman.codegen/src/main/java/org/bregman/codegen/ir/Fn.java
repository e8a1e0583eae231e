package org.bregman.codegen.ir;

/**
 * Functions of the lowered tree: the language's functions plus {@code TAN} (inverse of atan) and
 * {@code COPYSIGN} (introduced by the specialiser for {@code sign(x)·|x|^k}).
 */
public enum Fn {
    EXP(1), LOG(1), LOG1P(1), EXPM1(1), SQRT(1), CBRT(1), ABS(1), SIGN(1), SINH(1), COSH(1), TANH(1),
    ASINH(1), ACOSH(1), ATANH(1), ATAN(1), TAN(1), MIN(2), MAX(2), POW(2), COPYSIGN(2);

    private final int arity;

    Fn(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }

    /**
     * Whether the float version is exactly the IEEE float operation (so float code can apply it to
     * floats directly); the others are evaluated in double and rounded to float.
     */
    public boolean exactInFloat() {
        return switch (this) {
            case ABS, SQRT, SIGN, MIN, MAX, COPYSIGN -> true;
            default -> false;
        };
    }

    /** Double value of a unary function: the same formulas the generated helpers use. */
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
            case ASINH -> Helpers.asinh(x);
            case ACOSH -> Helpers.acosh(x);
            case ATANH -> Helpers.atanh(x);
            case ATAN -> Math.atan(x);
            case TAN -> Math.tan(x);
            default -> throw new IllegalStateException(this + " is binary");
        };
    }

    public double apply(double x, double y) {
        return switch (this) {
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
            case POW -> Math.pow(x, y);
            case COPYSIGN -> Math.copySign(x, y);
            default -> throw new IllegalStateException(this + " is unary");
        };
    }

    public float apply(float x) {
        return switch (this) {
            case ABS -> Math.abs(x);
            case SQRT -> (float) Math.sqrt(x);
            case SIGN -> Math.signum(x);
            default -> (float) apply((double) x);
        };
    }

    public float apply(float x, float y) {
        return switch (this) {
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
            case COPYSIGN -> Math.copySign(x, y);
            default -> (float) apply((double) x, (double) y);
        };
    }
}
