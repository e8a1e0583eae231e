package org.bregman.codegen;

import static org.bregman.codegen.FusedCompositeStepTest.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.FloatBuffer;
import java.util.Random;
import org.bregman.runtime.CompositeMirrorMap;
import org.bregman.runtime.CompositePasses;
import org.bregman.runtime.MirrorMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sums of the fused p-norm passes with their terms on float lanes ({@link CompositeVectorTemplate}): within the
 * stated bound of the double sum, and where float terms overflow (|y|^1.5 above 4.9e25, |w|³ above 6.9e12) or underflow
 * (tiny weights, all zeros) the exact sum with double terms, so that the step still meets the double reference. Weights
 * and gradients are scaled by a power of two c: the step of ½‖w‖_q² is homogeneous (step(c·w, c·g) = c·step(w, g)),
 * so the tolerance 2e-6·(c + |w'_j|) is that of {@link FusedCompositeStepTest} at c = 1.
 */
class FloatTermSumsTest {

    /**
     * The relative error bound of a sum of float terms |v|^e (e whole or half-integral): the term's roundings, each a
     * factor (1 + δ), |δ| ≤ 2⁻²⁴, then the double accumulation (1e-13 covers it below 10⁶ terms) and the terms under the
     * normal floats (2⁻⁴⁹ at most, by the exact-sum threshold).
     */
    static double bound(double e) {
        return bound(e, 0);
    }

    /** {@link #bound(double)} with {@code more} roundings per term. */
    static double bound(double e, int more) {
        if (!PowerText.onFloats(e)) return 1e-13; // double terms
        return Math.pow(1 + 0x1p-24, PowerText.roundings(e) + more) - 1 + 0x1p-49 + 1e-13;
    }

    /**
     * Σ|y_j|^p in double from the values pass A wrote, sign(y)·|y|^e ({@link CompositePasses#writtenPower()}): a written
     * root h = ∘√|y| stands for |y| = h² (within 2·2⁻²⁴ relative, so its term |h|^(p/e) within 3·2⁻²⁴ for q = 3).
     */
    static double dualSum(CompositePasses passes, float[] written, double p) {
        return doubleSum(written, p / passes.writtenPower());
    }

    /** The roundings a written root adds to |y|^p from it: (1 + δ)³ against the pass's own term. */
    static int rootRoundings(CompositePasses passes) {
        return passes.writtenPower() == 1 ? 0 : 2;
    }

    static double doubleSum(float[] w, double e) {
        double s = 0;
        for (float x : w) s += Math.pow(Math.abs((double) x), e);
        return s;
    }

    static float[] scaled(float[] a, float c) {
        float[] b = a.clone();
        for (int j = 0; j < b.length; j++) b[j] *= c;
        return b;
    }

    /**
     * Pass A's sum is Σ|y_j|^p of the values it wrote (y_j or their roots) and pass B's Σ|w_j|^q of the weights it
     * wrote, within their bounds (float terms) or 1e-13 (double terms: q = 2.5's p = 5/3); pass B's is the fresh reduction
     * of its weights bit for bit.
     */
    @ParameterizedTest
    @CsvSource({"1.5", "2.5", "3"})
    void theSumsAreWithinTheirBoundAndPassBsIsTheReduction(double q) {
        CompositePasses passes = fused(q).passes();
        double p = q / (q - 1);
        Random r = new Random(11);
        for (int n : new int[] {1, 16, 31, 100, 1000, 4101}) {
            float[] w = draw(r, n, true), g = draw(r, n, false);
            int[] bad = {7};
            double dual = passes.dualPass(w, 0, g, 0, n, 0.01f, bad);
            assertEquals(-1, bad[0]);
            double refDual = dualSum(passes, w, p);
            assertEquals(refDual, dual, bound(p, rootRoundings(passes)) * refDual, "dual sum, n = " + n);
            bad[0] = 7;
            double sum = passes.primalPass(w, 0, n, 0.9, bad);
            assertEquals(-1, bad[0]);
            assertEquals(passes.powerSum(w, 0, n), sum, 0.0, "n = " + n);
            double ref = doubleSum(w, q);
            assertEquals(ref, sum, bound(q) * ref, "n = " + n);
        }
    }

    /**
     * What q = 3/2's pass B rests on (its term |w|·v for |w|·∘√|w|, w = ±∘(v²)): ∘√(∘(v·v)) = v for every float v of
     * [1, 4), every mantissa at both exponent parities, so for every v whose square is a normal float (scaling by 4^k is
     * exact); and below, v in [2⁻⁶⁴, 2⁻⁶²) across the edge of the normal squares, both terms are equal (0 under 2⁻⁶³).
     */
    @Test
    void theRoundedRootOfARoundedSquareIsTheFloat() {
        for (float v = 1; v < 4; v = Math.nextUp(v)) {
            float a = v * v;
            if ((float) Math.sqrt(a) != v) fail("sqrt(" + v + "²) = " + (float) Math.sqrt(a));
        }
        for (float v = 0x1p-64f; v < 0x1p-62f; v = Math.nextUp(v)) {
            float a = v * v;
            float byRoot = a * (float) Math.sqrt(a), bySquare = a * v;
            if (Float.floatToRawIntBits(byRoot) != Float.floatToRawIntBits(bySquare)) fail("v = " + v + ": " + byRoot + " against " + bySquare);
        }
    }

    /** The bound is tight enough to say something: two float roundings, 2·2⁻²⁴ for q = 1.5 and 3. */
    @Test
    void theBoundOfQ3IsTwoFloatRoundings() {
        assertEquals(2, PowerText.roundings(3));
        assertEquals(2, PowerText.roundings(1.5));
        assertEquals(3, PowerText.roundings(2.5));
        assertFalse(PowerText.onFloats(5.0 / 3));
        assertTrue(bound(3) < 2.01 * 0x1p-24, "bound " + bound(3));
    }

    /**
     * Weights whose float terms overflow (c = 2⁵⁰ for q = 3: |y|^1.5 and |w|³ beyond Float.MAX_VALUE, y and w finite;
     * c = 2¹⁰⁰ for q = 1.5) or underflow (c = 2⁻⁵⁰: |w|³ near 2⁻¹⁵⁰; c = 2⁻⁹⁰ for q = 1.5): the sums are the double
     * sums within 1e-13, the step is the reference step, the stepper steps as the map and a direct buffer as an array.
     */
    @ParameterizedTest
    @CsvSource({"3, 50, 1003", "3, -50, 1003", "1.5, 100, 1003", "1.5, -90, 1003", "3, 50, 37", "1.5, -90, 37"})
    void termsOutsideTheFloatsTakeTheExactSums(double q, int exponent, int n) {
        CompositeMirrorMap m = fused(q);
        CompositePasses passes = m.passes();
        float c = (float) Math.scalb(1.0, exponent);
        Random r = new Random(n + exponent);
        float[] w = scaled(draw(r, n, true), c);
        double refSum = doubleSum(w, q);
        assertTrue(refSum > 0 && refSum < Double.POSITIVE_INFINITY);
        assertEquals(refSum, passes.powerSum(w, 0, n), 1e-13 * refSum, "reduction");
        assertEquals(refSum, passes.powerSum(direct(w)), 1e-13 * refSum, "reduction of a buffer");
        float[] y = w.clone(), g = scaled(draw(r, n, false), c);
        int[] bad = {7};
        double dual = passes.dualPass(y, 0, g, 0, n, LR, bad);
        assertEquals(-1, bad[0]);
        double refDual = dualSum(passes, y, q / (q - 1));
        assertEquals(refDual, dual, 1e-13 * refDual, "dual sum");

        MirrorMap stepper = m.stepper();
        float[] ws = w.clone(), wm = w.clone();
        for (int step = 0; step < 3; step++) {
            float[] gs = scaled(draw(r, n, false), c);
            double[] expected = referenceStep(ws, gs, q);
            assertEquals(-1, stepper.step(ws, gs, LR));
            assertEquals(-1, m.step(wm, gs, LR));
            assertArrayEquals(wm, ws, "stepper, step " + step);
            for (int j = 0; j < n; j++) {
                assertTrue(Float.isFinite(ws[j]));
                assertEquals(expected[j], ws[j], 2e-6 * (c + Math.abs(expected[j])), "step " + step + ", coordinate " + j);
            }
            FloatBuffer wb = direct(wm), gb = direct(gs);
            float[] wa = wm.clone(), got = new float[n];
            assertEquals(m.step(wa, gs, -LR), m.step(wb, gb, -LR));
            wb.get(got);
            assertArrayEquals(wa, got, "buffer, step " + step);
        }
    }

    /** All zeros: the sums are 0 (the exact sums confirm it), and a zero vector steps in double as before. */
    @ParameterizedTest
    @CsvSource({"1.5, 1003", "3, 1003", "3, 5"})
    void zerosSumToZero(double q, int n) {
        CompositePasses passes = fused(q).passes();
        float[] w = new float[n];
        assertEquals(0.0, passes.powerSum(w, 0, n), 0.0);
        int[] bad = {7};
        assertEquals(0.0, passes.dualPass(w, 0, new float[n], 0, n, LR, bad), 0.0);
        assertEquals(-1, bad[0]);
        assertEquals(0.0, passes.primalPass(w, 0, n, 1.0, bad), 0.0);
        assertEquals(-1, bad[0]);
    }

    /**
     * A real divergence (y overflows) is still reported at its coordinate: in the scalar head before the first aligned
     * vector, in the blocks, after them and in the tail; from an offset; for q = 1.5 and 3.
     */
    @ParameterizedTest
    @CsvSource({"3, 0", "3, 11", "3, 12", "3, 40", "3, 970", "3, 1002", "1.5, 0", "1.5, 500", "1.5, 1001"})
    void aDivergenceIsReportedWhereItHappened(double q, int at) {
        CompositeMirrorMap m = fused(q);
        for (int offset : new int[] {0, 5}) {
            float[] w = draw(new Random(at), 1003 + offset, false), g = new float[1003 + offset];
            g[offset + at] = Float.MAX_VALUE;
            float[] copy = w.clone();
            assertEquals(at, m.step(w, offset, g, offset, 1003, -10f), "offset " + offset);
            assertEquals(at, m.stepper().step(copy, offset, g, offset, 1003, -10f), "stepper, offset " + offset);
        }
    }
}
