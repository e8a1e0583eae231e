package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Printed, simplified formulas asserted as strings. */
class ReadableFormulasTest {
    static final Expr w = var("w"), q = var("q"), beta = var("beta");

    static String p(Expr e) {
        return Printer.print(e);
    }

    /** ψ, ψ' and ψ'' of a derivation, as printed. */
    static void assertPrinted(Derivation d, String psi, String grad, String hessian) {
        assertEquals(psi, p(d.psi()));
        assertEquals(grad, p(d.grad()));
        assertEquals(hessian, p(d.hessian()));
    }

    @Test
    void qnorm() {
        Derivation d = Derivation.derive(Examples.qnorm());
        assertPrinted(d, "|w|^q / q", "sign(w) * |w|^(q - 1)", "(q - 1) * |w|^(q - 2)");
        assertEquals("sign(z) * |z|^(1 / (q - 1))", p(d.inverse().expr()));
        assertEquals("(-∞, ∞)", d.dualDomain().toString());
    }

    @Test
    void qnormBound() {
        Derivation d = Derivation.derive(Examples.qnorm());
        Derivation q3 = d.bind(Map.of("q", 3.0));
        assertEquals("w * |w|", p(q3.grad()));
        assertEquals("2 * |w|", p(q3.hessian()));
        assertEquals("sign(z) * sqrt(|z|)", p(q3.inverse().expr()));
        assertEquals("|w|^3 / 3 + 2 * |v|^3 / 3 - v * w * |v|", p(q3.bregman()));
        Derivation q2 = d.bind(Map.of("q", 2.0));
        assertEquals("w^2 / 2", p(q2.psi()));
        assertEquals("w", p(q2.grad()));
        assertEquals("z", p(q2.inverse().expr()));
        assertEquals("w^2 / 2 + v^2 / 2 - v * w", p(q2.bregman()));
        assertEquals("w^9", p(d.bind(Map.of("q", 10.0)).grad()));
        assertEquals("sign(z) * |z|^(1 / 9)", p(d.bind(Map.of("q", 10.0)).inverse().expr()));
        assertEquals("sign(w) * |w|^0.1", p(d.bind(Map.of("q", 1.1)).grad()));
        assertEquals("z * |z|", p(d.bind(Map.of("q", 1.5)).inverse().expr()));
    }

    @Test
    void negEntropy() {
        Derivation d = Derivation.derive(Examples.negEntropy());
        assertPrinted(d, "w * log(w) - w", "log(w)", "1 / w");
        assertEquals("exp(z)", p(d.inverse().expr()));
        assertEquals("w * log(w) - w + v - w * log(v)", p(d.bregman()));
    }

    @Test
    void hyperbolicEntropy() {
        Derivation d = Derivation.derive(Examples.hyperbolicEntropy());
        assertEquals("asinh(w / beta)", p(d.grad()));
        assertEquals("1 / sqrt(w^2 + beta^2)", p(d.hessian()));
        assertEquals("beta * sinh(z)", p(d.inverse().expr()));
    }

    @Test
    void hyperbolicGradientSimplifiesByNumericIdentity() {
        // the raw derivative: asinh(w/β) + w/(β sqrt(1+(w/β)²)) − w/sqrt(w²+β²)
        Expr raw = add(call(Func.ASINH, div(w, beta)),
                div(w, mul(beta, sqrt(add(num(1), pow(div(w, beta), num(2)))))),
                neg(div(w, sqrt(add(pow(w, num(2)), pow(beta, num(2)))))));
        Assumptions positiveBeta = Assumptions.of(Map.of("beta", RealInterval.POSITIVE));
        assertEquals("asinh(w / beta)", p(Simplifier.simplify(raw, positiveBeta)));
        // without β > 0 the identity does not hold (sqrt(β²) = |β|), so the terms stay
        assertNotEquals("asinh(w / beta)", p(Simplifier.simplify(raw)));
    }

    @Test
    void quarticAndSmoothed() {
        Derivation d = Derivation.derive(Examples.quartic());
        assertPrinted(d, "w^4 / 4 + w^2 / 2", "w^3 + w", "3 * w^2 + 1");
        assertEquals(Derivation.InverseKind.NUMERIC, d.inverse().kind());
        Derivation s = Derivation.derive(Examples.smoothedHomogeneous());
        assertEquals("w * (w^2 + beta^2)^(q / 2 - 1)", p(s.grad()));
    }

    @Test
    void printerSyntax() {
        assertEquals("-w^2", p(neg(pow(w, num(2)))));
        assertEquals("(-w)^2", p(pow(neg(w), num(2))));
        assertEquals("w - (q + 1)", p(sub(w, add(q, num(1)))));
        assertEquals("w^(q^2)", p(pow(w, pow(q, num(2)))));
        assertEquals("(w^q)^2", p(pow(pow(w, q), num(2))));
        assertEquals("w / (q * beta)", p(div(w, mul(q, beta))));
        assertEquals("|w - 1|", p(abs(sub(w, num(1)))));
        assertEquals("min(w, 2)", p(call(Func.MIN, w, num(2))));
        assertEquals("2 * pi * e", p(mul(num(2), pi(), e())));
        assertEquals("w * (-2)", p(mul(w, num(-2))));
        assertEquals("1e-5", Printer.number(1e-5));
        assertEquals("0.001", Printer.number(1e-3));
        assertEquals("w / 3", p(Simplifier.simplify(div(w, num(3)))));
    }

    @Test
    void simplifierRules() {
        assertEquals("5 * w", p(Simplifier.simplify(add(mul(num(2), w), mul(num(3), w)))));
        assertEquals("w^(q + 2)", p(Simplifier.simplify(mul(pow(w, q), pow(w, num(2))))));
        assertEquals("w", p(Simplifier.simplify(add(mul(pow(w, num(1)), num(1)), num(0)))));
        assertEquals("1", p(Simplifier.simplify(pow(w, num(0)))));
        assertEquals("0.1", p(Simplifier.simplify(sub(num(1.1), num(1)))));
        assertEquals("1", p(Simplifier.simplify(mul(num(3), div(num(1), num(3))))));
        assertEquals("w", p(Simplifier.simplify(mul(sign(w), abs(w)))));
        assertEquals("|w|", p(Simplifier.simplify(pow(pow(w, num(2)), num(0.5)))));
        assertEquals("w", p(Simplifier.simplify(log(exp(w)))));
        assertEquals("w", p(Simplifier.simplify(abs(w), Assumptions.of(Map.of("w", RealInterval.POSITIVE)))));
        assertEquals("0", p(Simplifier.simplify(sub(pow(call(Func.COSH, w), num(2)), add(pow(call(Func.SINH, w), num(2)), num(1))))));
        assertEquals("2 * w", p(Simplifier.simplify(add(mul(w, num(1)), div(w, num(1))))));
        assertEquals("q - 2", p(Simplifier.simplify(mul(num(2), sub(div(q, num(2)), num(1))))));
    }

    @Test
    void simplifyDoesNotChangeItsInput() {
        Expr e = add(mul(num(2), w), mul(num(3), w));
        String before = e.toString();
        Simplifier.simplify(e);
        assertEquals(before, e.toString());
        assertEquals(List.of(mul(num(2), w), mul(num(3), w)), ((Expr.Add) e).terms());
    }
}
