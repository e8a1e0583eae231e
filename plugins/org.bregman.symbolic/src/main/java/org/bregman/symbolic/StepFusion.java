package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mirror step {@code ψ'⁻¹(ψ'(w) − c)} as one expression in w and the shift c, with the composition
 * identities of the functions it composes applied ({@link FunctionDefinition#shiftedInverse}): the negative
 * entropy's {@code exp(log w − c)} becomes {@code w·exp(−c)}, the hyperbolic entropy's
 * {@code β·sinh(asinh(w/β) − c)} becomes {@code w·cosh(c) − sqrt(w² + β²)·sinh(c)}. Every rewrite is an
 * identity on the domain, found from the structure of ψ (never from its name), so a user's own potential of
 * the same shape is fused too.
 */
public final class StepFusion {

    /** The shift variable c = lr·g of the fused step (not a name a user can write). */
    public static final String SHIFT = "\u0000c";

    private StepFusion() {
    }

    /**
     * The fused step of a derivation with a closed-form inverse, or {@code null} when no composition identity
     * applies or the fused form calls more transcendental functions than ψ' and ψ'⁻¹ together (the hyperbolic
     * entropy's sinh, asinh become cosh c, sinh c: as many, but none of them of w, and one exp gives both).
     */
    public static Expr fused(Derivation d) {
        if (!d.inverse().isClosedForm()) return null;
        return fused(d.grad(), d.inverse().expr(), d.dualVariable(), d.assumptions());
    }

    /**
     * The fused step {@code inverse(grad(w) − c)} of a step whose two ends may differ — a time-varying potential's
     * ψ'(·; t_k) and (ψ'(·; t_{k+1}))⁻¹, e.g. {@code β₁·sinh(asinh(w/β₀) − c) = (β₁/β₀)·(w·cosh c − sqrt(w² + β₀²)·sinh c)}
     * — or {@code null} as {@link #fused(Derivation)}.
     */
    public static Expr fused(Expr grad, Expr inverse, String dualVariable, Assumptions assumptions) {
        Expr z = sub(grad, var(SHIFT));
        Expr composed = Simplifier.simplify(Simplifier.substitute(inverse, Map.of(dualVariable, z)), assumptions);
        Expr fused = Simplifier.simplify(compose(composed), assumptions);
        if (fused.equals(composed)) return null;
        return transcendentals(fused) <= transcendentals(grad) + transcendentals(inverse) ? fused : null;
    }

    /**
     * Whether the fused step, evaluated in double on float inputs, needs no overflow-safe scaling: every
     * subexpression free of the shift stays finite (a rigorous enclosure) for every float coordinate of the
     * domain. {@code sqrt(w² + β²)} does (w² ≤ 1.2e77) unless β is beyond 1e154.
     */
    public static boolean finiteOnFloats(Expr fused, Derivation d) {
        return finiteOnFloats(fused, d, d.assumptions());
    }

    /** {@link #finiteOnFloats(Expr, Derivation)} under these assumptions (e.g. with a second time variable's range). */
    public static boolean finiteOnFloats(Expr fused, Derivation d, Assumptions assumptions) {
        RealInterval floats = RealInterval.closed(-Float.MAX_VALUE, Float.MAX_VALUE).intersect(d.domain());
        return finite(fused, assumptions.with(d.coordinate(), floats));
    }

    private static boolean finite(Expr e, Assumptions a) {
        if (!e.variables().contains(SHIFT)) {
            RealInterval r = Ranges.range(e, a);
            return r.lower() > Double.NEGATIVE_INFINITY && r.upper() < Double.POSITIVE_INFINITY;
        }
        return e.children().stream().allMatch(c -> finite(c, a));
    }

    /** Applies f(g(u) + b) = {@link FunctionDefinition#shiftedInverse} wherever an argument sum holds f's right inverse g. */
    static Expr compose(Expr e) {
        if (e instanceof Expr.Call c && c.f().arity() == 1 && c.arg() instanceof Expr.Add sum) {
            Func g = c.f().definition().rightInverse();
            List<Expr> terms = sum.terms();
            for (int i = 0; i < terms.size(); i++) {
                if (terms.get(i) instanceof Expr.Call inner && inner.f() == g && g != null) {
                    List<Expr> rest = new ArrayList<>(terms);
                    rest.remove(i);
                    Expr b = rest.size() == 1 ? compose(rest.get(0)) : compose(add(rest));
                    Expr r = c.f().definition().shiftedInverse(compose(inner.arg()), b);
                    if (r != null) return r;
                }
            }
        }
        return switch (e) {
            case Expr.Add a -> add(a.terms().stream().map(StepFusion::compose).toList());
            case Expr.Mul m -> mul(m.factors().stream().map(StepFusion::compose).toList());
            case Expr.Pow p -> pow(compose(p.base()), compose(p.exp()));
            case Expr.Call c -> call(c.f(), c.args().stream().map(StepFusion::compose).toList());
            default -> e;
        };
    }

    /** The number of calls of functions that float code evaluates in double (exp, log, sinh, …). */
    static int transcendentals(Expr e) {
        int n = e instanceof Expr.Call c && !c.f().definition().exactInFloat() ? 1 : 0;
        for (Expr child : e.children()) n += transcendentals(child);
        return n;
    }
}
