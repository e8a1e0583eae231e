package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/**
 * The derivation of a non-separable potential Ψ(w) = F(S), S = Σ_j g(w_j) ({@link PotentialSpec#reduction()}):
 * two one-variable derivations, {@link #inner()} (ψ = g over the coordinate's domain) and {@link #outer()}
 * (ψ = F over the range of S), combined as
 * <ul>
 * <li>∇Ψ(w)_j = F'(S)·g'(w_j); ∇²Ψ = F'(S)·diag(g''(w_j)) + F''(S)·g'g'ᵀ;
 * <li>D_Ψ(w, v) = F(S_w) − F(S_v) − F'(S_v)·Σ_j g'(v_j)(w_j − v_j);
 * <li>the inverse: one scalar equation in the new sum (see {@code runtime.CompositeMirrorMap}); closed form when
 * g = k|w|^r and F = c·S^α.
 * </ul>
 * Strict convexity ({@link CompositeChecks}) is proved for g = k|w|^r and F = c·S^α exactly (α·r &gt; 1),
 * otherwise from F' &gt; 0, F'' ≥ 0 and g strictly convex by rigorous enclosures, else a warning.
 *
 * @param inner g as a one-variable derivation (its ψ is g)
 * @param outer F as a one-variable derivation over {@code sumVariable} (its ψ is F; its convexity is not required)
 * @param sumVariable the name of S inside ψ
 * @param grad F'(S)·g'(w), an expression in the coordinate and S
 * @param hessianDiagonal F'(S)·g''(w_j): the diagonal of ∇²Ψ
 * @param hessianRankOne F''(S): the factor of the rank-one part g'g'ᵀ of ∇²Ψ
 * @param homogeneous g = k|w|^r with r &gt; 1 (k, r), or null
 * @param outerPower F = c·S^α (c, α), or null
 */
