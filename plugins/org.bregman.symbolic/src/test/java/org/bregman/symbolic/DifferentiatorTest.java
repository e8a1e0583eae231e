package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every construct differentiated, compared with a central difference (relative 1e-6). */
class DifferentiatorTest {
    static final Expr w = var("w");

    /** An argument that keeps f in its domain for w in [0.1, 0.9]: 1.5 + w for acosh, w / 2 for atanh … */
    static Expr argumentFor(Func f) {
        return switch (f) {
            case ACOSH -> add(num(1.5), w);
            case ATANH -> div(w, num(2));
            case TAN -> div(w, num(2));
            default -> mul(num(0.7), w);
        };
    }

    static void assertDerivative(Expr e, double lo, double hi) {
        Expr d = Differentiator.diff(e, "w");
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            double x = rnd.nextDouble(lo, hi);
            double h = 1e-5 * Math.max(1, Math.abs(x));
            double fd = (e.eval(Map.of("w", x + h)) - e.eval(Map.of("w", x - h))) / (2 * h);
            double dv = d.eval(Map.of("w", x));
            assertEquals(fd, dv, 1e-6 * Math.max(1, Math.abs(fd)), Printer.print(e) + "' = " + Printer.print(d) + " at w = " + x);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Func.class, names = {"MIN", "MAX", "POW", "SIGN"}, mode = EnumSource.Mode.EXCLUDE)
    void unaryFunctions(Func f) {
        assertDerivative(mul(w, call(f, argumentFor(f))), 0.1, 0.9);
        assertDerivative(call(f, argumentFor(f)), 0.1, 0.9);
    }

    @Test
    void absAndSign() {
        assertEquals("sign(w)", Printer.print(Differentiator.diff(abs(w), "w")));
        assertEquals("0", Printer.print(Differentiator.diff(sign(w), "w")));
        assertDerivative(mul(abs(w), w), -2, 2);
        assertDerivative(pow(abs(w), num(2.5)), -2, 2);
    }

    @Test
    void minAndMax() {
        // max(w, 1 - w)' = sign(2w - 1), through sign(a - b); at the kink the average
        Expr m = call(Func.MAX, w, sub(num(1), w));
        assertDerivative(m, -2, 0.45);
        assertDerivative(m, 0.55, 2);
        assertEquals(0.0, Differentiator.diff(m, "w").eval(Map.of("w", 0.5)), 1e-15);
        assertDerivative(call(Func.MIN, pow(w, num(2)), w), 0.1, 0.95);
        assertDerivative(call(Func.MIN, pow(w, num(2)), w), 1.05, 3);
    }

    @Test
    void powersWithSymbolicExponents() {
        Expr q = var("q");
        assertEquals("q * w^(q - 1)", Printer.print(Differentiator.diff(pow(w, q), "w")));
        assertEquals("2^w * log(2)", Printer.print(Differentiator.diff(pow(num(2), w), "w")));
        assertDerivative(pow(w, w), 0.1, 3);
        assertDerivative(call(Func.POW, add(w, num(1)), sqrt(w)), 0.1, 3);
        assertDerivative(pow(num(2), w), -3, 3);
        assertDerivative(div(num(1), add(num(1), pow(w, num(2)))), -3, 3);
        assertDerivative(mul(pi(), e(), w, w), -3, 3);
    }

    @Test
    void parametersAreConstants() {
        Expr q = var("q");
        assertEquals("0", Printer.print(Differentiator.diff(mul(q, log(q)), "w")));
        assertEquals("q", Printer.print(Differentiator.diff(mul(q, w), "w")));
    }

    @Test
    void everyFunctionKnowsItsInverse() {
        List<Func> invertible = new ArrayList<>();
        for (Func f : Func.values()) {
            if (f.arity() != 1) continue;
            RealInterval r = f == Func.COSH ? RealInterval.POSITIVE : f == Func.TAN ? RealInterval.open(-1, 1) : RealInterval.REALS;
            Expr inv = f.definition().inverse(var("z"), r);
            if (inv == null) continue;
            invertible.add(f);
            for (double x : f == Func.ACOSH ? new double[] {1.2, 1.5, 3} : new double[] {0.2, 0.5, 0.9}) {
                double y = f.apply(x);
                assertEquals(x, inv.eval(Map.of("z", y)), 1e-14, f + "⁻¹(" + f + "(" + x + "))");
            }
        }
        // every unary function but abs and sign (not injective)
        List<Func> expected = new ArrayList<>();
        for (Func f : Func.values()) if (f.arity() == 1 && f != Func.ABS && f != Func.SIGN) expected.add(f);
        assertEquals(expected, invertible);
    }
}
