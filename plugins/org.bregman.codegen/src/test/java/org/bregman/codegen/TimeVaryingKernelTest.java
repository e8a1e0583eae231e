package org.bregman.codegen;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.TimeVaryingMirrorMap;
import org.bregman.symbolic.Condition;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.PotentialSpec.Parameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kernels of time-varying potentials psi(w; t): the compiled class and the interpreter against a double-precision
 * reference (the symbolic derivation bound at each time), and against each other bit for bit.
 */
class TimeVaryingKernelTest {

    static final Expr W = var("w");
    static final Expr T = var("t");
    static final Expr B = var("b");

    /** (1 + t)·w²/2 + b·w: closed-form inverse (z − b)/(1 + t). */
    static PotentialSpec scaled() {
        return PotentialSpec.of("Scaled", List.of(new Parameter("b", 0.5)), "w", add(div(mul(add(num(1), T), pow(W, num(2))), num(2)), mul(B, W)))
                .withTime("t");
    }

    /** Hyperbolic entropy with scale β(t) = b·exp(−t) (Woodworth et al.'s potential at a shrinking scale): closed form. */
    static PotentialSpec shrinkingHyperbolic() {
        Expr beta = mul(B, exp(neg(T)));
        return PotentialSpec.of("ShrinkingHyperbolic", List.of(new Parameter("b", 2, new Condition.Compare(B, Condition.Op.GT, num(0)))), "w",
                sub(mul(W, call(Func.ASINH, div(W, beta))), sqrt(add(pow(W, num(2)), pow(beta, num(2)))))).withTime("t");
    }

    /** w⁴/4 + (1 + t)·w²/2: ψ' = w³ + (1 + t)w has no closed-form inverse here (numeric). */
    static PotentialSpec quartic() {
        return PotentialSpec.of("QuarticT", List.of(), "w", add(div(pow(W, num(4)), num(4)), div(mul(add(num(1), T), pow(W, num(2))), num(2))))
                .withTime("t");
    }

    static List<PotentialSpec> potentials() {
        return List.of(scaled(), shrinkingHyperbolic(), quartic(), halvingHyperbolic());
    }

    @AfterEach
    void restoreMode() {
        Optimizers.setMode(Optimizers.Mode.FALLBACK);
    }

    private static TimeVaryingMirrorMap build(PotentialSpec spec, Optimizers.Mode mode) {
        Optimizers.Mode old = Optimizers.setMode(mode);
        try {
            MirrorMap m = Optimizers.compile(Derivation.derive(spec, Map.of()), null);
            assertInstanceOf(TimeVaryingMirrorMap.class, m, spec.name() + " in mode " + mode);
            return (TimeVaryingMirrorMap) m;
        } finally {
            Optimizers.setMode(old);
        }
    }

    private static Derivation at(PotentialSpec spec, double t) {
        return Derivation.derive(spec, Map.of("t", t));
    }

    @ParameterizedTest
    @MethodSource("potentials")
    void scalarMethodsAtEachTimeMatchTheDerivation(PotentialSpec spec) {
        TimeVaryingMirrorMap compiled = build(spec, Optimizers.Mode.COMPILED_ONLY);
        TimeVaryingMirrorMap interpreted = build(spec, Optimizers.Mode.INTERPRETED_ONLY);
        assertEquals("t", compiled.time());
        SplittableRandom r = new SplittableRandom(11);
        for (double t : new double[] {0, 0.3, 1, 4.5}) {
            Derivation ref = at(spec, t);
            MirrorMap c = compiled.at(t), i = interpreted.at(t);
            assertEquals(t, c.parameters().get("t"));
            for (int k = 0; k < 50; k++) {
                double w = r.nextDouble(-3, 3);
                close(ref.psi(w), c.psi(w), 1e-12, spec.name() + " psi(" + w + "; " + t + ")");
                close(ref.grad(w), c.grad(w), 1e-12, spec.name() + " grad(" + w + "; " + t + ")");
                close(ref.hessian(w), c.hessian(w), 1e-12, spec.name() + " hessian(" + w + "; " + t + ")");
                double z = ref.grad(w);
                close(w, c.inverse(z), 1e-10, spec.name() + " inverse at " + t);
                assertEquals(c.psi(w), i.psi(w), spec.name() + ": compiled and interpreted psi differ");
                assertEquals(c.grad(w), i.grad(w));
                assertEquals(c.inverse(z), i.inverse(z));
            }
        }
        // at t = 0 the map is the potential at the start
        assertEquals(compiled.at(0).grad(1.25), compiled.grad(1.25));
    }

