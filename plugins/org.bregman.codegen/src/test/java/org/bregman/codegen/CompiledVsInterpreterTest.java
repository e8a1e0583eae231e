package org.bregman.codegen;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import org.bregman.runtime.MirrorMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Janino-compiled class and the interpreter walk the same lowered trees, so they must agree to
 * the last bit (tolerance 0 ulp) on every scalar method and on the float step.
 */
class CompiledVsInterpreterTest {

    static java.util.List<KernelSpec> specs() {
        return HandDerived.all();
    }

    static double sample(MirrorMap m, Random r) {
        double lo = m.domain().lower();
        double scale = Math.exp(r.nextGaussian() * 2);
        return lo == 0 ? scale : (r.nextBoolean() ? scale : -scale);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void bitIdenticalAtRandomPoints(KernelSpec spec) {
        MirrorMap c = Optimizers.compileScalar(spec, JaninoCompiler.shared(), msg -> fail(msg));
        MirrorMap i = new InterpretedMirrorMap(spec);
        assertEquals("scalar", Optimizers.kernelKind(c));
        Random r = new Random(spec.name().hashCode());
        for (int k = 0; k < 300; k++) {
            double w = sample(c, r);
            double v = sample(c, r);
            assertBits(i.psi(w), c.psi(w), "psi", w);
            assertBits(i.grad(w), c.grad(w), "grad", w);
            assertBits(i.hessian(w), c.hessian(w), "hessian", w);
            double z = i.grad(w);
            assertBits(i.inverse(z), c.inverse(z), "inverse", z);
            assertBits(i.bregman(w, v), c.bregman(w, v), "bregman", w);
            // the inverse really inverts (relative 1e-10 numeric, 1e-12 closed form)
            // (skipped near the ends of a bounded dual domain, where the inverse is ill-conditioned)
            double tol = c.inverseIsClosedForm() ? 1e-12 : 1e-10;
            if (!c.dualDomain().isAllReals() && Math.abs(w) > 10) continue;
            assertEquals(w, c.inverse(z), tol * Math.max(1, Math.abs(w)), "inverse(grad(w)) at " + w);
        }
        int n = 1000;
        float[] w1 = new float[n];
        float[] g = new float[n];
        for (int k = 0; k < n; k++) {
            w1[k] = (float) sample(c, r);
            g[k] = (float) r.nextGaussian();
        }
        float[] w2 = w1.clone();
        FloatBuffer wb = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer().put(w1).flip();
        FloatBuffer gb = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer().put(g).flip();
        int b1 = c.step(w1, g, 0.01f);
        int b2 = i.step(w2, g, 0.01f);
        int b3 = c.step(wb, gb, 0.01f);
        assertEquals(b2, b1);
        assertEquals(b2, b3);
        for (int k = 0; k < n; k++) {
            assertEquals(Float.floatToRawIntBits(w2[k]), Float.floatToRawIntBits(w1[k]), "step at " + k);
            assertEquals(Float.floatToRawIntBits(w2[k]), Float.floatToRawIntBits(wb.get(k)), "buffer step at " + k);
        }
    }

    static void assertBits(double expected, double actual, String what, double at) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + " at " + at + ": interpreter " + expected + ", compiled " + actual);
    }
}
