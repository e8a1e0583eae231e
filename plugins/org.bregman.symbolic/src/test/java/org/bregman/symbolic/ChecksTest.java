package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.bregman.symbolic.Condition.Op;
import org.bregman.symbolic.CheckFinding.Kind;
import org.bregman.symbolic.PotentialSpec.Parameter;
import org.junit.jupiter.api.Test;

/** Operation domains, strict convexity, overrides, parameter values, dual domains. */
class ChecksTest {
    static final Expr w = var("w"), q = var("q"), z = var("z");

    static PotentialSpec spec(Expr psi) {
        return PotentialSpec.of("P", List.of(), "w", psi);
    }

    static CheckFinding only(List<CheckFinding> ds, Kind kind) {
        List<CheckFinding> of = ds.stream().filter(d -> d.kind() == kind && d.isError()).toList();
        assertEquals(1, of.size(), "one " + kind + " error expected in " + ds);
        return of.get(0);
    }

    @Test
    void qEqualOneIsNotStrictlyConvexAndNamesAPoint() {
        PotentialSpec s = PotentialSpec.of("QNorm", List.of(new Parameter("q", 1)), "w", div(pow(abs(w), q), q));
        CheckFinding d = only(Derivation.derive(s).check(), Kind.CONVEXITY);
        assertTrue(d.message().contains("not strictly convex"), d.message());
        assertTrue(d.message().contains("w = 1"), d.message());
        assertSame(s.psi(), d.node());
        // the same through a use-site value
        PotentialSpec open = PotentialSpec.of("QNorm", List.of(new Parameter("q", 3, new Condition.Compare(q, Op.GE, num(1)))), "w",
                div(pow(abs(w), q), q));
        assertNull(Derivation.derive(open).checkConvexity());
        assertNotNull(Derivation.derive(open, Map.of("q", 1.0)).checkConvexity());
    }

    @Test
    void concaveNamesTheNegativeCurvature() {
        CheckFinding d = Derivation.derive(spec(neg(pow(w, num(2))))).checkConvexity();
        assertNotNull(d);
        assertTrue(d.message().contains("ψ''(1) = -2 < 0"), d.message());
    }

    @Test
    void linearAndUndefinedCurvature() {
        CheckFinding lin = Derivation.derive(spec(mul(num(2), w))).checkConvexity();
        assertTrue(lin.message().startsWith("psi is not strictly convex on its domain: ψ''(w) = 0 at and around w = 1"), lin.message());
        // sqrt(-1 - w^2) is undefined everywhere: the domain check reports it, and convexity cannot hold
        CheckFinding none = Derivation.derive(spec(sqrt(sub(num(-1), pow(w, num(2)))))).checkConvexity();
        assertTrue(none.message().contains("cannot be evaluated at any point of (-∞, ∞)"), none.message());
    }

    @Test
    void isolatedZeroCurvatureIsFine() {
        assertNull(Derivation.derive(spec(pow(w, num(4)))).checkConvexity(), "w^4: ψ''(0) = 0 only at 0");
        assertNull(Derivation.derive(Examples.qnorm()).bind(Map.of("q", 1.5)).checkConvexity(), "ψ'' = ∞ at 0");
    }

    @Test
    void logOnAllRealsSuggestsTheDomain() {
        Expr log = log(w);
        PotentialSpec s = spec(sub(mul(w, log), w));
        CheckFinding d = only(Derivation.derive(s).check(), Kind.DOMAIN);
        assertSame(log, d.node(), "the very node given");
        assertEquals("log needs its argument > 0, but w ranges over all reals; add `domain w > 0`", d.message());
        assertEquals(List.of(), Derivation.derive(s.withDomain(RealInterval.POSITIVE)).check());
    }

