package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import org.bregman.symbolic.CheckFinding.Kind;
import org.bregman.symbolic.CheckFinding.Severity;

/**
 * Strict convexity of Ψ(w) = F(S), S = Σ_j g(w_j), g strictly convex (checked before). ∇²Ψ = F'(S)·D + F''(S)·uuᵀ
 * with D = diag(g''(w_j)), u = g'(w): positive definite iff F' &gt; 0 and 1 + (F''/F')·Σ_j g'²/g'' &gt; 0.
 * <ul>
 * <li><b>proved exactly</b> for g = k|w|^r (r &gt; 1, k &gt; 0) and F = c·S^α with cα &gt; 0: along a ray Ψ(t·w) =
 * c·(t^r·S)^α, and by Euler's identity Σ g'²/g'' = r/(r − 1)·S, so the condition is α·r &gt; 1 (½‖w‖_q²: α·r = 2);
 * α·r ≤ 1 is refuted (‖w‖_q alone is linear along rays);
 * <li><b>proved by rigorous enclosures</b> ({@link Ranges}, outward rounding) when F' &gt; 0 and F'' ≥ 0 on the range
 * of S (a convex increasing F of a strictly convex sum), or, for a homogeneous g, when
 * sup(−S·F''/F') · r/(r − 1) &lt; 1;
 * <li>otherwise a warning: could not prove.
 * </ul>
 */
final class CompositeChecks {

    private CompositeChecks() {
    }

    /** F' &gt; 0 on the range of S, by a rigorous enclosure. */
    static boolean outerIncreasing(CompositeDerivation d) {
        RealInterval r = range(d.outer().grad(), d);
        return r != null && (r.lower() > 0 || r.lower() == 0 && !r.lowerClosed());
    }

    /** F' ≥ 0 on the range of S and somewhere positive, by a rigorous enclosure (F'(0) = 0 for ½‖w‖_q², q &lt; 2). */
    static boolean outerNonDecreasing(CompositeDerivation d) {
        RealInterval r = range(d.outer().grad(), d);
        return r != null && r.lower() >= 0 && r.upper() > 0;
    }

    private static RealInterval range(Expr e, CompositeDerivation d) {
        try {
            return Ranges.range(e, d.outer().assumptions());
        } catch (SymbolicException | ArithmeticException ex) {
            return null;
        }
    }

    static CheckFinding convexity(CompositeDerivation d) {
        Expr psi = d.spec().psi();
        String name = "Ψ(" + d.spec().coordinate() + ") = F(S) with F(S) = " + Printer.print(d.outer().psi());
        CompositeDerivation.Power h = d.homogeneous(), f = d.outerPower();
        if (h != null && f != null) {
            double slope = f.coefficient() * f.exponent(), degree = h.exponent() * f.exponent();
            if (!(slope > 0)) {
                return new CheckFinding(Severity.ERROR, Kind.CONVEXITY, psi, name + " is not increasing in S (F'(S) = "
                        + Printer.number(slope) + "·S^" + Printer.number(f.exponent() - 1) + " ≤ 0): Ψ is not convex");
            }
            if (!(degree > 1 + 1e-12)) {
                return new CheckFinding(Severity.ERROR, Kind.CONVEXITY, psi, name + " grows like t^" + Printer.number(degree)
                        + " along every ray t·w (degree r·α = " + Printer.number(h.exponent()) + " · " + Printer.number(f.exponent())
                        + " ≤ 1): not strictly convex; e.g. square the norm: 0.5 * norm(w, p)^2");
            }
            return null;
        }
        if (!outerIncreasing(d)) {
            return new CheckFinding(Severity.WARNING, Kind.CONVEXITY, psi, "could not prove that " + name
                    + " is increasing in S on " + d.sums() + " (needed for strict convexity)");
        }
        RealInterval f2 = range(d.outer().hessian(), d);
        if (f2 != null && f2.lower() >= 0) return null;
        if (h != null) {
            String s = d.sumVariable();
            Expr sigma = Simplifier.simplify(neg(div(mul(var(s), d.outer().hessian()), d.outer().grad())), d.outer().assumptions());
            RealInterval r = range(sigma, d);
            double p = h.exponent() / (h.exponent() - 1);
            if (r != null && r.upper() * p < 1) return null;
        }
        return new CheckFinding(Severity.WARNING, Kind.CONVEXITY, psi, "could not prove strict convexity of " + name
                + ": F'' may be negative on " + d.sums() + " and g is not of the form k·|w|^r");
    }
}
