package org.bregman.codegen;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.HighPrecision;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.Printer;
import org.junit.jupiter.api.Test;

/**
 * erf, added as one function definition, end to end: ψ(w) = w erf(w) + e^(−w²)/√π derives to ψ' = erf(w)
 * and ψ'' = 2/√π e^(−w²) (strictly convex), inverts in closed form (erfinv), and the compiled class, the
 * interpreter and the vector kernel agree with each other and with 32-digit references.
 */
class ErfEndToEndTest {

    static final Expr W = var("w");

    static Derivation derivation() {
        PotentialSpec spec = PotentialSpec.of("ErfPotential", List.of(), "w",
                add(mul(W, call(Func.ERF, W)), div(exp(neg(pow(W, num(2)))), sqrt(pi()))));
        return Derivation.derive(spec, Map.of());
    }

    @Test
    void derivesConvexWithAClosedFormInverse() {
        Derivation d = derivation();
        assertEquals("erf(w)", Printer.print(d.grad()));
        assertTrue(d.inverse().isClosedForm(), "erfinv is erf's inverse");
        assertNull(d.checkConvexity(), "ψ'' = 2/√π e^(−w²) > 0 is proved");
    }

    @Test
    void compiledInterpreterAndVectorKernelAgreeWithReferences() {
        KernelSpec spec = FromSymbolic.spec(derivation(), null);
        MirrorMap compiled = Optimizers.compileScalar(spec, JaninoCompiler.shared(), msg -> fail(msg));
        MirrorMap interpreted = new InterpretedMirrorMap(spec);
        List<String> reports = new ArrayList<>();
        MirrorMap vector = VectorKernels.wrap(spec, compiled, reports::add);
        assertNotSame(compiled, vector, reports.toString());
        Random r = new Random(11);
        for (int k = 0; k < 300; k++) {
            double w = r.nextGaussian() * 2;
            BigDecimal bw = new BigDecimal(w);
            double erf = HighPrecision.erf(bw).doubleValue();
            CompiledVsInterpreterTest.assertBits(interpreted.grad(w), compiled.grad(w), "grad", w);
            CompiledVsInterpreterTest.assertBits(interpreted.psi(w), compiled.psi(w), "psi", w);
            assertEquals(erf, compiled.grad(w), 16 * Math.ulp(erf) + Double.MIN_VALUE, "erf(" + w + ")");
            double z = Math.tanh(r.nextGaussian());
            CompiledVsInterpreterTest.assertBits(interpreted.inverse(z), compiled.inverse(z), "inverse", z);
            double erfinv = HighPrecision.erfinv(new BigDecimal(z)).doubleValue();
            // erfinv's condition number: √π/2 e^(x²) · z/x
            assertEquals(erfinv, compiled.inverse(z), 1e-14 * Math.exp(erfinv * erfinv) * Math.max(1, Math.abs(erfinv)), "erfinv(" + z + ")");
        }
        int n = 1003;
        float[] w1 = new float[n];
        float[] g = new float[n];
        for (int k = 0; k < n; k++) {
            w1[k] = (float) (3 * r.nextDouble() - 1.5); // erf(w) within ±0.97: the step stays in (−1, 1)
            g[k] = (float) r.nextGaussian();
        }
        float[] start = w1.clone();
        float[] w2 = w1.clone();
        float[] w3 = w1.clone();
        float lr = 0.005f;
        assertEquals(-1, compiled.step(w1, g, lr));
        assertEquals(-1, interpreted.step(w2, g, lr));
        assertEquals(-1, vector.step(w3, g, lr));
        KernelsTest.assertUlps(w1, w3, 1, "vector vs scalar step");
        for (int k = 0; k < n; k++) {
            assertEquals(Float.floatToRawIntBits(w2[k]), Float.floatToRawIntBits(w1[k]), "interpreted vs compiled step at " + k);
        }
        // the step against the reference: w ← erfinv(z), z = (float) erf(w) − lr·g in float as generated
        for (int k = 0; k < 200; k++) {
            float x = start[k];
            float zf = (float) compiled.grad(x) - lr * g[k];
            float expected = HighPrecision.erfinv(new BigDecimal(zf)).floatValue();
            assertEquals(expected, w1[k], Math.ulp(expected), "step at " + k + " from " + x);
        }
    }
}