    @Test
    void otherOperationDomains() {
        assertTrue(only(Derivation.derive(spec(mul(w, sqrt(w)))).checkDomains(), Kind.DOMAIN).message()
                .contains("sqrt needs its argument >= 0, but w ranges over all reals; add `domain w >= 0`"));
        assertTrue(only(Derivation.derive(spec(call(Func.ACOSH, w))).checkDomains(), Kind.DOMAIN).message()
                .contains("add `domain w >= 1`"));
        assertTrue(only(Derivation.derive(spec(call(Func.ATANH, w))).checkDomains(), Kind.DOMAIN).message()
                .contains("atanh needs its argument strictly between -1 and 1, but w ranges over all reals; add `domain -1 < w < 1`"));
        String m = only(Derivation.derive(spec(log(sub(num(1), w))).withDomain(RealInterval.POSITIVE)).checkDomains(), Kind.DOMAIN).message();
        assertTrue(m.startsWith("log needs its argument > 0, but the argument 1 - w is 0 at w = 1"), m);
    }

    @Test
    void divisionByZero() {
        Expr inv = div(num(1), w);
        CheckFinding d = only(Derivation.derive(spec(add(pow(w, num(2)), inv))).checkDomains(), Kind.DOMAIN);
        assertSame(((Expr.Mul) inv).factors().get(1), d.node());
        assertEquals("division by w is infinite at w = 0, where w = 0; exclude 0 from the domain", d.message());
        // a base that changes sign between probes
        CheckFinding e = only(Derivation.derive(spec(div(num(1), sub(w, num(0.3))))).checkDomains(), Kind.DOMAIN);
        assertTrue(e.message().contains("between"), e.message());
    }

    @Test
    void nonIntegerPowerOfANegativeBase() {
        PotentialSpec s = PotentialSpec.of("Q", List.of(Examples.param("q", 3, Op.GT, 1)), "w", div(pow(w, q), q));
        CheckFinding d = only(Derivation.derive(s).checkDomains(), Kind.DOMAIN);
        assertEquals("the power q of w is undefined where w < 0, e.g. at w = -1; write |w|^… or add `domain w > 0`", d.message());
        assertTrue(only(Derivation.derive(spec(pow(w, num(1.5)))).checkDomains(), Kind.DOMAIN).message()
                .startsWith("a power 1.5 of w is undefined where w < 0"));
        assertEquals(List.of(), Derivation.derive(spec(pow(w, num(4)))).checkDomains());
        assertEquals(List.of(), Derivation.derive(s.withDomain(RealInterval.POSITIVE)).checkDomains());
    }

    @Test
    void wrongGradOverrideNamesThePoint() {
        Expr body = mul(sign(w), pow(abs(w), sub(q, num(2))));
        PotentialSpec s = Examples.qnorm().withGrad("w", body);
        CheckFinding d = only(Derivation.derive(s).check(), Kind.OVERRIDE);
        assertSame(body, d.node());
        assertEquals("grad disagrees with the derived ψ'(w) = sign(w) * |w|^(q - 1) at w = 0.5: it gives 0.5, the derivation 0.25 with q = 3",
                d.message());
    }

    @Test
    void overrideRightOnlyAtTheDefaultIsWrong() {
        // for q = 3 the derivative is sign(w)·|w|^2, but not for other q
        PotentialSpec s = Examples.qnorm().withGrad("w", mul(sign(w), pow(abs(w), num(2))));
        assertNull(gradDiagnostic(Derivation.derive(s).bind(Map.of("q", 3.0))));
        CheckFinding d = only(Derivation.derive(s).check(), Kind.OVERRIDE);
        assertTrue(d.message().contains("with q = ") && !d.message().contains("with q = 3"), d.message());
    }

    private static CheckFinding gradDiagnostic(Derivation d) {
        return d.checkOverrides().stream().findFirst().orElse(null);
    }

    @Test
    void wrongInverseOverride() {
        Expr body = mul(sign(z), pow(abs(z), div(num(1), q)));
        PotentialSpec s = Examples.qnorm().withInverse("z", body);
        CheckFinding d = only(Derivation.derive(s).check(), Kind.OVERRIDE);
        assertSame(body, d.node());
        assertEquals("inverse disagrees with the derivation at z = 0.25 (= ψ'(0.5)): it gives 0.6299605249474366, the inverse of ψ' is 0.5"
                + " with q = 3", d.message());
    }