public record CompositeDerivation(PotentialSpec spec, Derivation inner, Derivation outer, String sumVariable, Expr grad,
        Expr hessianDiagonal, Expr hessianRankOne, Power homogeneous, Power outerPower) {

    /** c·base^e: coefficient and exponent (numbers at the derivation's values), or null. */
    public record Power(double coefficient, double exponent, Expr exponentExpr) {
    }

    /** @param arguments the parameter values, complete; {@code null}: parameters stay symbolic */
    private static CompositeDerivation of(PotentialSpec spec, Map<String, Double> arguments) {
        if (!spec.isComposite()) throw new IllegalArgumentException(spec.name() + " is separable");
        String s = spec.reduction().variable();
        PotentialSpec g = new PotentialSpec(spec.name(), spec.parameters(), spec.coordinate(), spec.domain(), spec.reduction().inner(),
                null, null);
        Derivation gd = arguments == null ? Derivation.derive(g) : Derivation.derive(g, arguments);
        PotentialSpec f = new PotentialSpec(spec.name(), spec.parameters(), s, sums(gd), spec.psi(), null, null);
        Derivation outer = arguments == null ? Derivation.derive(f) : Derivation.derive(f, arguments);
        Map<String, Double> values = gd.parameterValues();
        Expr w = var(spec.coordinate());
        Assumptions both = gd.assumptions().with(s, outer.domain());
        Power h = power(gd.psi(), call(Func.ABS, w), values);
        if (h == null && (spec.domain().lower() >= 0)) h = power(gd.psi(), w, values);
        if (h == null) {
            Power even = power(gd.psi(), w, values);
            if (even != null && even.exponent() % 2 == 0) h = even; // w^2, w^4: |w|^2, |w|^4
        }
        return new CompositeDerivation(spec, gd, outer, s,
                Simplifier.simplify(mul(outer.grad(), gd.grad()), both),
                Simplifier.simplify(mul(outer.grad(), gd.hessian()), both),
                outer.hessian(),
                h != null && h.exponent() > 1 && h.coefficient() > 0 ? h : null,
                power(outer.psi(), var(s), values));
    }

    /** Where S = Σ_j g(w_j) lies for every number of coordinates: from the range of g. */
    private static RealInterval sums(Derivation g) {
        RealInterval r = Ranges.range(g.psi(), g.assumptions());
        if (r == null || !(Math.abs(r.lower()) < Double.POSITIVE_INFINITY || Math.abs(r.upper()) < Double.POSITIVE_INFINITY)) {
            return RealInterval.REALS;
        }
        if (r.lower() >= 0 && r.lower() < Double.POSITIVE_INFINITY) {
            return new RealInterval(r.lower(), r.lowerClosed(), Double.POSITIVE_INFINITY, false);
        }
        if (r.upper() <= 0 && r.upper() > Double.NEGATIVE_INFINITY) {
            return new RealInterval(Double.NEGATIVE_INFINITY, false, r.upper(), r.upperClosed());
        }
        return RealInterval.REALS;
    }

    /** {@code e} as c·base^α with c and α free of variables other than parameters; null otherwise. */
    static Power power(Expr e, Expr base, Map<String, Double> values) {
        if (e.equals(base)) return new Power(1, 1, num(1));
        if (e instanceof Pow p && p.base().equals(base) && constant(p.exp(), base)) {
            return new Power(1, p.exp().eval(values), p.exp());
        }
        if (e instanceof Mul m) {
            Power found = null;
            double c = 1;
            for (Expr f : m.factors()) {
                if (constant(f, base)) {
                    c *= f.eval(values);
                } else {
                    if (found != null) return null;
                    found = power(f, base, values);
                    if (found == null) return null;
                }
            }
            return found == null ? null : new Power(c * found.coefficient(), found.exponent(), found.exponentExpr());
        }
        return null;
    }

    private static boolean constant(Expr e, Expr base) {
        for (String v : base.variables()) if (e.contains(v)) return false;
        return true;
    }

    // ---- construction -------------------------------------------------------------------------------

    /** Parameters symbolic (numeric answers at the defaults). */
    public static CompositeDerivation derive(PotentialSpec spec) {
        return of(spec, null);
    }

    /** Parameters substituted (missing ones default); a value violating its where is a {@link SymbolicException}. */
    public static CompositeDerivation derive(PotentialSpec spec, Map<String, Double> arguments) {
        return of(spec, spec.arguments(arguments));
    }

    public CompositeDerivation bind(Map<String, Double> arguments) {
        return derive(spec, arguments);
    }

    // ---- results ----------------------------------------------------------------------------------------

    /** Whether the inverse is a closed form (g = k|w|^r with a closed-form (g')⁻¹, F = c·S^α). */
    public boolean inverseIsClosedForm() {
        return homogeneous != null && outerPower != null && inner.inverse().isClosedForm();
    }

    public Map<String, Double> parameterValues() { return inner.parameterValues(); }

    public boolean isBound() { return inner.isBound(); }

    public RealInterval domain() { return spec.domain(); }

    /** Where S lies: the domain of F. */
    public RealInterval sums() { return outer.domain(); }

    /**
     * The dual domain per coordinate, {F'(S)·y : y in the range of g'}: all reals when g' takes every real and
     * F' ≥ 0 is positive somewhere; the range of g' scaled by positive numbers when that is a half-line from 0; otherwise null.
     */
    public RealInterval dualDomain() {
        RealInterval y = inner.dualDomain();
        if (y == null || !CompositeChecks.outerNonDecreasing(this)) return null;
        if (y.isAllReals()) return y;
        if (y.lower() == 0 && y.upper() == Double.POSITIVE_INFINITY) return new RealInterval(0, y.lowerClosed(), y.upper(), false);
        if (y.upper() == 0 && y.lower() == Double.NEGATIVE_INFINITY) return new RealInterval(y.lower(), false, 0, y.upperClosed());
        if (y.lower() < 0 && y.upper() > 0) return RealInterval.REALS;
        return null;
    }

    /** The checks: g's and F's operation domains, g's strict convexity, then Ψ's ({@link CompositeChecks}). */
    public List<CheckFinding> check() {
        List<CheckFinding> out = new ArrayList<>(inner.checkDomains());
        out.addAll(outer.checkDomains());
        if (out.stream().anyMatch(CheckFinding::isError)) return out;
        CheckFinding g = inner.checkConvexity();
        if (g != null) {
            out.add(new CheckFinding(g.severity(), g.kind(), g.node(), "inside the reduction, g(" + spec.coordinate() + ") = "
                    + Printer.print(inner.psi()) + " must be strictly convex: " + g.message()));
            if (g.isError()) return out;
        }
        CheckFinding c = CompositeChecks.convexity(this);
        if (c != null) out.add(c);
        return out;
    }

    /**
     * The formulas as derive and the hover print them, in the coordinate w, its second point v and the dual z:
     * psi, grad, hessian, inverse, bregman (keys as for a separable potential), with S = Σ_j g(w_j).
     */
    public Map<String, String> formulas() {
        String w = spec.coordinate(), z = inner.dualVariable(), v = inner.secondVariable();
        String sum = "S = Σ_j " + Printer.print(Simplifier.substitute(inner.psi(), Map.of(w, var(w + "_j"))));
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sum", sum);
        m.put("psi", "F(S) = " + Printer.print(outer.psi()));
        m.put("grad", Printer.print(grad) + "    [= F'(S)·g'(" + w + "_j), F'(S) = " + Printer.print(outer.grad()) + ", g'(" + w + ") = "
                + Printer.print(inner.grad()) + "]");
        m.put("hessian", Printer.print(hessianDiagonal) + " on the diagonal + (" + Printer.print(hessianRankOne) + ")·g'(" + w
                + "_j)·g'(" + w + "_k)");
        m.put("inverse", inverseText(w, z));
        m.put("bregman", "F(S_" + w + ") - F(S_" + v + ") - F'(S_" + v + ")·Σ_j g'(" + v + "_j)·(" + w + "_j - " + v + "_j)");
        return m;
    }

    /** A derived number as shown: 12 significant digits (1 + 4e-16 from pow's rounding reads 1). */
    private static String shown(double x) {
        return Printer.number(new java.math.BigDecimal(x).round(new java.math.MathContext(12)).doubleValue());
    }

    private String inverseText(String w, String z) {
        String coordinate = w + "_j = (g')⁻¹(" + z + "_j / F'(S')) with (g')⁻¹(" + z + ") = "
                + (inner.inverse().isClosedForm() ? Printer.print(inner.inverse().expr()) : "Newton–bisection on g'");
        if (homogeneous == null) {
            return coordinate + " and S' = Σ_j g((g')⁻¹(" + z + "_j / F'(S'))), one scalar equation solved by bisection";
        }
        double r = homogeneous.exponent(), k = homogeneous.coefficient(), p = r / (r - 1), big = k * Math.pow(k * r, -p);
        String t = "Σ_j |" + z + "_j|^" + shown(p);
        String eq = "S'·F'(S')^" + shown(p) + " = " + shown(big) + "·" + t + " (g = " + Printer.number(k) + "·|" + w
                + "|^r, r = " + Printer.print(homogeneous.exponentExpr()) + ", p = r/(r - 1))";
        if (outerPower == null) return coordinate + " and S' from " + eq + ", solved by Newton–bisection";
        double c = outerPower.coefficient(), a = outerPower.exponent(), e = 1 / (1 + (a - 1) * p);
        return coordinate + " and S' = " + shown(Math.pow(big / Math.pow(c * a, p), e)) + "·(" + t + ")^" + shown(e)
                + ", the root of " + eq + " for F = " + Printer.number(c) + "·S^α, α = " + Printer.print(outerPower.exponentExpr());
    }
}