    /** One step from t0 to t1: z = ψ'(w; t0) − lr·g, w ← (ψ'(·; t1))⁻¹(z), against the same formula in double. */
    @ParameterizedTest
    @MethodSource("potentials")
    void stepBetweenTwoTimesMatchesTheDoubleReference(PotentialSpec spec) {
        TimeVaryingMirrorMap compiled = build(spec, Optimizers.Mode.COMPILED_ONLY);
        TimeVaryingMirrorMap interpreted = build(spec, Optimizers.Mode.INTERPRETED_ONLY);
        SplittableRandom r = new SplittableRandom(5);
        int n = 257;
        for (double[] times : new double[][] {{0, 0.1}, {0.7, 1.9}, {3, 3}}) {
            Derivation from = at(spec, times[0]), to = at(spec, times[1]);
            float[] w = new float[n], g = new float[n];
            for (int j = 0; j < n; j++) {
                w[j] = (float) r.nextDouble(-2, 2);
                g[j] = (float) r.nextDouble(-1, 1);
            }
            float lr = 0.05f;
            float[] wc = w.clone(), wi = w.clone();
            FloatBuffer wb = FloatBuffer.wrap(w.clone());
            assertEquals(-1, compiled.between(times[0], times[1]).step(wc, g, lr));
            assertEquals(-1, interpreted.between(times[0], times[1]).step(wi, g, lr));
            assertEquals(-1, compiled.between(times[0], times[1]).step(wb, FloatBuffer.wrap(g), lr));
            for (int j = 0; j < n; j++) {
                double ref = to.inverse(from.grad(w[j]) - (double) lr * g[j]);
                close(ref, wc[j], 2e-5, spec.name() + " step " + times[0] + " → " + times[1] + " at w = " + w[j]);
                assertEquals(wc[j], wi[j], spec.name() + ": compiled and interpreted steps differ at " + j);
                assertEquals(wc[j], wb.get(j), spec.name() + ": array and buffer steps differ at " + j);
            }
            // the compensated step (double precision) against the same reference
            float[] hi = w.clone(), lo = new float[n];
            assertEquals(-1, compiled.between(times[0], times[1]).stepCompensated(hi, lo, 0, g, 0, n, lr));
            for (int j = 0; j < n; j++) {
                double ref = to.inverse(from.grad(w[j]) - (double) lr * g[j]);
                close(ref, (double) hi[j] + lo[j], 1e-10, spec.name() + " compensated step at w = " + w[j]);
            }
        }
    }

    /**
     * The vector kernel of a time-varying potential (the times in fields, broadcast as the scalar class's float code
     * reads them) against the scalar class's step between the same two times: ≤ 1 ulp per coordinate (KernelsTest's
     * tolerance: the Vector API's functions), on arrays with a tail and on direct buffers; at t = 0 fixed, too.
     */
    @ParameterizedTest
    @MethodSource("closedForm")
    void vectorStepBetweenTwoTimesAgreesWithTheScalarStep(PotentialSpec spec) {
        assertTrue(VectorKernels.available(), "the tests run with --add-modules jdk.incubator.vector");
        Derivation d = Derivation.derive(spec, Map.of());
        TimeVaryingMirrorMap scalar = (TimeVaryingMirrorMap) Optimizers.compile(d, null, Optimizers.Options.SCALAR);
        List<String> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Consumer<String> listener = reports::add;
        Optimizers.addListener(listener);
        MirrorMap v;
        try {
            v = Optimizers.compile(d, null, Optimizers.Options.DEFAULT);
        } finally {
            Optimizers.removeListener(listener);
        }
        assertTrue(Optimizers.kernelKind(v).startsWith("vector"), spec.name() + ": " + Optimizers.kernelKind(v) + " " + reports);
        TimeVaryingMirrorMap vector = assertInstanceOf(TimeVaryingMirrorMap.class, v);
        // asked for threads, it says that it steps on one
        String threaded = Optimizers.kernelKind(Optimizers.compile(d, null, new Optimizers.Options(true, 2)));
        assertTrue(threaded.startsWith("vector") && threaded.contains("one thread"), threaded);
        assertEquals("t", vector.time());
        int n = 1003;
        SplittableRandom r = new SplittableRandom(21);
        float[] w = new float[n], g = new float[n];
        for (int j = 0; j < n; j++) {
            w[j] = (float) r.nextDouble(-2, 2);
            g[j] = (float) r.nextDouble(-1, 1);
        }
        // lr 0.05: shifts up to 0.05, past the small-shift bound 2^-5 (the fused step); lr 0.01: all within it
        for (float lr : new float[] {0.05f, 0.01f})
        for (double[] times : new double[][] {{0, 0.1}, {0.7, 1.9}, {3, 3}, {0, 0}}) {
            float[] ws = w.clone(), wv = w.clone();
            MirrorMap sb = times[1] == 0 ? scalar : scalar.between(times[0], times[1]);
            MirrorMap vb = times[1] == 0 ? vector : vector.between(times[0], times[1]);
            assertEquals(-1, sb.step(ws, g, lr));
            assertEquals(-1, vb.step(wv, g, lr));
            KernelsTest.assertUlps(ws, wv, 1, spec.name() + " " + times[0] + " → " + times[1] + " at lr " + lr);
            FloatBuffer wd = KernelsTest.direct(w), gd = KernelsTest.direct(g);
            assertEquals(-1, vb.step(wd, gd, lr));
            float[] wdv = new float[n];
            wd.get(0, wdv);
            assertArrayEquals(wv, wdv, spec.name() + ": the vector step on arrays and on direct buffers differ");
            assertEquals(sb.grad(0.75), vb.grad(0.75), "the vector step's other methods are the scalar class's");
        }
    }

