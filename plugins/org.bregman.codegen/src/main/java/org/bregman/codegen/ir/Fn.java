package org.bregman.codegen.ir;

import java.util.EnumMap;
import java.util.Map;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.FunctionDefinition;

/**
 * A function of the lowered tree: one of the language's functions ({@link #of(Func)}, an explicit
 * bridge: every {@link Func} has its {@code Fn}, so a new function needs nothing here) or
 * {@link #COPYSIGN}, which only generated code uses (introduced by the specialiser for
 * {@code sign(x)·|x|^k}). How a function is computed and printed is its {@link FunctionDefinition}'s.
 */
public final class Fn {

    private static final Map<Func, Fn> OF = new EnumMap<>(Func.class);

    static {
        for (Func f : Func.values()) OF.put(f, new Fn(f));
    }

    /** {@code Math.copySign(magnitude, sign)}: exact in float. */
    public static final Fn COPYSIGN = new Fn(null);
    public static final Fn POW = of(Func.POW);
    public static final Fn SQRT = of(Func.SQRT);
    public static final Fn CBRT = of(Func.CBRT);
    public static final Fn ABS = of(Func.ABS);

    private final Func func;

    private Fn(Func func) {
        this.func = func;
    }

    /** The lowered tree's function for a symbolic one (one instance each: compare with {@code ==}). */
    public static Fn of(Func f) {
        return OF.get(f);
    }

    /** The language function, or {@code null} for {@link #COPYSIGN}. */
    public Func func() {
        return func;
    }

    public int arity() {
        return func == null ? 2 : func.arity();
    }

    /**
     * Whether the float version is exactly the IEEE float operation (so float code applies it to floats
     * directly); the others are evaluated in double and rounded to float.
     */
    public boolean exactInFloat() {
        return func == null || func.definition().exactInFloat();
    }

    /** Double value of a unary function: the symbolic engine's, which generated code computes too. */
    public double apply(double x) {
        if (func == null) throw new IllegalStateException("copySign is binary");
        return func.apply(x);
    }

    public double apply(double x, double y) {
        return func == null ? Math.copySign(x, y) : func.apply(x, y);
    }

    /** Float value: the exact float operations equal the double ones rounded, so one formula serves. */
    public float apply(float x) {
        return (float) apply((double) x);
    }

    public float apply(float x, float y) {
        return (float) apply((double) x, (double) y);
    }

    @Override
    public String toString() {
        return func == null ? "copySign" : func.symbol();
    }
}
