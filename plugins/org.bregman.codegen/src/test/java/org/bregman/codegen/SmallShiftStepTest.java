package org.bregman.codegen;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bregman.codegen.FusedStepTest.Case;
import org.bregman.codegen.ir.SmallShift;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.Derivation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector kernel's small-shift path ({@link SmallShift}: blocks whose shifts all satisfy |c| ≤ 2⁻⁵) against the double
 * reference of the unfused step, with FusedStepTest's bound: the negative entropy's {@code fma(x, expm1(−c), x)} on float
 * lanes within 1 ulp, the hyperbolic entropy's polynomials on double lanes within 1 ulp + 2⁻⁵⁰·(|w| cosh c +
 * sqrt(w² + β²)|sinh c|). Shifts of both signs up to the bound and exactly at it, w subnormal … 1e38; some blocks hold
 * one larger shift (the fused path), so both paths and their borders run.
 */
class SmallShiftStepTest {

    static List<Case> cases() {
        return FusedStepTest.cases();
    }

    /** Not a multiple of the double-lane path's chunk of 4096 coordinates, nor of any block: every border runs. */
    static final int N = 50_005;

    static float[][] data(Derivation d, long seed, float lr) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] w = new float[N];
        float[] g = new float[N];
        float bound = (float) SmallShift.BOUND;
        for (int i = 0; i < N; i++) {
            float m = i % 97 == 0 ? Float.MIN_VALUE * (1 + rnd.nextInt(1000)) : (float) Math.pow(10, rnd.nextDouble(-37, 38));
            w[i] = d.domain().contains(-m) && rnd.nextBoolean() ? -m : m;
            float sign = rnd.nextBoolean() ? 1 : -1;
            g[i] = switch (i % 11) {
                case 0 -> sign * bound / lr; // |c| exactly at the bound
                case 1 -> sign * Math.nextDown(bound) / lr;
                default -> sign * (float) Math.pow(2, rnd.nextDouble(-40, -5)) / lr;
            };
            if (i % 1009 == 0) g[i] = sign * (float) Math.pow(10, rnd.nextDouble(-1, 1.5)); // this block takes the fused path
            if (i % 1013 == 0) g[i] = sign * Math.nextUp(bound) / lr;
            if (i % 13 == 0 && d.domain().lower() < 0 && Math.abs(d.grad(w[i])) <= bound) g[i] = (float) (d.grad(w[i]) / lr);
        }
        return new float[][] {w, g};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void smallShiftsAreWithinTheStatedBound(Case k) {
        Derivation d = k.derivation();
        FusedStepTest.Kernels ks = k.kernels(Forms::smallShiftStep, "|c| <= 2^-5");
        MirrorMap scalar = ks.scalar(), vector = ks.vector();
        float lr = 0.5f;
        float[][] data = data(d, 5, lr);
        float[] ws = data[0].clone();
        float[] wv = data[0].clone();
        FloatBuffer wb = direct(data[0]);
        int bad = scalar.step(ws, data[1], lr);
        assertEquals(bad, vector.step(wv, data[1], lr));
        assertEquals(bad, vector.step(wb, direct(data[1]), lr));
        FusedStepTest.assertWithinBound(k, data, lr, ws, wv, ", |c| <= 2^-5", i -> assertEquals(Float.floatToRawIntBits(wv[i]),
                Float.floatToRawIntBits(wb.get(i)), k + ": arrays == direct buffers at " + i));
    }

    /** The small-shift form in double equals the fused step in double to 2⁻⁵⁰ of its terms: the polynomials are exact enough. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theSmallShiftFormIsTheFusedStep(Case k) {
        Derivation d = k.derivation();
        Forms f = FromSymbolic.spec(d, null).bound();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            double x = (i % 2 == 0 ? 1 : -1) * Math.pow(10, rnd.nextDouble(-30, 30));
            if (!d.domain().contains(x)) x = -x;
            double c = i < 2 ? (i == 0 ? 1 : -1) * SmallShift.BOUND : rnd.nextDouble(-SmallShift.BOUND, SmallShift.BOUND);
            double small = InterpretedMirrorMap.eval(f.smallShiftStep(), x, new double[] {c});
            double fused = InterpretedMirrorMap.eval(f.fusedStep(), x, new double[] {c});
            double beta = d.parameterValues().getOrDefault("beta", 1.0);
            double terms = Math.abs(x) * Math.cosh(c) + (d.domain().lower() < 0 ? Math.hypot(x, beta) * Math.abs(Math.sinh(c)) : 0);
            assertEquals(fused, small, 0x1p-50 * terms, k + " at x = " + x + ", c = " + c);
        }
    }

    static FloatBuffer direct(float[] a) {
        FloatBuffer b = ByteBuffer.allocateDirect(4 * a.length).order(ByteOrder.nativeOrder()).asFloatBuffer();
        b.put(a).flip();
        return b;
    }
}