    /** The example's hyperbolic entropy at the scale β(t) = b·(1 + 1/(1 + t)): its step has a closed-form inverse. */
    static PotentialSpec halvingHyperbolic() {
        Expr beta = mul(B, add(num(1), div(num(1), add(num(1), T))));
        return PotentialSpec.of("HalvingHyperbolic", List.of(new Parameter("b", 0.25, new Condition.Compare(B, Condition.Op.GT, num(0)))), "w",
                sub(mul(W, call(Func.ASINH, div(W, beta))), sqrt(add(pow(W, num(2)), pow(beta, num(2)))))).withTime("t");
    }

    /**
     * The hyperbolic entropy's step between two times is fused as the fixed potential's is:
     * β₁·sinh(asinh(w/β₀) − c) = (β₁/β₀)·(w·cosh c − sqrt(w² + β₀²)·sinh c), its times the fields p0, p1.
     */
    @org.junit.jupiter.api.Test
    void theHyperbolicStepBetweenTwoTimesIsFused() {
        KernelSpec k = FromSymbolic.spec(Derivation.derive(halvingHyperbolic(), Map.of()), null);
        assertTrue(k.bound().fused(), "the potential fixed at t = 0");
        assertTrue(k.step().fused(), "the step between two times");
        String source = MirrorMapTemplate.generateKernelOnly(k);
        String between = source.substring(source.indexOf("class Between"));
        assertFalse(between.contains("Math.asinh"), "no asinh left in the step between two times");
        // β(p0), β(p1) and what depends on them alone are computed once per step, before the loop
        assertTrue(between.contains("double k0 = "), between);
        String step = between.substring(between.indexOf("public int step(float[]"));
        assertTrue(step.indexOf("double k0 = ") < step.indexOf("for (int i = 0;"), step);
        // and divided by in no coordinate's step (multiplied by its reciprocal, itself computed once)
        String loop = step.substring(step.indexOf("for (int i = 0;"), step.indexOf("return bad;"));
        assertFalse(loop.matches("(?s).*/ k\\d.*"), loop);
        assertFalse(FromSymbolic.spec(Derivation.derive(scaled(), Map.of()), null).step().fused(), "nothing to fuse in (z − b)/(1 + t)");
        // and, as the fixed step, a small-shift form on double lanes that the vector kernel picks chunk by chunk
        assertNotNull(k.step().smallShiftStep());
        String vector = VectorKernels.generateSource(k);
        assertTrue(vector.substring(vector.indexOf("class Between")).contains("private int smallShiftRun("), vector);
    }

    static List<PotentialSpec> closedForm() {
        return List.of(scaled(), halvingHyperbolic());
    }

    private static void close(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(expected - actual) <= rel * Math.max(1, Math.abs(expected)), what + ": expected " + expected + ", got " + actual);
    }
}
