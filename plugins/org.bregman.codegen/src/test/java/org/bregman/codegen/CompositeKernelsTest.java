package org.bregman.codegen;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.RealInterval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Non-separable kernels (the p-norm potential ½‖w‖_q² of seed 000, and F(S) = S + S²/2 of S = Σ cosh(w_j) with a numeric
 * scalar equation): the compiled, interpreted and vector coordinate passes against a double-precision reference written
 * out here, ∇ψ(w)_j = sign(w_j)|w_j|^(q−1)/‖w‖_q^(q−2) and its inverse, the same map with p = q/(q − 1).
 */
class CompositeKernelsTest {

    static PotentialSpec pNorm() {
        return new PotentialSpec("PNorm", List.of(new PotentialSpec.Parameter("q", 3)), "w", RealInterval.REALS,
                mul(num(0.5), pow(pow(var("S"), div(num(1), var("q"))), num(2))), null, null)
                .withReduction("S", pow(abs(var("w")), var("q")));
    }

    /** The reference gradient of ½‖w‖_q², in double. */
    static double[] reference(double[] w, double q) {
        double s = 0;
        for (double x : w) s += Math.pow(Math.abs(x), q);
        double norm = Math.pow(s, 1 / q);
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) out[j] = Math.signum(w[j]) * Math.pow(Math.abs(w[j]), q - 1) / Math.pow(norm, q - 2);
        return out;
    }

    static MirrorMap compile(PotentialSpec spec, double q, Optimizers.Mode mode, Optimizers.Options options, String kind) {
        Optimizers.Mode old = Optimizers.setMode(mode);
        try {
            MirrorMap m = Optimizers.compile(CompositeDerivation.derive(spec, spec.parameters().isEmpty() ? Map.of() : Map.of("q", q)), null,
                    options);
            assertFalse(m.separable());
            assertTrue(Optimizers.kernelKind(m).contains(kind), Optimizers.kernelKind(m));
            return m;
        } finally {
            Optimizers.setMode(old);
        }
    }

    @ParameterizedTest
    @CsvSource({"1.5", "3"})
    void compiledInterpretedAndVectorKernelsAgreeWithTheReference(double q) {
        MirrorMap[] maps = {compile(pNorm(), q, Optimizers.Mode.COMPILED_ONLY, Optimizers.Options.SCALAR, "scalar"),
            compile(pNorm(), q, Optimizers.Mode.INTERPRETED_ONLY, Optimizers.Options.SCALAR, "interpreter"),
            compile(pNorm(), q, Optimizers.Mode.COMPILED_ONLY, Optimizers.Options.DEFAULT, "vector")};
        double p = q / (q - 1);
        Random r = new Random(5);
        int d = 1000;
        for (int rep = 0; rep < 5; rep++) {
            double[] w = new double[d], z = new double[d], g = new double[d];
            for (int j = 0; j < d; j++) {
                w[j] = r.nextGaussian();
                z[j] = r.nextGaussian();
                g[j] = r.nextGaussian();
            }
            double[] grad = reference(w, q), inv = reference(z, p);
            double sq = 0;
            for (double x : w) sq += Math.pow(Math.abs(x), q);
            float lr = 0.05f;
            for (MirrorMap m : maps) {
                String kind = Optimizers.kernelKind(m);
                double[] out = new double[d];
                m.grad(w, out);
                for (int j = 0; j < d; j++) assertEquals(grad[j], out[j], 1e-12 * (1 + Math.abs(grad[j])), kind + " grad " + j);
                m.inverse(z, out);
                for (int j = 0; j < d; j++) assertEquals(inv[j], out[j], 1e-12 * (1 + Math.abs(inv[j])), kind + " inverse " + j);
                assertEquals(0.5 * Math.pow(sq, 2 / q), m.psi(w), 1e-12 * m.psi(w), kind + " psi");
                m.inverse(grad, out);
                for (int j = 0; j < d; j++) assertEquals(w[j], out[j], 1e-11 * (1 + Math.abs(w[j])), kind + " inverse(grad(w))");
                // the float32 step (two reductions around the compiled coordinate pass) and the compensated double one
                float[] wf = new float[d], gf = new float[d], lo = new float[d];
                for (int j = 0; j < d; j++) {
                    wf[j] = (float) w[j];
                    gf[j] = (float) g[j];
                }
                float[] wc = wf.clone();
                double[] wd = new double[d];
                for (int j = 0; j < d; j++) wd[j] = wf[j];
                double[] zf = reference(wd, q);
                for (int j = 0; j < d; j++) zf[j] -= (double) lr * gf[j];
                double[] nextF = reference(zf, p);
                assertEquals(-1, m.step(wf, gf, lr), kind);
                assertEquals(-1, m.stepCompensated(wc, lo, 0, gf, 0, d, lr), kind);
                for (int j = 0; j < d; j++) {
                    assertEquals(nextF[j], wf[j], 2e-6 * (1 + Math.abs(nextF[j])), kind + " step " + j);
                    assertEquals(nextF[j], (double) wc[j] + lo[j], 1e-12 * (1 + Math.abs(nextF[j])), kind + " compensated step " + j);
                }
            }
        }
    }

    @Test
    void bregmanDivergenceIsTheDefinition() {
        MirrorMap m = compile(pNorm(), 3, Optimizers.Mode.COMPILED_ONLY, Optimizers.Options.DEFAULT, "vector");
        double[] w = {0.5, -1, 2}, v = {1, 0.25, -0.5};
        double[] gv = reference(v, 3);
        double lin = 0;
        for (int j = 0; j < 3; j++) lin += gv[j] * (w[j] - v[j]);
        double expected = m.psi(w) - m.psi(v) - lin;
        assertEquals(expected, m.bregman(w, v), 1e-14);
        assertEquals(expected, m.bregman(new float[] {0.5f, -1, 2}, new float[] {1, 0.25f, -0.5f}), 1e-14);
        assertTrue(m.inverseIsClosedForm());
    }

    /** The exported jar alone (its own runtime classes, no others) creates the potential under its name, for other q too. */
    @Test
    void theExportedJarCreatesThePotentialAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path jar = tmp.resolve("pnorm.jar");
        JarExporter.export(List.of(), List.of(JarExporter.Composite.of(CompositeDerivation.derive(pNorm(), Map.of()), null)), jar);
        try (java.net.URLClassLoader l = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> factory = l.loadClass("org.bregman.runtime.MirrorMapFactory"), map = l.loadClass("org.bregman.runtime.MirrorMap");
            Object found = null;
            for (Object f : (List<?>) l.loadClass("org.bregman.runtime.MirrorMaps").getMethod("factories", ClassLoader.class).invoke(null, l)) {
                if ("PNorm".equals(factory.getMethod("name").invoke(f))) found = f;
            }
            assertNotNull(found, "PNorm is registered");
            for (double q : new double[] {3, 1.5}) {
                Object m = factory.getMethod("create", Map.class).invoke(found, Map.of("q", q));
                double[] w = {0.5, -1, 2}, out = new double[3], expected = reference(w, q);
                map.getMethod("grad", double[].class, double[].class).invoke(m, w, out);
                for (int j = 0; j < 3; j++) assertEquals(expected[j], out[j], 1e-12 * (1 + Math.abs(expected[j])));
                double[] back = new double[3];
                map.getMethod("inverse", double[].class, double[].class).invoke(m, out, back);
                for (int j = 0; j < 3; j++) assertEquals(w[j], back[j], 1e-12);
                // at the exported binding g is specialised ((g')⁻¹ closed form); other q use the general class, whose (g')⁻¹
                // for a symbolic q is the numeric solve
                assertEquals(q == 3, map.getMethod("inverseIsClosedForm").invoke(m));
            }
        }
    }

    /** g = cosh, F = S + S²/2: no closed form, the scalar equation is solved by bisection on S. */
    @ParameterizedTest
    @CsvSource({"COMPILED_ONLY", "INTERPRETED_ONLY"})
    void aGeneralCompositeInvertsItsGradient(Optimizers.Mode mode) {
        PotentialSpec spec = PotentialSpec.of("CoshSum", List.of(), "w", add(var("S"), div(pow(var("S"), num(2)), num(2))))
                .withReduction("S", call(Func.COSH, var("w")));
        MirrorMap m = compile(spec, 0, mode, Optimizers.Options.SCALAR, mode == Optimizers.Mode.COMPILED_ONLY ? "scalar" : "interpreter");
        assertFalse(m.inverseIsClosedForm());
        double[] w = {0.3, -1.2, 2.0, 0.0, -0.7}, out = new double[5], back = new double[5];
        double s = 0;
        for (double x : w) s += Math.cosh(x);
        m.grad(w, out);
        for (int j = 0; j < 5; j++) assertEquals((s + 1) * Math.sinh(w[j]), out[j], 1e-13 * (1 + Math.abs(out[j])));
        m.inverse(out, back);
        for (int j = 0; j < 5; j++) assertEquals(w[j], back[j], 1e-12, "inverse(grad(w)) at " + j);
    }
}
