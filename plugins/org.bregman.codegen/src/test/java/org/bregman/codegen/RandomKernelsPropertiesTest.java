package org.bregman.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.CheckFinding;
import org.bregman.symbolic.RandomPotentials;
import org.bregman.symbolic.RandomPotentials.Case;

/**
 * The symbolic suite's random potentials (those that pass the checks) through the three kernels: the
 * compiled class and the interpreter agree bitwise on ψ, ψ', ψ'', the inverse and the float step; the
 * vector kernel's step is within 1 ulp of the scalar one; and the compiled ψ' agrees with the
 * derivation's double evaluation (the reference the symbolic suite checks in 32 digits).
 */
class RandomKernelsPropertiesTest {

    @Provide
    Arbitrary<Case> potentials() {
        return RandomPotentials.potentials();
    }

    private static boolean same(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b) || (Double.isNaN(a) && Double.isNaN(b));
    }

    @Property(tries = 150, seed = "20261126")
    void compiledInterpretedAndVectorKernelsAgree(@ForAll("potentials") Case c) {
        Optional<Derivation> derived = c.derivation();
        Assume.that(derived.isPresent());
        Derivation d = derived.get();
        Assume.that(d.check().stream().noneMatch(CheckFinding::isError));
        KernelSpec spec = FromSymbolic.spec(d, null);
        MirrorMap compiled = Optimizers.compileScalar(spec, JaninoCompiler.shared(), msg -> { throw new AssertionError(msg); });
        MirrorMap interpreted = new InterpretedMirrorMap(spec);
        MirrorMap vector = VectorKernels.wrap(spec, compiled, msg -> { });
        Statistics.collect(vector == compiled ? "scalar only" : "vector");
        SplittableRandom rnd = c.pointStream();
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < 8; i++) xs.add(c.samplePoint(rnd, 1.2));
        for (double x : xs) {
            String at = c.source() + " at w = " + x;
            if (!same(compiled.psi(x), interpreted.psi(x)) || !same(compiled.grad(x), interpreted.grad(x))
                    || !same(compiled.hessian(x), interpreted.hessian(x))) {
                throw new AssertionError("compiled and interpreted differ: " + at);
            }
            double g = compiled.grad(x);
            if (!same(g, d.grad(x)) && Math.abs(g - d.grad(x)) > 1e-12 * (1 + Math.abs(g))) {
                throw new AssertionError("compiled ψ' " + g + " vs derivation " + d.grad(x) + ": " + at);
            }
            if (Double.isFinite(g) && !same(compiled.inverse(g), interpreted.inverse(g))) {
                throw new AssertionError("inverse differs: " + at);
            }
        }
        int n = 37;
        float[] w = new float[n], gr = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (double) xs.get(i % xs.size()) * (1 + i / 100f);
            if (!compiled.domain().contains(w[i])) w[i] = Math.abs(w[i]);
            gr[i] = (float) rnd.nextDouble(-1, 1);
        }
        float[] a = w.clone(), b = w.clone(), v = w.clone();
        int ra = compiled.step(a, gr, 0.01f), rb = interpreted.step(b, gr, 0.01f), rv = vector.step(v, gr, 0.01f);
        if (ra != rb || ra != rv) throw new AssertionError("first bad index " + ra + " / " + rb + " / " + rv + ": " + c.source());
        for (int i = 0; i < n; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i]) && !(Float.isNaN(a[i]) && Float.isNaN(b[i]))) {
                throw new AssertionError("step: compiled " + a[i] + " vs interpreted " + b[i] + " at " + i + ": " + c.source());
            }
            if (Math.abs(a[i] - v[i]) > Math.ulp(a[i]) && !(Float.isNaN(a[i]) && Float.isNaN(v[i]))) {
                throw new AssertionError("step: scalar " + a[i] + " vs vector " + v[i] + " at " + i + ": " + c.source());
            }
        }
    }
}
