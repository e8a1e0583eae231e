package org.bregman.codegen;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bregman.runtime.CompositeMirrorMap;
import org.bregman.runtime.CompositePasses;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.PotentialSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused two-pass float32 step of ½‖w‖_q² (issue 10) against a double-precision reference of the same step, the
 * four-pass step it replaces and itself carried by a stepper: q = 1.5 and 3, weights with zeros, lengths around the
 * lane count (tails), failing coordinates; a non-homogeneous composite keeps the generic path.
 *
 * <p>Tolerance against the reference: 2e-6·(1 + |w'_j|) per coordinate (as {@link CompositeKernelsTest}): the step
 * computes the dual value y_j in float32 (a few float ulps of max(|g'(w_j)|, |lr·g_j|), which the inverse's root turns
 * into a few ulps of w'_j, or about √ulp where y_j cancels to near 0), the sums from float terms within 2·2⁻²⁴ (q = 1.5
 * and 3; {@link FloatTermSumsTest}), which move the weights by at most (ε_S + ε_D)/3 ≤ (4/3)·2⁻²⁴ relative through mu
 * and the rate lr/F'(S) by ε_S/3, and one float32 rounding of mu = F'(S)/F'(S').
 */
class FusedCompositeStepTest {

    static final float LR = 0.05f;

    static CompositeMirrorMap fused(double q) {
        MirrorMap m = Optimizers.compile(CompositeDerivation.derive(CompositeKernelsTest.pNorm(), Map.of("q", q)), null, Optimizers.Options.DEFAULT);
        Assumptions.assumeTrue(VectorKernels.available(), "needs --add-modules jdk.incubator.vector");
        assertTrue(Optimizers.kernelKind(m).contains("fused vector passes"), Optimizers.kernelKind(m));
        return (CompositeMirrorMap) m;
    }

    /** Gaussian coordinates, every fifth one exactly 0. */
    static float[] draw(Random r, int n, boolean zeros) {
        float[] a = new float[n];
        for (int j = 0; j < n; j++) a[j] = zeros && j % 5 == 2 ? 0 : (float) r.nextGaussian();
        return a;
    }

    /** One step in double from the float32 point: ∇ψ(w) − lr·g, then the inverse (the map of ½‖z‖_p²). */
    static double[] referenceStep(float[] w, float[] g, double q) {
        double[] wd = new double[w.length];
        for (int j = 0; j < w.length; j++) wd[j] = w[j];
        double[] z = CompositeKernelsTest.reference(wd, q);
        for (int j = 0; j < w.length; j++) z[j] -= (double) LR * g[j];
        return CompositeKernelsTest.reference(z, q / (q - 1));
    }

    @ParameterizedTest
    @CsvSource({"1.5, 1", "1.5, 17", "1.5, 1003", "3, 15", "3, 16", "3, 33", "3, 4099", "1.5, 4099", "2.5, 17", "2.5, 1003"})
    void theFusedStepIsTheReferenceStepAndTheFourPassStep(double q, int n) {
        CompositeMirrorMap m = fused(q), four = m.withPasses(null);
        Random r = new Random(n);
        for (int rep = 0; rep < 4; rep++) {
            float[] w = draw(r, n, rep % 2 == 0), g = draw(r, n, false), w4 = w.clone();
            double[] expected = referenceStep(w, g, q);
            assertEquals(-1, m.step(w, g, LR));
            assertEquals(-1, four.step(w4, g, LR));
            for (int j = 0; j < n; j++) {
                assertEquals(expected[j], w[j], 2e-6 * (1 + Math.abs(expected[j])), "fused, coordinate " + j);
                assertEquals(w4[j], w[j], 4e-6 * (1 + Math.abs(w4[j])), "fused against four passes, coordinate " + j);
            }
        }
    }

    /**
     * A zero gradient is the inverse of the gradient through the fused passes: (∇ψ)⁻¹(∇ψ(w)) = w within the float32
     * error of y_j, of mu and of the inverse (a few float ulps per step, doubled by the square of q = 1.5's inverse):
     * 2e-6 relative after three steps; zeros stay zero.
     */
    @ParameterizedTest
    @CsvSource({"1.5, 1003", "3, 1003", "3, 9"})
    void aZeroGradientGivesTheSamePoint(double q, int n) {
        CompositeMirrorMap m = fused(q);
        float[] w = draw(new Random(17), n, true), w0 = w.clone();
        MirrorMap stepper = m.stepper();
        for (int step = 0; step < 3; step++) assertEquals(-1, stepper.step(w, new float[n], LR));
        for (int j = 0; j < n; j++) assertEquals(w0[j], w[j], 2e-6 * Math.abs(w0[j]), "coordinate " + j + " after 3 steps");
    }

    /** The stepper's steps are the map's, bit for bit, over many steps: its carried S is the fresh reduction's. */
    @ParameterizedTest
    @CsvSource({"1.5, 1003", "3, 4099", "3, 7"})
    void aStepperStepsBitForBitAsTheMap(double q, int n) {
        CompositeMirrorMap m = fused(q);
        MirrorMap stepper = m.stepper();
        assertNotSame(m, stepper);
        Random r = new Random(7);
        float[] w = draw(r, n, true), ws = w.clone();
        for (int step = 0; step < 30; step++) {
            float[] g = draw(r, n, false);
            float lr = step % 2 == 0 ? LR : -LR;
            assertEquals(m.step(w, g, lr), stepper.step(ws, g, lr));
            assertArrayEquals(w, ws, "step " + step);
        }
        // weights written from outside: forget() drops the carry, and then the step is the map's again
        for (int j = 0; j < n; j += 3) ws[j] = w[j] = 2 * w[j];
        stepper.forget();
        float[] g = draw(r, n, false);
        m.step(w, g, LR);
        stepper.step(ws, g, LR);
        assertArrayEquals(w, ws, "after forget()");
        // another array: the carry is for the range it was computed on only
        float[] other = w.clone();
        for (int j = 0; j < n; j++) other[j] *= 0.5f;
        float[] otherS = other.clone();
        m.step(other, g, LR);
        stepper.step(otherS, g, LR);
        assertArrayEquals(other, otherS, "another array");
    }

    /**
     * The sums take every finite float (terms in double: |x|³ of Float.MAX_VALUE is 3.9e115) and the smallest ones, in
     * the lanes and in the tail, within 1e-13 of the double sum.
     */
    @ParameterizedTest
    @CsvSource({"1.5", "3"})
    void theSumsTakeEveryFiniteFloat(double q) {
        CompositePasses passes = fused(q).passes();
        float[] extremes = {Float.MAX_VALUE, -Float.MIN_VALUE, 3e38f, Float.MIN_NORMAL, -1e-30f, 0, 7.5f, -Float.MAX_VALUE};
        for (boolean large : new boolean[] {true, false}) {
            float[] w = new float[37];
            for (int j = 0; j < w.length; j++) w[j] = large || Math.abs(extremes[j % 8]) < 1 ? extremes[j % 8] : 1e-20f * (j + 1);
            double ref = 0;
            for (float x : w) ref += Math.pow(Math.abs((double) x), q);
            assertTrue(Double.isFinite(ref));
            assertEquals(ref, passes.powerSum(w, 0, w.length), 1e-13 * ref, "large " + large);
        }
    }

    /** Off-heap parameter views (networks) take the same passes: the same weights, bit for bit, from a position on. */
    @ParameterizedTest
    @CsvSource({"1.5, 1003", "3, 4099", "3, 5"})
    void aDirectBufferStepsAsAnArray(double q, int n) {
        CompositeMirrorMap m = fused(q);
        Random r = new Random(13);
        float[] w = draw(r, n + 3, true), g = draw(r, n + 3, false);
        java.nio.FloatBuffer wb = direct(w), gb = direct(g);
        wb.position(3);
        gb.position(3);
        float[] expected = w.clone();
        assertEquals(m.step(expected, 3, g, 3, n, LR), m.step(wb, gb, LR));
        assertEquals(3, wb.position());
        float[] got = new float[n + 3];
        wb.duplicate().position(0).get(got);
        assertArrayEquals(expected, got);
        // a failing coordinate, relative to the position
        float[] huge = g.clone();
        huge[3 + n / 2] = Float.MAX_VALUE;
        assertEquals(n / 2, m.step(direct(w).position(3), direct(huge).position(3), -10f));
    }

    static java.nio.FloatBuffer direct(float[] a) {
        java.nio.FloatBuffer b = java.nio.ByteBuffer.allocateDirect(4 * a.length).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
        b.put(a).flip();
        return b;
    }

    /** A dual value that overflows is reported at its coordinate, in the lanes and in the tail. */
    @Test
    void aFailingCoordinateIsReportedWhereItFailed() {
        CompositeMirrorMap m = fused(3);
        for (int at : new int[] {5, 40, 1001}) {
            float[] w = draw(new Random(at), 1003, false), g = new float[1003];
            g[at] = Float.MAX_VALUE;
            float[] copy = w.clone();
            assertEquals(at, m.step(w, g, -10f));
            assertEquals(at, m.stepper().step(copy, g, -10f));
        }
    }

    /** At w = 0, F'(0) is infinite for q = 3: the step goes the double way, as before. */
    @Test
    void theZeroVectorStepsInDouble() {
        CompositeMirrorMap m = fused(3);
        float[] w = new float[21], g = draw(new Random(2), 21, false);
        double[] z = new double[21]; // ∇ψ(0) = 0
        for (int j = 0; j < 21; j++) z[j] = -(double) LR * g[j];
        double[] expected = CompositeKernelsTest.reference(z, 1.5);
        assertEquals(-1, m.stepper().step(w, g, LR));
        for (int j = 0; j < 21; j++) assertEquals(expected[j], w[j], 2e-6 * (1 + Math.abs(expected[j])));
    }

    /** g = cosh is not homogeneous: no fused passes, the double step, and a stepper is the map itself. */
    @Test
    void aNonHomogeneousCompositeKeepsTheGenericStep() {
        PotentialSpec spec = PotentialSpec.of("CoshSum", List.of(), "w", add(var("S"), div(pow(var("S"), num(2)), num(2))))
                .withReduction("S", call(Func.COSH, var("w")));
        CompositeMirrorMap m = (CompositeMirrorMap) Optimizers.compile(CompositeDerivation.derive(spec, Map.of()), null, Optimizers.Options.DEFAULT);
        assertNull(m.passes());
        assertSame(m, m.stepper());
        float[] w = draw(new Random(4), 9, true), g = draw(new Random(5), 9, false);
        double[] wd = new double[9], z = new double[9], expected = new double[9];
        for (int j = 0; j < 9; j++) wd[j] = w[j];
        m.grad(wd, z);
        for (int j = 0; j < 9; j++) z[j] -= (double) LR * g[j];
        m.inverse(z, expected);
        assertEquals(-1, m.step(w, g, LR));
        for (int j = 0; j < 9; j++) assertEquals((float) expected[j], w[j], 0f);
    }
}
