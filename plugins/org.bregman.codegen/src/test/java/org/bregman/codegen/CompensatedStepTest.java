package org.bregman.codegen;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.bregman.runtime.MirrorMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MirrorMap#stepCompensated}: the double-float iterate {@code w + wLow} follows a double-precision
 * SMD iteration, for every kind of mirror map the code generator hands out (compiled scalar class,
 * Vector API wrapper, interpreter fallback, multi-threaded wrapper), with the {@code step} result contract.
 */
class CompensatedStepTest {

    static List<KernelSpec> specs() {
        return HandDerived.all();
    }

    static final int N = 257;
    static final int STEPS = 500;
    static final float LR = 1e-3f;

    /** Magnitudes in [0.5, 2] (positive where the domain is), so 500 steps of lr·|g| ~ 0.02 never reach 0. */
    static float[] start(MirrorMap m, Random r) {
        float[] w = new float[N];
        for (int i = 0; i < N; i++) {
            float s = (float) (0.5 + 1.5 * r.nextDouble());
            w[i] = m.domain().lower() == 0 || r.nextBoolean() ? s : -s;
        }
        return w;
    }

    static float[] gradient(Random r) {
        float[] g = new float[N];
        for (int i = 0; i < N; i++) g[i] = (float) r.nextGaussian();
        return g;
    }

    /**
     * Tolerance: relative 1e-12 per coordinate after 500 steps. Each step rounds the iterate to about
     * 48 bits (2⁻⁴⁸ ≈ 3.6e-15 relative), the double reference to 53; the difference grows at most
     * linearly in the steps (measured: 3e-14 to 1.1e-13, the largest for q = 10). The plain float32 step,
     * for contrast, is asserted to be more than 1e-7 away (measured: 1.9e-6 to 2.4e-5): the test tells the
     * two apart.
     */
    @ParameterizedTest
    @MethodSource("specs")
    void compensatedIterateFollowsTheDoublePrecisionIteration(KernelSpec spec) {
        MirrorMap scalar = Optimizers.compileScalar(spec, JaninoCompiler.shared(), msg -> fail(msg));
        assertEquals("scalar", Optimizers.kernelKind(scalar));
        List<MirrorMap> maps = List.of(scalar, new InterpretedMirrorMap(spec), VectorKernels.wrap(spec, scalar, msg -> { }),
                new ParallelMirrorMap(scalar, 3));
        Random r = new Random(spec.name().hashCode() + 31L * spec.values().hashCode());
        float[] w0 = start(scalar, r);
        double[] ref = new double[N];
        for (int i = 0; i < N; i++) ref[i] = w0[i];
        float[] plain = w0.clone();
        float[][] hi = new float[maps.size()][];
        float[][] lo = new float[maps.size()][];
        for (int k = 0; k < maps.size(); k++) {
            hi[k] = w0.clone();
            lo[k] = new float[N];
        }
        for (int t = 0; t < STEPS; t++) {
            float[] g = gradient(r);
            for (int i = 0; i < N; i++) ref[i] = scalar.inverse(scalar.grad(ref[i]) - (double) LR * g[i]);
            assertEquals(-1, scalar.step(plain, g, LR));
            for (int k = 0; k < maps.size(); k++) {
                assertEquals(-1, maps.get(k).stepCompensated(hi[k], lo[k], 0, g, 0, N, LR), spec.name() + " step " + t);
            }
        }
        double worst = 0;
        double worstPlain = 0;
        for (int i = 0; i < N; i++) {
            double scale = Math.abs(ref[i]);
            worst = Math.max(worst, Math.abs((double) hi[0][i] + lo[0][i] - ref[i]) / scale);
            worstPlain = Math.max(worstPlain, Math.abs(plain[i] - ref[i]) / scale);
            assertTrue(Math.abs(lo[0][i]) <= Math.ulp(hi[0][i]) / 2, "low word below half an ulp of the high word");
        }
        System.out.println(spec.name() + spec.values() + ": after " + STEPS + " steps, relative to double: compensated " + worst
                + ", plain float32 " + worstPlain);
        assertTrue(worst <= 1e-12, spec.name() + spec.values() + ": compensated vs double, relative " + worst);
        assertTrue(worstPlain > 1e-7, spec.name() + spec.values() + ": plain float32 vs double, relative " + worstPlain);
        // every implementation inherits the same default method over bit-identical grad/inverse: same bits
        for (int k = 1; k < maps.size(); k++) {
            assertArrayEquals(hi[0], hi[k], maps.get(k).getClass().getSimpleName());
            assertArrayEquals(lo[0], lo[k], maps.get(k).getClass().getSimpleName());
        }
    }

