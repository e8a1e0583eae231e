package org.bregman.symbolic;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.bregman.symbolic.RandomPotentials.Case;

/**
 * The derivation of 2,000 random potentials (a fixed seed, printed by jqwik with every run; a failure is
 * shrunk to a minimal ψ and printed as a {@code .potential} source) against independent references in
 * 40 digits ({@link HighPrecision}), at points of the domain chosen from the potential:
 * <ul>
 * <li>simplification keeps ψ's value;
 * <li>ψ' and ψ'' agree with central differences of ψ and of ψ' (step 1e-12, where the step and twice it
 * agree, i.e. away from kinks);
 * <li>a closed-form inverse undoes ψ';
 * <li>when strict convexity is proved, ψ'' ≥ 0 at every point and D_ψ ≥ 0 on every pair; when it is
 * refuted at a point, ψ'' &lt; 0 there in 32 digits.
 * </ul>
 */
class DerivationPropertiesTest {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Provide
    Arbitrary<Case> potentials() {
        return RandomPotentials.potentials();
    }

    private static BigDecimal at(Expr e, BigDecimal x) {
        return HighPrecision.eval(e, Map.of("w", x));
    }

    private static BigDecimal at(Expr e, String v1, BigDecimal x, String v2, BigDecimal y) {
        return HighPrecision.eval(e, Map.of(v1, x, v2, y));
    }

    /** Central difference of f at x with step h, or null. */
    private static BigDecimal central(Expr f, BigDecimal x, BigDecimal h) {
        BigDecimal a = at(f, x.add(h)), b = at(f, x.subtract(h));
        if (a == null || b == null) return null;
        return a.subtract(b, HighPrecision.MC).divide(h.multiply(TWO), HighPrecision.MC);
    }

    private static boolean close(BigDecimal a, BigDecimal b, double rel) {
        BigDecimal scale = BigDecimal.ONE.add(a.abs()).add(b.abs());
        return a.subtract(b).abs().compareTo(scale.multiply(BigDecimal.valueOf(rel))) <= 0;
    }

    /** The derivative of f at x from central differences, when steps h and 2h agree (no kink within 2h). */
    private static BigDecimal smoothDerivative(Expr f, BigDecimal x) {
        BigDecimal h = BigDecimal.valueOf(1e-12).multiply(BigDecimal.ONE.max(x.abs()));
        BigDecimal d1 = central(f, x, h), d2 = central(f, x, h.multiply(TWO));
        if (d1 == null || d2 == null || !close(d1, d2, 1e-14)) return null;
        return d1;
    }

    private static List<BigDecimal> points(Case c) {
        SplittableRandom rnd = c.pointStream();
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) out.add(HighPrecision.of(Double.parseDouble(String.format("%.6g", c.samplePoint(rnd, 1.3)))));
        return out;
    }

    @Property(tries = 2000, seed = "20261126")
    void derivationsAgreeWithHighPrecision(@ForAll("potentials") Case c) {
        Optional<Derivation> derived = c.derivation();
        if (derived.isEmpty()) {
            Statistics.label("derivation").collect("refused");
            return;
        }
        Derivation d = derived.get();
        ConvexityProof.Verdict verdict = ConvexityProof.decide(d);
        Statistics.label("derivation").collect(d.inverse().isClosedForm() ? "closed-form inverse" : "numeric inverse");
        Statistics.label("convexity").collect(verdict.getClass().getSimpleName());
        List<BigDecimal> xs = points(c);
        for (BigDecimal x : xs) {
            BigDecimal psi = at(c.psi(), x);
            if (psi == null) continue;
            BigDecimal simplified = at(d.psi(), x);
            assertNotNull(simplified, () -> "simplified ψ undefined at " + x + ": " + Printer.print(d.psi()));
            assertTrue(close(psi, simplified, 1e-22), () -> "simplification changed ψ at w = " + x + ": " + psi + " vs " + simplified
                    + " (ψ = " + Printer.print(d.psi()) + ")");
            BigDecimal grad = at(d.grad(), x), hess = at(d.hessian(), x);
            BigDecimal fd = smoothDerivative(c.psi(), x);
            if (fd != null && grad != null) {
                assertTrue(close(grad, fd, 1e-12), () -> "ψ' = " + Printer.print(d.grad()) + " at w = " + x + ": " + grad
                        + ", central difference of ψ " + fd);
            }
            BigDecimal fd2 = smoothDerivative(d.grad(), x);
            if (fd2 != null && hess != null) {
                assertTrue(close(hess, fd2, 1e-10), () -> "ψ'' = " + Printer.print(d.hessian()) + " at w = " + x + ": " + hess
                        + ", central difference of ψ' " + fd2);
            }
            if (d.inverse().isClosedForm() && grad != null) {
                BigDecimal back = HighPrecision.eval(d.inverse().expr(), Map.of(d.dualVariable(), grad));
                if (back != null && hess != null && hess.signum() > 0) {
                    // the reference's own error: 32 digits of z, amplified by 1/ψ''(x) (atanh next to ±1)
                    BigDecimal allowed = BigDecimal.valueOf(1e-12).multiply(BigDecimal.ONE.add(x.abs()))
                            .add(BigDecimal.valueOf(1e-28).multiply(BigDecimal.ONE.add(grad.abs())).divide(hess, HighPrecision.MC));
                    assertTrue(back.subtract(x).abs().compareTo(allowed) <= 0, () -> "inverse(ψ'(" + x + ")) = " + back + " (inverse = "
                            + Printer.print(d.inverse().expr()) + ")");
                }
            }
            if (verdict instanceof ConvexityProof.Proved && hess != null) {
                assertTrue(hess.signum() >= 0, () -> "proved strictly convex, but ψ''(" + x + ") = " + hess);
                for (BigDecimal y : xs) {
                    BigDecimal dpsi = at(d.bregman(), d.coordinate(), x, d.secondVariable(), y);
                    if (dpsi == null) continue;
                    BigDecimal tol = BigDecimal.valueOf(1e-22).multiply(BigDecimal.ONE.add(psi.abs()).add(x.subtract(y).abs().multiply(
                            grad == null ? BigDecimal.ONE : grad.abs().add(BigDecimal.ONE))));
                    assertTrue(dpsi.compareTo(tol.negate()) >= 0, () -> "proved strictly convex, but D(" + x + ", " + y + ") = " + dpsi);
                }
            }
        }
        if (verdict instanceof ConvexityProof.Negative n) {
            // (the reference cannot evaluate everything: exp(-1e104) underflows BigDecimal's exponent)
            BigDecimal h = at(d.hessian(), HighPrecision.of(n.x()));
            assertTrue(h == null || h.signum() < 0, () -> "refuted at w = " + n.x() + " but ψ'' there is " + h + " in 32 digits");
        }
    }
}
