package org.bregman.symbolic;

import java.util.List;

/**
 * Everything the project knows about one built-in function (as SymPy's function classes): its name and
 * arity, value, derivative, inverse, domain, range and monotonicity (for {@link Ranges} and
 * {@link Inverter}), its own simplification identities, and how generated code computes it (scalar Java,
 * float code, Vector API lanes). Subclasses are registered in {@link Func}; nothing else lists functions.
 *
 * <p>The emission methods return Java source text for the code generator (which depends on this module);
 * the text may name {@link Math} and runtime classes ({@code org.bregman.runtime.SpecialFunctions}) only.
 */
public abstract class FunctionDefinition {

    private final String name;
    private final int arity;

    protected FunctionDefinition(String name, int arity) {
        this.name = name;
        this.arity = arity;
    }

    /** The spelling in the language, e.g. {@code log1p}. */
    public final String name() {
        return name;
    }

    public final int arity() {
        return arity;
    }

    /** Whether users may write it (false for a function that only appears as an inverse, e.g. {@code tan}). */
    public boolean inLanguage() {
        return true;
    }

    /** Value of a unary function. */
    public double value(double x) {
        throw new SymbolicException(name + " takes " + arity + " arguments");
    }

    /** Value of a binary function. */
    public double value(double x, double y) {
        throw new SymbolicException(name + " takes " + arity + " argument");
    }

    /** f'(x) for a unary function, as an expression in {@code x}; {@code null} for binary ones (see {@link Differentiator}). */
    public Expr derivative(Expr x) {
        return null;
    }

    /**
     * f⁻¹(z) on the branch where the argument lies in {@code argRange}; {@code null} when there is none. By
     * default the {@link #rightInverse()} of an {@link #increasing()} function (injective, so g is its inverse).
     */
    public Expr inverse(Expr z, RealInterval argRange) {
        return increasing() && rightInverse() != null ? Exprs.call(rightInverse(), z) : null;
    }

    /** Where the function is defined (for a unary one). */
    public RealInterval domain() {
        return RealInterval.REALS;
    }

    /** What the function needs of its argument, e.g. {@code "> 0"}; {@code null} when it takes any real. */
    public String domainRequirement() {
        return null;
    }

    /** The set of values the function takes. */
    public RealInterval range() {
        return RealInterval.REALS;
    }

    /** Whether the unary function is non-decreasing on its domain. */
    public boolean increasing() {
        return false;
    }

    /** A bound on the error of {@link #value(double)} in ulps, by which rigorous ranges widen (default 2: {@link Math} is within 1). */
    public int errorUlps() {
        return 2;
    }

    /** A rigorous enclosure of f over {@code d} (inside the domain); by default from monotonicity. */
    public RealInterval image(RealInterval d) {
        return increasing() ? Ranges.increasing(d, this::value, errorUlps()) : RealInterval.REALS;
    }

    /** The function g with f(g(x)) = x wherever g is defined (the simplifier's inverse pair), or {@code null}. */
    public Func rightInverse() {
        return null;
    }

    /**
     * Its composition identity with its {@link #rightInverse()} g under a shift: f(g(u) + b) in terms of u and
     * functions of b alone ({@code exp(log u + b) = u·exp(b)}), unsimplified; {@code null} when it has none. An
     * identity wherever g(u) is defined. {@link StepFusion} fuses a mirror step ψ'⁻¹(ψ'(w) − c) with it.
     */
    public Expr shiftedInverse(Expr u, Expr b) {
        return null;
    }

    /**
     * This function's own identities for f(u) (u simplified; the inverse pair is applied before), or
     * {@code null} when none applies. Side conditions must be checked with {@code s}'s rigorous ranges.
     */
    public Expr simplify(Expr u, Simplification s) {
        return null;
    }

    // ---- generated code ------------------------------------------------------------------------------

    /** The Java expression in double arithmetic over the argument expressions. */
    public String java(List<String> args) {
        return "Math." + name + "(" + String.join(", ", args) + ")";
    }

    /** {@link #java} for a function of {@code org.bregman.runtime.SpecialFunctions} (the method of this name). */
    protected final String specialFunctionCall(List<String> args) {
        return "org.bregman.runtime.SpecialFunctions." + name + "(" + String.join(", ", args) + ")";
    }

    /**
     * Whether the float operation is exactly IEEE float arithmetic (float code then applies it to floats,
     * as {@link #javaFloat}); otherwise it is evaluated in double and rounded to float.
     */
    public boolean exactInFloat() {
        return false;
    }

    /** The float expression when {@link #exactInFloat()}. */
    public String javaFloat(List<String> args) {
        return java(args);
    }

    /** The Vector API float-lane expression when {@link #exactInFloat()} (e.g. {@code a.abs()}). */
    public String floatLanes(List<String> args) {
        throw new IllegalStateException(name + " has no exact float-lane form");
    }

    /** The {@code VectorOperators} constant for this function, or {@code null} when the Vector API lacks it. */
    public String vectorOperator() {
        return null;
    }

    /**
     * The source of {@code static DoubleVector <name>D(DoubleVector x)} computing what {@link #java} does on
     * double lanes, or {@code null}: then generated vector code calls {@link #java} lane by lane.
     */
    public String doubleLanes() {
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
