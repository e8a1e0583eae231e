package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The fused step ψ'⁻¹(ψ'(w) − c): which potentials get one, its shape, and that it is the step. */
class StepFusionTest {

    static List<Examples.Case> cases() {
        return Examples.all();
    }

    @Test
    void negativeEntropyStepIsOneExponential() {
        Expr f = StepFusion.fused(Derivation.derive(Examples.negEntropy(), Map.of()));
        assertNotNull(f);
        assertEquals(1, StepFusion.transcendentals(f), Printer.print(f));
        assertFalse(f.toString().contains("log"), Printer.print(f));
    }

    @Test
    void hyperbolicEntropyStepHasNoInverseFunction() {
        for (double beta : new double[] {1, 0.01, 3}) {
            Expr f = StepFusion.fused(Derivation.derive(Examples.hyperbolicEntropy(), Map.of("beta", beta)));
            assertNotNull(f);
            assertFalse(f.toString().contains("asinh"), Printer.print(f));
            assertEquals(2, StepFusion.transcendentals(f), Printer.print(f)); // cosh c, sinh c
        }
    }

    /** Structure, not names: x·log x (no −x) and a scaled entropy are fused as well. */
    @Test
    void ownPotentialsOfTheSameShapeAreFused() {
        Expr w = var("w");
        PotentialSpec plain = PotentialSpec.of("MyEntropy", List.of(), "w", mul(w, log(w))).withDomain(RealInterval.POSITIVE);
        Expr f = StepFusion.fused(Derivation.derive(plain, Map.of()));
        assertNotNull(f);
        assertEquals(1, StepFusion.transcendentals(f), Printer.print(f));
        PotentialSpec shifted = PotentialSpec.of("Shifted", List.of(), "w", mul(w, call(Func.ASINH, mul(num(2), w))));
        // ψ' = asinh(2w) + 2w/sqrt(4w² + 1): the inverse is numeric, nothing to fuse
        assertNull(StepFusion.fused(Derivation.derive(shifted, Map.of())));
    }

    @Test
    void powerPotentialsAreNotFused() {
        assertNull(StepFusion.fused(Derivation.derive(Examples.qnorm(), Map.of("q", 3.0))));
        assertNull(StepFusion.fused(Derivation.derive(Examples.qnorm(), Map.of("q", 2.5))));
    }

    /** Wherever a fused step exists it is ψ'⁻¹(ψ'(w) − c), relative 1e-12 (both sides in double), c of both signs. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fusedStepIsTheStep(Examples.Case c) {
        Derivation d = c.derivation();
        Expr f = StepFusion.fused(d);
        if (f == null) return;
        DoubleBinaryOperator step = Evaluator.compile(f, d.coordinate(), StepFusion.SHIFT);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            double m = Math.pow(10, rnd.nextDouble(-3, 3));
            double w = d.domain().contains(m) && (rnd.nextBoolean() || !d.domain().contains(-m)) ? m : -m;
            double shift = (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextDouble(-6, 0.5));
            double expected = d.inverse(d.grad(w) - shift);
            double actual = step.applyAsDouble(w, shift);
            assertEquals(expected, actual, 1e-12 * (Math.abs(w) + Math.abs(expected)) + 1e-300,
                    c + ": step from " + w + " by " + shift + " with " + Printer.print(f));
        }
    }
}