    @Test
    void offsetsAndTheWholeArrayAreRespected() {
        MirrorMap q3 = Optimizers.compile(HandDerived.qnorm(3), Optimizers.Options.SCALAR);
        float[] w = {9f, 0.5f, -2f, 1.25f, 9f};
        float[] lo = {7f, 0f, 0f, 0f, 7f};
        float[] g = {5f, 1f, 1f, -0.5f};
        assertEquals(-1, q3.stepCompensated(w, lo, 1, g, 1, 3, 0.1f));
        assertEquals(9f, w[0]);
        assertEquals(9f, w[4]);
        assertEquals(7f, lo[0]);
        assertEquals(7f, lo[4]);
        // q = 3: (ψ')⁻¹(z) = sign(z)·sqrt|z|; 0.5 → sqrt(0.25 − 0.1) = sqrt(0.15), to about 48 bits
        double lr = 0.1f;
        assertEquals(Math.sqrt(0.25 - lr), (double) w[1] + lo[1], 1e-14);
        assertEquals(-Math.sqrt(4 + lr), (double) w[2] + lo[2], 1e-14);
        assertEquals(Math.sqrt(1.5625 + lr / 2), (double) w[3] + lo[3], 1e-14);
        assertNotEquals(Math.sqrt(0.25 - lr), (double) w[1], 1e-14, "the low word carries bits the float lacks");
        assertThrows(IndexOutOfBoundsException.class, () -> q3.stepCompensated(w, new float[3], 1, g, 1, 3, 0.1f));
        assertThrows(IndexOutOfBoundsException.class, () -> q3.stepCompensated(w, lo, 1, g, 2, 3, 0.1f));
    }

    @Test
    void firstBadIndexOutsideTheDualDomainOrNotAFiniteFloat() {
        // ψ = sqrt(1 + w²): dual domain (−1, 1); a big gradient leaves it
        MirrorMap bounded = Optimizers.compile(HandDerived.bounded());
        float[] w = new float[40];
        float[] lo = new float[40];
        float[] g = new float[42];
        g[2 + 21] = -1e6f;
        g[2 + 30] = -1e6f;
        g[2 + 35] = 0.5f;
        assertEquals(21, bounded.stepCompensated(w, lo, 0, g, 2, 40, 1f));
        assertTrue(Float.isNaN(w[21]), "the failing coordinate is written (NaN outside the dual domain)");
        assertEquals(bounded.inverse(-0.5), w[35], 1e-7, "coordinates after the first bad one are still stepped");
        // relative to the offset
        assertEquals(19, bounded.stepCompensated(new float[45], new float[45], 5, g, 4, 38, 1f));
        // q = 1.5, (ψ')⁻¹(z) = z·|z|: 1e40 is finite in double but beyond Float.MAX_VALUE
        MirrorMap q15 = new InterpretedMirrorMap(HandDerived.qnorm(1.5));
        float[] v = {1f, 1f, 1f};
        assertEquals(1, q15.stepCompensated(v, new float[3], 0, new float[] {0f, -1e20f, -1e20f}, 0, 3, 1e20f));
        assertEquals(Float.POSITIVE_INFINITY, v[1]);
        MirrorMap q3 = new InterpretedMirrorMap(HandDerived.qnorm(3));
        // NaN gradient
        assertEquals(0, q3.stepCompensated(new float[] {1f}, new float[1], 0, new float[] {Float.NaN}, 0, 1, 0.1f));
        // all good
        assertEquals(-1, q3.stepCompensated(new float[] {1f, 2f}, new float[2], 0, new float[] {1f, 1f}, 0, 2, 0.1f));
    }
}
