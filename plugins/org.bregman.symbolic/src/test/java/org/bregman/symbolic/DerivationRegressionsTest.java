package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.bregman.symbolic.CheckFinding.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The corpus of derivations that were silently wrong (issue "derivations that are right by
 * construction"), with variants. Each expected verdict comes from a formula worked out by hand for the
 * family (the minimum of ψ'' in closed form), not from the engine.
 */
class DerivationRegressionsTest {
    private static final Expr W = var("w");

    private static Derivation derive(Expr psi) {
        return Derivation.derive(PotentialSpec.of("P", List.of(), "w", psi));
    }

    /**
     * ψ = w²/2 + s·exp(-(w - c)²/v): ψ(c) = c²/2 + s (no term dropped), ψ''(c) = 1 - 2s/v is the minimum of
     * ψ'', so ψ is strictly convex iff 2s/v &lt; 1; the refutation names the centre.
     */
    @ParameterizedTest
    @CsvSource({"100, 1, 0.1", "0.3, 1e-6, 0.1", "-40, 0.01, 3", "2, 1, 0.1", "7.5, 4, 1", "-3, 0.5, 0.2", "1e4, 1, 0.01", "0, 0.01, 0.004"})
    void bumpsAreKeptAndJudgedByTheirCurvature(double c, double v, double s) {
        Expr psi = add(div(pow(W, num(2)), num(2)), mul(num(s), exp(neg(div(pow(sub(W, num(c)), num(2)), num(v))))));
        Derivation d = derive(psi);
        assertEquals(c * c / 2 + s, d.psi(c), 1e-12 * (1 + c * c), () -> "ψ(c) lost its bump: " + Printer.print(d.psi()));
        assertEquals(c, d.grad(c), 1e-9 * (1 + Math.abs(c)), "ψ'(c) = c");
        double minCurvature = 1 - 2 * s / v;
        assertEquals(minCurvature, d.hessian(c), 1e-9 * (1 + 2 * s / v), "ψ''(c)");
        CheckFinding conv = d.checkConvexity();
        if (minCurvature > 0) {
            assertNull(conv, () -> "convex bump rejected: " + conv);
        } else {
            assertNotNull(conv, "non-convex bump accepted");
            assertEquals(Severity.ERROR, conv.severity(), conv::message);
            assertTrue(conv.message().contains("ψ''(" + Printer.number(c) + ") = "), conv::message);
        }
    }

    /** ψ = w²/2 - a·sqrt((w - c)² + e): ψ'' = 1 - a·e/((w - c)² + e)^1.5, smallest at c: 1 - a/√e. */
    @ParameterizedTest
    @CsvSource({"7.3, 1e-6, 0.3", "-3, 1e-4, 0.5", "0, 0.01, 0.05", "5, 1, 0.5", "12.5, 0.25, 0.6", "-0.3, 1e-6, 1e-4"})
    void smoothedKinksAreJudgedByTheirCurvature(double c, double e, double a) {
        Expr psi = sub(div(pow(W, num(2)), num(2)), mul(num(a), sqrt(add(pow(sub(W, num(c)), num(2)), num(e)))));
        Derivation d = derive(psi);
        double min = 1 - a / Math.sqrt(e);
        assertEquals(min, d.hessian(c), 1e-9 * (1 + a / Math.sqrt(e)));
        CheckFinding conv = d.checkConvexity();
        if (min > 0) {
            assertNull(conv, () -> "convex ψ rejected: " + conv);
        } else {
            assertTrue(conv != null && conv.severity() == Severity.ERROR && conv.message().contains("ψ''(" + Printer.number(c) + ")"),
                    () -> "non-convex kink at " + c + ": " + conv);
        }
    }

    /** A kink of |w - c|: ψ' jumps down by 2a at c (not convex) or up (convex, ψ'' = 1 elsewhere). */
    @ParameterizedTest
    @CsvSource({"7.3, 0.3", "-2, 0.01", "0, 1"})
    void kinksOfAbsoluteValues(double c, double a) {
        CheckFinding down = derive(sub(div(pow(W, num(2)), num(2)), mul(num(a), abs(sub(W, num(c)))))).checkConvexity();
        assertTrue(down != null && down.isError() && down.message().contains("ψ' jumps down at w = " + Printer.number(c)), () -> "" + down);
        assertNull(derive(add(div(pow(W, num(2)), num(2)), mul(num(a), abs(sub(W, num(c)))))).checkConvexity());
    }

    /** Strictly convex with ψ'' → 0 far out: proved, and ψ'' evaluates positive there (no cancellation). */
    @ParameterizedTest
    @CsvSource({"1, 81", "1, 700", "100, 8100", "0.5, 30"})
    void softplusAndLogCoshFarOut(double scale, double at) {
        Expr softplus = mul(num(scale), call(Func.LOG1P, exp(div(W, num(scale)))));
        Derivation sp = derive(softplus);
        assertNull(sp.checkConvexity(), () -> "softplus: " + sp.checkConvexity());
        double u = at / scale;
        // σ'(u)/scale = exp(-u)/(1 + exp(-u))² / scale, evaluated here in the stable form
        assertEquals(Math.exp(-u) / Math.pow(1 + Math.exp(-u), 2) / scale, sp.hessian(at), 1e-12 * Math.exp(-u) / scale);
        assertTrue(sp.hessian(at) > 0);
        Derivation lc = derive(mul(num(scale), log(call(Func.COSH, div(W, num(scale))))));
        assertNull(lc.checkConvexity(), () -> "log-cosh: " + lc.checkConvexity());
        assertTrue(lc.hessian(Math.min(at, 300 * scale)) > 0);
    }

    @Test
    void logitMapHasAClosedFormThatStaysInsideTheDomain() {
        Expr psi = add(mul(W, log(W)), mul(sub(num(1), W), log(sub(num(1), W))));
        Derivation d = Derivation.derive(PotentialSpec.of("Logit", List.of(), "w", psi).withDomain(RealInterval.open(0, 1)));
        assertTrue(d.inverse().isClosedForm(), () -> "numeric: " + d);
        assertNull(d.checkConvexity());
        for (double z : new double[] {40, -40, 800, -800, 0, 3.5}) {
            double w = d.inverse(z);
            assertTrue(w > 0 && w < 1, "inverse(" + z + ") = " + w + " left (0, 1)");
        }
        // the logistic function, to the last bits where it is representable
        assertEquals(1 / (1 + Math.exp(-3.5)), d.inverse(3.5), 1e-16);
        assertEquals(Math.exp(-40), d.inverse(-40), 1e-30);
        assertEquals(Math.nextDown(1.0), d.inverse(40));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "4, 1", "0.01, 2"})
    void rootRatioMapsHaveClosedForms(double c, double a) {
        // ψ = a·sqrt(w² + c): ψ' = a·w/sqrt(w² + c), inverse z·sqrt(c)/sqrt(a² - z²)
        Derivation d = derive(mul(num(a), sqrt(add(pow(W, num(2)), num(c)))));
        assertTrue(d.inverse().isClosedForm(), () -> "numeric: " + d);
        for (double w : new double[] {0.3, -2, 15}) assertEquals(w, d.inverse(d.grad(w)), 1e-9 * (1 + Math.abs(w)));
        assertEquals(RealInterval.open(-a, a), d.dualDomain());
    }

    @Test
    void overflowingConstantsAreRefusedWithAMessage() {
        SymbolicException e = assertThrows(SymbolicException.class, () -> derive(mul(num(1e308), pow(W, num(2)))));
        assertTrue(e.getMessage().contains("overflows a double"), e.getMessage());
    }

    /** Expressions whose derivatives grow exponentially end with "too large to derive", not after minutes. */
    @Test
    void hugeDerivationsStopWithinTheirBudget() {
        Expr tower = num(2);
        for (int i = 0; i < 30; i++) tower = pow(W, tower);
        Expr nest = pow(W, num(2));
        for (int i = 0; i < 14; i++) nest = sqrt(add(num(1), nest));
        for (Expr psi : List.of(tower, nest)) {
            SymbolicException e = assertThrows(SymbolicException.class, () -> derive(psi));
            assertTrue(e.getMessage().startsWith("expression too large to derive"), e.getMessage());
        }
    }

    /** sqrt(w^2 + c) and (w^2 + β^2)^(q/2) at ±1e200: finite ψ' (no w^2 = ∞ in between), against the asymptotics. */
    @ParameterizedTest
    @CsvSource({"1e200", "-1e200", "1e154", "-3e250"})
    void largeArgumentsDoNotOverflowInIntermediates(double x) {
        Derivation root = derive(sqrt(add(num(1), pow(W, num(2)))));
        assertEquals(Math.abs(x), root.psi(x), 1e-15 * Math.abs(x));
        assertEquals(Math.signum(x), root.grad(x), 1e-15);
        Derivation smoothed = derive(pow(add(pow(W, num(2)), num(0.25)), num(0.75))); // (w² + β²)^(q/2), q = 1.5
        double expected = 1.5 * Math.signum(x) * Math.sqrt(Math.abs(x)); // q |w|^(q-1) sign(w) for |w| ≫ β
        assertEquals(expected, smoothed.grad(x), 1e-12 * Math.abs(expected));
    }
}
