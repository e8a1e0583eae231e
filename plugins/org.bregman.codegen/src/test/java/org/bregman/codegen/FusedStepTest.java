package org.bregman.codegen;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.Map;
import java.util.SplittableRandom;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.RealInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused step ({@link Forms#fusedStep()}) of the compiled, interpreted and vector kernels against a double-precision
 * reference of the unfused step, ψ'⁻¹(ψ'(w) − c) with c = lr·g rounded to float as every kernel rounds it.
 * Stated accuracy: the negative entropy's {@code w·exp(−c)} within 1 ulp of the reference (float32 outputs) for
 * every w of the domain, subnormal to huge, c of both signs; the hyperbolic entropy's
 * {@code w·cosh c − sqrt(w² + β²)·sinh c} within 1 ulp plus an absolute {@code 2^-50·(|w| cosh c + sqrt(w² + β²) |sinh c|)}:
 * where the step lands near 0 the two terms cancel, and the bound is absolute there (the unfused double
 * reference, which rounds asinh(w/β) − c, is no better than that either).
 */
class FusedStepTest {

    record Case(String label, Derivation derivation) {
        @Override public String toString() { return label; }

        /**
         * The case's kernels, compiled: the scalar class and its vector kernel, whose kind must contain {@code kind};
         * {@code form} is the form the test is about (it must exist).
         */
        Kernels kernels(java.util.function.Function<Forms, ?> form, String kind) {
            KernelSpec spec = FromSymbolic.spec(derivation, null);
            assertNotNull(form.apply(spec.bound()), label + " has the form under test");
            MirrorMap scalar = Optimizers.compileScalar(spec, JaninoCompiler.shared(), msg -> fail(msg));
            List<String> reports = new ArrayList<>();
            MirrorMap vector = VectorKernels.wrap(spec, scalar, reports::add);
            assertTrue(Optimizers.kernelKind(vector).startsWith("vector") && Optimizers.kernelKind(vector).contains(kind), reports.toString());
            return new Kernels(spec, scalar, vector);
        }
    }

    record Kernels(KernelSpec spec, MirrorMap scalar, MirrorMap vector) {
    }

    static List<Case> cases() {
        PotentialSpec own = PotentialSpec.of("MyEntropy", List.of(), "w", mul(var("w"), log(var("w")))).withDomain(RealInterval.POSITIVE);
        return List.of(new Case("NegEntropy", Derivation.derive(SymbolicPipelineTest.negEntropy(), Map.of())),
                new Case("w log w", Derivation.derive(own, Map.of())),
                new Case("HyperbolicEntropy beta = 1", Derivation.derive(SymbolicPipelineTest.hyperbolic(), Map.of())),
                new Case("HyperbolicEntropy beta = 0.01", Derivation.derive(SymbolicPipelineTest.hyperbolic(), Map.of("beta", 0.01))),
                new Case("HyperbolicEntropy beta = 100", Derivation.derive(SymbolicPipelineTest.hyperbolic(), Map.of("beta", 100.0))));
    }

    static final int N = 20_000;

    /**
     * Coordinates over the whole float range of the domain (subnormal to 1e38) and steps c = lr·g of both signs, 1e-9 …
     * 30; for a domain of both signs every 13th step lands near 0 (c ≈ ψ'(w), where a two-term step cancels).
     */
    static float[][] data(Derivation d, long seed, float lr) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] w = new float[N];
        float[] g = new float[N];
        for (int i = 0; i < N; i++) {
            float m = i % 97 == 0 ? Float.MIN_VALUE * (1 + rnd.nextInt(1000)) : (float) Math.pow(10, rnd.nextDouble(-37, 38));
            w[i] = d.domain().contains(-m) && rnd.nextBoolean() ? -m : m;
            g[i] = (float) ((rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextDouble(-9, 1.5)));
            if (i % 13 == 0 && d.domain().lower() < 0) g[i] = (float) (d.grad(w[i]) / lr);
        }
        return new float[][] {w, g};
    }

    /** The allowed distance from the reference: 1 ulp, plus the absolute cancellation bound for a two-term step. */
    static double tolerance(Derivation d, float w, float c, double reference) {
        double ulp = Math.ulp((float) reference);
        if (d.domain().lower() == 0) return ulp; // the entropies of w > 0: w·exp(−c), no cancellation
        double beta = d.parameterValues().getOrDefault("beta", 1.0);
        double terms = Math.abs(w) * Math.cosh(c) + Math.hypot(w, beta) * Math.abs(Math.sinh(c));
        return ulp + 0x1p-50 * terms;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void kernelsAreWithinTheStatedBoundOfTheUnfusedStep(Case k) {
        Derivation d = k.derivation();
        Kernels ks = k.kernels(Forms::fusedStep, "vector");
        MirrorMap scalar = ks.scalar(), vector = ks.vector();
        MirrorMap interpreted = new InterpretedMirrorMap(ks.spec());
        float lr = 0.5f;
        float[][] data = data(d, 11, lr);
        float[] ws = data[0].clone();
        float[] wv = data[0].clone();
        float[] wi = data[0].clone();
        int bad = scalar.step(ws, data[1], lr); // some steps overflow (w = 1e38, c = −30)
        assertEquals(bad, interpreted.step(wi, data[1], lr));
        assertEquals(bad, vector.step(wv, data[1], lr));
        assertWithinBound(k, data, lr, ws, wv, "", i -> assertEquals(Float.floatToRawIntBits(ws[i]), Float.floatToRawIntBits(wi[i]),
                k + ": compiled == interpreted at " + data[0][i] + ", c = " + lr * data[1][i]));
    }

    /**
     * Each coordinate's compiled (ws) and vector (wv) step within the stated bound of the unfused step in double, after
     * {@code each} (the caller's own check of coordinate i); an overflowing reference must overflow in both. Prints the
     * worst error, as a fraction of the bound and in ulps.
     */
    static void assertWithinBound(Case k, float[][] data, float lr, float[] ws, float[] wv, String label, IntConsumer each) {
        Derivation d = k.derivation();
        double worst = 0;
        double worstUlps = 0;
        for (int i = 0; i < data[0].length; i++) {
            float w = data[0][i];
            float c = lr * data[1][i];
            double reference = d.inverse(d.grad(w) - c);
            each.accept(i);
            if (Math.abs(reference) > Float.MAX_VALUE) {
                assertTrue(Float.isInfinite(ws[i]) && Float.isInfinite(wv[i]), k + ": overflow at " + w + ", c = " + c);
                continue;
            }
            double tol = tolerance(d, w, c, reference);
            String at = k + " at w = " + w + ", c = " + c + ": reference " + reference;
            assertTrue(Math.abs(ws[i] - reference) <= tol, at + ", compiled " + ws[i]);
            assertTrue(Math.abs(wv[i] - reference) <= tol, at + ", vector " + wv[i]);
            double err = Math.max(Math.abs(ws[i] - reference), Math.abs(wv[i] - reference));
            worst = Math.max(worst, err / tol);
            worstUlps = Math.max(worstUlps, err / Math.ulp((float) reference));
        }
        System.out.printf("%s%s: worst error %.3f of the stated bound, %.3g ulps%n", k, label, worst, worstUlps);
    }

    /** The first bad index is the unfused step's: w outside the domain, a non-finite shift, a non-finite result. */
    @Test
    void badCoordinatesAreReportedAsBefore() {
        KernelSpec spec = FromSymbolic.spec(Derivation.derive(SymbolicPipelineTest.negEntropy(), Map.of()), null);
        MirrorMap scalar = Optimizers.compileScalar(spec, JaninoCompiler.shared(), msg -> fail(msg));
        MirrorMap vector = VectorKernels.wrap(spec, scalar, msg -> { });
        MirrorMap interpreted = new InterpretedMirrorMap(spec);
        MirrorMap unfused = new InterpretedMirrorMap(KernelSpec.of("Unfused", "", withoutFusion(spec.bound())));
        // (w, g) at one coordinate, every other coordinate steps well
        float[][] cases = {{0f, 0.1f}, {-1f, 0.1f}, {Float.NaN, 0.1f}, {Float.POSITIVE_INFINITY, 0.1f}, {1.5f, Float.NaN},
                {1.5f, Float.POSITIVE_INFINITY}, {1.5f, Float.NEGATIVE_INFINITY}, {1.5f, -1e30f}, {1.5f, 1e30f}, {Float.MIN_VALUE, 0.1f}};
        for (int at : new int[] {0, 5, 17, 33}) {
            for (float[] bad : cases) {
                float[] w = new float[40];
                float[] g = new float[40];
                java.util.Arrays.fill(w, 1.5f);
                java.util.Arrays.fill(g, 0.1f);
                w[at] = bad[0];
                g[at] = bad[1];
                int expected = unfused.step(w.clone(), g, 1f);
                String what = "w = " + bad[0] + ", g = " + bad[1];
                assertEquals(expected, scalar.step(w.clone(), g, 1f), "compiled, " + what);
                assertEquals(expected, interpreted.step(w.clone(), g, 1f), "interpreted, " + what);
                assertEquals(expected, vector.step(w.clone(), g, 1f), "vector, " + what);
                // w·exp(−1e30) = 0 and a subnormal w are fine, as exp(log w − c) is
                assertEquals(bad[1] == 1e30f || bad[0] == Float.MIN_VALUE ? -1 : at, expected, what);
            }
        }
    }

    static Forms withoutFusion(Forms f) {
        return new Forms(f.psi(), f.grad(), f.hessian(), f.inverse(), f.domain(), f.dual());
    }
}
