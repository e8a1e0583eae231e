package org.bregman.codegen;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.Condition;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.PotentialSpec.Parameter;
import org.bregman.symbolic.RealInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole path from the symbolic module's derivations to compiled classes, for the spec's potentials. */
class SymbolicPipelineTest {

    static final Expr W = var("w");
    static final Expr Q = var("q");
    static final Expr BETA = var("beta");

    static PotentialSpec qnorm() {
        return PotentialSpec.of("QNorm", List.of(new Parameter("q", 3, new Condition.Compare(Q, Condition.Op.GT, num(1)))), "w",
                div(pow(abs(W), Q), Q));
    }

    static PotentialSpec negEntropy() {
        return PotentialSpec.of("NegEntropy", List.of(), "w", sub(mul(W, log(W)), W)).withDomain(RealInterval.POSITIVE);
    }

    static PotentialSpec hyperbolic() {
        return PotentialSpec.of("HyperbolicEntropy", List.of(new Parameter("beta", 1, new Condition.Compare(BETA, Condition.Op.GT, num(0)))),
                "w", sub(mul(W, call(Func.ASINH, div(W, BETA))), sqrt(add(pow(W, num(2)), pow(BETA, num(2))))));
    }

    static PotentialSpec smoothed() {
        return PotentialSpec.of("SmoothedHomogeneous", List.of(new Parameter("q", 3, new Condition.Compare(Q, Condition.Op.GT, num(1))),
                new Parameter("beta", 0.1, new Condition.Compare(BETA, Condition.Op.GT, num(0)))), "w",
                div(pow(add(pow(W, num(2)), pow(BETA, num(2))), div(Q, num(2))), Q));
    }

    static PotentialSpec quartic() {
        return PotentialSpec.of("Quartic", List.of(), "w", add(div(pow(W, num(4)), num(4)), div(pow(W, num(2)), num(2))));
    }

    static List<Derivation> bound() {
        return List.of(Derivation.derive(qnorm(), Map.of()), Derivation.derive(qnorm(), Map.of("q", 2.0)),
                Derivation.derive(qnorm(), Map.of("q", 1.5)), Derivation.derive(qnorm(), Map.of("q", 2.5)),
                Derivation.derive(qnorm(), Map.of("q", 10.0)), Derivation.derive(negEntropy(), Map.of()),
                Derivation.derive(hyperbolic(), Map.of()), Derivation.derive(smoothed(), Map.of()),
                Derivation.derive(quartic(), Map.of()));
    }

    /** Compiled == interpreter to the last bit; compiled ≈ the symbolic derivation's own numbers (relative 1e-12; 1e-10 numeric inverse). */
    @ParameterizedTest
    @MethodSource("bound")
    void compiledAgreesWithInterpreterAndDerivation(Derivation d) {
        KernelSpec spec = FromSymbolic.spec(d, null);
        MirrorMap c = Optimizers.compileScalar(spec, JaninoCompiler.shared(), msg -> fail(msg));
        MirrorMap i = new InterpretedMirrorMap(spec);
        assertEquals(d.inverse().isClosedForm(), c.inverseIsClosedForm());
        Random r = new Random(7);
        for (int k = 0; k < 250; k++) {
            double w = Math.exp(r.nextGaussian());
            if (d.domain().lower() < 0 && r.nextBoolean()) w = -w;
            CompiledVsInterpreterTest.assertBits(i.psi(w), c.psi(w), "psi", w);
            CompiledVsInterpreterTest.assertBits(i.grad(w), c.grad(w), "grad", w);
            CompiledVsInterpreterTest.assertBits(i.hessian(w), c.hessian(w), "hessian", w);
            double z = c.grad(w);
            CompiledVsInterpreterTest.assertBits(i.inverse(z), c.inverse(z), "inverse", z);
            assertEquals(d.psi(w), c.psi(w), 1e-12 * Math.max(1, Math.abs(d.psi(w))), "psi vs derivation at " + w);
            assertEquals(d.grad(w), c.grad(w), 1e-12 * Math.max(1, Math.abs(d.grad(w))), "grad vs derivation at " + w);
            assertEquals(d.hessian(w), c.hessian(w), 1e-12 * Math.max(1, Math.abs(d.hessian(w))), "hessian vs derivation at " + w);
            double tol = c.inverseIsClosedForm() ? 1e-12 : 1e-10;
            assertEquals(d.inverse(z), c.inverse(z), tol * Math.max(1, Math.abs(w)), "inverse vs derivation at " + z);
            assertEquals(w, c.inverse(z), tol * Math.max(1, Math.abs(w)), "inverse(grad(w)) at " + w);
        }
    }

    /** The specialised class of QNorm(q) (the source up to its nested General class). */
    static String specialised(double q) {
        String src = Optimizers.generateSource(Derivation.derive(qnorm(), Map.of("q", q)), null);
        return src.substring(0, src.indexOf("class General"));
    }

    @Test
    void q3IsSpecialisedWithoutPow() {
        String specialised = specialised(3.0);
        assertFalse(specialised.contains("Math.pow"), specialised);
        assertTrue(specialised.contains("Math.sqrt"), specialised);
        // the general class may use pow for other q
        String src = Optimizers.generateSource(Derivation.derive(qnorm(), Map.of("q", 3.0)), null);
        assertTrue(src.substring(src.indexOf("class General")).contains("Math.pow"));
    }

    @Test
    void q25UsesSqrtAndCbrt() {
        String specialised = specialised(2.5);
        assertFalse(specialised.contains("Math.pow"), specialised);
        assertTrue(specialised.contains("Math.cbrt"), specialised);
        assertTrue(specialised.contains("Math.sqrt"), specialised);
    }

    @Test
    void aLiveCompileDerivesNoGeneralForm() {
        Derivation d = Derivation.derive(qnorm(), Map.of("q", 3.0));
        KernelSpec full = FromSymbolic.spec(d, null), live = FromSymbolic.kernelOnly(d, null);
        assertNotNull(full.general());
        assertNull(live.general());
        // the kernel-only source never reads it: the same source, the same cache entry
        assertEquals(MirrorMapTemplate.generateKernelOnly(full), MirrorMapTemplate.generateKernelOnly(live));
    }

    @Test
    void factoryChecksConstraintAndServesOtherValues() throws Exception {
        KernelSpec spec = FromSymbolic.spec(Derivation.derive(qnorm(), Map.of("q", 3.0)), null);
        JaninoCompiler.Unit u = JaninoCompiler.shared().compile(Optimizers.generateSource(spec));
        var factory = (org.bregman.runtime.MirrorMapFactory) u.load(Optimizers.className(spec) + "$Factory").getConstructor().newInstance();
        assertEquals("QNorm", factory.name());
        assertEquals(List.of("q"), factory.parameterNames());
        MirrorMap q25 = factory.create(Map.of("q", 2.5));
        Derivation d25 = Derivation.derive(qnorm(), Map.of("q", 2.5));
        assertEquals(d25.grad(0.7), q25.grad(0.7), 1e-14);
        assertEquals(0.7, q25.inverse(q25.grad(0.7)), 1e-14);
        var bad = assertThrows(IllegalArgumentException.class, () -> factory.create(Map.of("q", 0.5)));
        assertTrue(bad.getMessage().contains("q > 1"), bad.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> factory.create(Map.of("p", 2.0)));
        assertTrue(unknown.getMessage().contains("no parameter 'p'"), unknown.getMessage());
    }
}