    @Test
    void parameterValues() {
        Derivation d = Derivation.derive(Examples.qnorm());
        SymbolicException ex = assertThrows(SymbolicException.class, () -> d.bind(Map.of("q", 1.0)));
        assertEquals("q = 1 violates `where q > 1`", ex.getMessage());
        ex = assertThrows(SymbolicException.class, () -> d.bind(Map.of("r", 2.0)));
        assertEquals("QNorm has no parameter r (parameters: q)", ex.getMessage());
    }

    @Test
    void dualDomains() {
        assertEquals("(-1, 1)", Derivation.derive(spec(sqrt(add(num(1), pow(w, num(2)))))).dualDomain().toString());
        assertEquals("(0, ∞)", Derivation.derive(spec(exp(w))).dualDomain().toString());
        assertEquals("(-∞, ∞)", Derivation.derive(Examples.negEntropy()).dualDomain().toString());
        assertEquals("(-∞, ∞)", Derivation.derive(Examples.qnorm()).dualDomain().toString());
        assertEquals("(-π/2, π/2)".replace("π/2", Printer.number(Math.PI / 2)),
                Derivation.derive(spec(sub(mul(w, call(Func.ATAN, w)), mul(num(0.5), log(add(num(1), pow(w, num(2)))))))).dualDomain().toString());
    }

    @Test
    void boundedDomainWithNumericInverse() {
        // Fermi–Dirac entropy on (0, 1): ψ' = logit, inverted numerically or in closed form
        PotentialSpec s = spec(add(mul(w, log(w)), mul(sub(num(1), w), log(sub(num(1), w))))).withDomain(RealInterval.open(0, 1));
        Derivation d = Derivation.derive(s);
        assertEquals(List.of(), d.check());
        assertEquals("(-∞, ∞)", d.dualDomain().toString());
        for (double x : new double[] {1e-9, 0.001, 0.3, 0.5, 0.77, 0.999}) {
            assertEquals(x, d.inverse(d.grad(x)), 1e-12 * x, "logit⁻¹");
        }
    }

    @Test
    void closedFormInversions() {
        // tanh-shaped, atan-shaped, cubes and exponentials
        assertEquals("tan(z)", Printer.print(Derivation.derive(spec(sub(mul(w, call(Func.ATAN, w)),
                mul(num(0.5), log(add(num(1), pow(w, num(2)))))))).inverse().expr()));
        assertEquals("log(z)", Printer.print(Derivation.derive(spec(exp(w))).inverse().expr()));
        assertEquals("log(z / 2) / 3", Printer.print(Derivation.derive(spec(mul(num(2.0 / 3), exp(mul(num(3), w))))).inverse().expr()));
        assertEquals("sign(z) * |z|^(1 / 3)", Printer.print(Derivation.derive(spec(div(pow(w, num(4)), num(4)))).inverse().expr()));
        assertEquals("log1p(z)", Printer.print(Derivation.derive(spec(sub(call(Func.EXPM1, w), w))).inverse().expr()));
        Derivation tanh = Derivation.derive(spec(log(call(Func.COSH, w))));
        assertEquals("tanh(w)", Printer.print(tanh.grad()));
        assertEquals("atanh(z)", Printer.print(tanh.inverse().expr()));
        assertEquals("(-1, 1)", tanh.dualDomain().toString());
        assertEquals("asinh(z)", Printer.print(Derivation.derive(spec(call(Func.COSH, w))).inverse().expr()));
        // cbrt: the inverse of w ↦ cbrt(w) + w is numeric (w twice), of w ↦ cbrt(w - 1) closed
        assertEquals("z^3 + 1", Printer.print(Inverter.invert(call(Func.CBRT, sub(w, num(1))), "w", "z", Assumptions.NONE)));
        assertNull(Inverter.invert(add(call(Func.CBRT, w), w), "w", "z", Assumptions.NONE));
    }
}
