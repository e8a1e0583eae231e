package org.bregman.codegen;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bregman.runtime.MirrorMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernel and the multi-threaded stepping against the scalar class. Tolerance: ≤ 1 ulp
 * per coordinate (arithmetic, abs, sqrt, copySign are bitwise the same; exp/log/… come from the
 * Vector API's functions: on double lanes, or on float lanes where the function gives the result).
 */
class KernelsTest {

    static List<KernelSpec> specs() {
        return HandDerived.all();
    }

    static float[][] data(MirrorMap m, int n, long seed) {
        Random r = new Random(seed);
        float[] w = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            double s = Math.exp(r.nextGaussian() * 2);
            w[i] = (float) (m.domain().lower() == 0 ? s : (r.nextBoolean() ? s : -s));
            g[i] = (float) r.nextGaussian();
        }
        return new float[][] {w, g};
    }

    static void assertUlps(float[] expected, float[] actual, int maxUlps, String what) {
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            if (Float.floatToRawIntBits(e) == Float.floatToRawIntBits(a)) continue;
            if (Float.isNaN(e) && Float.isNaN(a)) continue;
            assertTrue(Math.abs(e - a) <= maxUlps * Math.ulp(e), what + " at " + i + ": " + e + " vs " + a);
        }
    }

    static FloatBuffer direct(float[] a) {
        return ByteBuffer.allocateDirect(4 * a.length).order(ByteOrder.nativeOrder()).asFloatBuffer().put(a).flip();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void vectorKernelAgreesWithScalarWithin1Ulp(KernelSpec spec) {
        assertTrue(VectorKernels.available(), "the tests run with --add-modules jdk.incubator.vector");
        List<String> reports = new ArrayList<>();
        MirrorMap scalar = Optimizers.compileScalar(spec, JaninoCompiler.shared(), msg -> fail(msg));
        MirrorMap vec = VectorKernels.wrap(spec, scalar, reports::add);
        if (spec.bound().numericInverse()) {
            assertSame(scalar, vec);
            assertTrue(reports.get(0).contains("numeric inverse"), reports.toString());
            return;
        }
        assertTrue(Optimizers.kernelKind(vec).startsWith("vector ("), Optimizers.kernelKind(vec) + " " + reports);
        for (int n : new int[] {1, 7, 8, 33, 10_001}) {
            float[][] d = data(scalar, n + 5, n);
            float[] ws = d[0].clone();
            float[] wv = d[0].clone();
            int bs = scalar.step(ws, 3, d[1], 5, n, 0.05f);
            int bv = vec.step(wv, 3, d[1], 5, n, 0.05f);
            assertEquals(bs, bv, "first bad index");
            assertUlps(ws, wv, 1, spec.name() + " array n=" + n);
            FloatBuffer wb = direct(d[0]);
            FloatBuffer gb = direct(d[1]);
            wb.position(3);
            gb.position(5);
            FloatBuffer wb2 = direct(d[0]);
            wb2.position(3);
            wb.limit(3 + n);
            wb2.limit(3 + n);
            assertEquals(bs, vec.step(wb, gb, 0.05f));
            assertEquals(bs, scalar.step(wb2, gb, 0.05f));
            assertEquals(3, wb.position(), "positions unchanged");
            float[] back = new float[n + 5];
            wb.clear();
            wb.get(back);
            float[] back2 = new float[n + 5];
            wb2.clear();
            wb2.get(back2);
            assertUlps(back2, back, 1, spec.name() + " direct buffer n=" + n);
            assertUlps(ws, back2, 0, spec.name() + " scalar buffer vs array");
        }
    }

    @Test
    void vectorKernelReportsFirstBadIndex() {
        MirrorMap vec = Optimizers.compile(HandDerived.bounded());
        assertTrue(Optimizers.kernelKind(vec).startsWith("vector"), Optimizers.kernelKind(vec));
        float[] w = new float[40];
        float[] g = new float[40];
        g[21] = -1e6f;
        g[30] = -1e6f;
        assertEquals(21, vec.step(w, g, 1f));
    }

    /**
     * The elements before the first aligned vector (offset 0: the first 12 on 16 lanes, 4 on 8) and after the last one
     * go through the scalar step: a bad element there is still reported, and first, wherever the later ones lie.
     */
    @Test
    void vectorKernelReportsFirstBadIndexInTheHeadBeforeTheVectors() {
        MirrorMap vec = Optimizers.compile(HandDerived.bounded());
        int n = 100;
        for (int first : new int[] {1, 3, 40, 97}) {
            float[] w = new float[n];
            float[] g = new float[n];
            g[first] = -1e6f;
            for (int later = first + 1; later < n; later += 7) g[later] = -1e6f;
            assertEquals(first, vec.step(w.clone(), g, 1f), "array, first bad " + first);
            FloatBuffer wb = direct(w);
            assertEquals(first, vec.step(wb, direct(g), 1f), "direct buffer, first bad " + first);
        }
    }

    /**
     * Scalar kernels: parallel == one thread bit for bit, over three steps. Vector kernels: one step,
     * ≤ 1 ulp from the scalar one-thread result (as a vector kernel on one thread): the Vector API
     * computes exp/log/… by SVML once C2 has compiled the loop and lane by lane with Math before, so
     * two runs of the same vector kernel may pick different ones of the two floats around a value.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void parallelIsTheKernel(boolean vector) {
        for (KernelSpec spec : List.of(HandDerived.qnorm(3), HandDerived.negEntropy(), HandDerived.bounded())) {
            MirrorMap one = Optimizers.compile(spec, new Optimizers.Options(false, 1));
            MirrorMap four = Optimizers.compile(spec, new Optimizers.Options(vector, 4));
            assertTrue(Optimizers.kernelKind(four).endsWith("x 4 threads"), Optimizers.kernelKind(four));
            int n = ParallelMirrorMap.MIN_PARALLEL * 3 + 17;
            float[][] d = data(one, n, 5);
            if (spec.name().equals("Bounded")) d[1][n - 100] = -1e7f; // one coordinate leaves (-1, 1)
            float[] w1 = d[0].clone();
            float[] w4 = d[0].clone();
            int steps = vector ? 1 : 3;
            int ulps = vector ? 1 : 0;
            for (int rep = 0; rep < steps; rep++) {
                assertEquals(one.step(w1, d[1], 0.01f), four.step(w4, d[1], 0.01f));
            }
            assertUlps(w1, w4, ulps, spec.name());
            FloatBuffer b1 = direct(d[0]);
            FloatBuffer b4 = direct(d[0]);
            FloatBuffer gb = direct(d[1]);
            assertEquals(one.step(b1, gb, 0.01f), four.step(b4, gb, 0.01f));
            float[] a1 = new float[n];
            float[] a4 = new float[n];
            b1.get(a1);
            b4.get(a4);
            assertUlps(a1, a4, ulps, spec.name() + " buffers");
        }
    }
}
