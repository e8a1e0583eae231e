package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ψ(w) = F(Σ_j g(w_j)): the pieces, the closed-form test, the dual domain and the convexity verdicts. */
class CompositeDerivationTest {

    /** ½‖w‖_q² as the language translates it: F = (S^(1/q))²/2, g = |w|^q. */
    static PotentialSpec pNorm(double q) {
        return new PotentialSpec("PNorm", List.of(new PotentialSpec.Parameter("q", q)), "w", RealInterval.REALS,
                mul(num(0.5), pow(pow(var("S"), div(num(1), var("q"))), num(2))), null, null)
                .withReduction("S", pow(abs(var("w")), var("q")));
    }

    static PotentialSpec of(Expr f, Expr g) {
        return PotentialSpec.of("P", List.of(), "w", f).withReduction("S", g);
    }

    @ParameterizedTest
    @CsvSource({"1.5", "3", "10"})
    void thePNormPotentialIsHomogeneousWithAClosedFormInverse(double q) {
        CompositeDerivation d = CompositeDerivation.derive(pNorm(q), Map.of());
        assertEquals(q, d.homogeneous().exponent(), 0);
        assertEquals(1, d.homogeneous().coefficient(), 0);
        assertEquals(2 / q, d.outerPower().exponent(), 1e-15);
        assertEquals(0.5, d.outerPower().coefficient(), 0);
        assertTrue(d.inverseIsClosedForm());
        assertEquals(RealInterval.NON_NEGATIVE, d.sums());
        assertEquals(RealInterval.REALS, d.dualDomain());
        assertTrue(d.check().isEmpty(), () -> d.check().toString());
        // F'(S)·g'(w) at a point, against ½‖w‖_q²'s gradient sign(w)|w|^(q−1)/‖w‖_q^(q−2)
        double s = Math.pow(0.5, q) + Math.pow(2, q);
        double expected = Math.pow(2, q - 1) / Math.pow(Math.pow(s, 1 / q), q - 2);
        double got = d.outer().grad(s) * d.inner().grad(2);
        assertEquals(expected, got, 1e-13 * expected);
    }

    @Test
    void theFormulasNameTheReductionAndTheScalarEquation() {
        Map<String, String> f = CompositeDerivation.derive(pNorm(3), Map.of()).formulas();
        assertEquals("S = Σ_j |w_j|^3", f.get("sum"));
        assertEquals("F(S) = S^(2 / 3) / 2", f.get("psi"));
        assertTrue(f.get("grad").startsWith("w * |w| / S^(1 / 3)"), f.get("grad"));
        // ½‖z‖_p² with p = 3/2: S' = ‖w'‖_3^3 = ‖z‖_1.5^3 = (Σ|z_j|^1.5)^2
        assertTrue(f.get("inverse").contains("S' = 1·(Σ_j |z_j|^1.5)^2"), f.get("inverse"));
    }

    @Test
    void theNormAloneIsRefutedAlongRays() {
        List<CheckFinding> c = CompositeDerivation.derive(of(pow(var("S"), div(num(1), num(3))), pow(abs(var("w")), num(3))), Map.of()).check();
        assertEquals(1, c.size(), c::toString);
        assertTrue(c.get(0).isError() && c.get(0).message().contains("not strictly convex"), c::toString);
    }

    @Test
    void aDecreasingOuterFunctionIsRefuted() {
        List<CheckFinding> c = CompositeDerivation.derive(of(neg(pow(var("S"), num(2))), pow(abs(var("w")), num(3))), Map.of()).check();
        assertTrue(c.get(0).isError() && c.get(0).message().contains("not increasing"), c::toString);
    }

    @Test
    void aConvexIncreasingFunctionOfAStrictlyConvexSumIsProvedByEnclosures() {
        CompositeDerivation d = CompositeDerivation.derive(of(add(var("S"), div(pow(var("S"), num(2)), num(2))), call(Func.COSH, var("w"))),
                Map.of());
        assertNull(d.homogeneous());
        assertTrue(d.check().isEmpty(), () -> d.check().toString());
        assertFalse(d.inverseIsClosedForm());
        assertEquals(1, d.sums().lower(), 0); // cosh ≥ 1
    }

    @Test
    void aConcaveOuterFunctionOfANonHomogeneousSumIsNotClaimed() {
        List<CheckFinding> c = CompositeDerivation.derive(of(call(Func.SQRT, var("S")), call(Func.COSH, var("w"))), Map.of()).check();
        assertEquals(1, c.size(), c::toString);
        assertFalse(c.get(0).isError());
        assertTrue(c.get(0).message().contains("could not prove"), c::toString);
    }

    @Test
    void anInnerFunctionThatIsNotStrictlyConvexIsRefutedInsideTheReduction() {
        List<CheckFinding> c = CompositeDerivation.derive(of(pow(var("S"), num(2)), neg(pow(var("w"), num(2)))), Map.of()).check();
        assertTrue(c.stream().anyMatch(f -> f.isError() && f.message().startsWith("inside the reduction")), c::toString);
    }

    @Test
    void theSeparableDerivationRefusesAReduction() {
        assertThrows(SymbolicException.class, () -> Derivation.derive(pNorm(3)));
    }
}
