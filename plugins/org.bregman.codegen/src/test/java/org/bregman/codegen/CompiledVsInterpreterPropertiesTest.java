package org.bregman.codegen;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.FloatRange;
import org.bregman.runtime.MirrorMap;

/**
 * Property-based version of the agreement check (jqwik, 300 tries each): for the spec potentials
 * derived by the symbolic engine, the compiled class and the interpreter agree to the last bit.
 */
class CompiledVsInterpreterPropertiesTest {

    static final List<KernelSpec> SPECS = SymbolicPipelineTest.bound().stream().map(d -> FromSymbolic.spec(d, null)).toList();
    static final List<MirrorMap> COMPILED = SPECS.stream()
            .map(s -> Optimizers.compileScalar(s, JaninoCompiler.shared(), msg -> { throw new AssertionError(msg); })).toList();
    static final List<MirrorMap> INTERPRETED = SPECS.stream().map(s -> (MirrorMap) new InterpretedMirrorMap(s)).toList();

    static boolean same(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    @Property(tries = 300)
    boolean scalarMethodsAgreeBitwise(@ForAll @DoubleRange(min = -50, max = 50) double w, @ForAll @DoubleRange(min = 0.01, max = 20) double v) {
        for (int k = 0; k < SPECS.size(); k++) {
            MirrorMap c = COMPILED.get(k);
            MirrorMap i = INTERPRETED.get(k);
            double x = c.domain().contains(w) ? w : Math.abs(w) + 1e-3;
            if (!same(c.psi(x), i.psi(x)) || !same(c.grad(x), i.grad(x)) || !same(c.hessian(x), i.hessian(x))
                    || !same(c.inverse(c.grad(x)), i.inverse(i.grad(x))) || !same(c.bregman(x, v), i.bregman(x, v))) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 300)
    boolean stepAgreesBitwise(@ForAll @FloatRange(min = 0.01f, max = 30f) float w, @ForAll @FloatRange(min = -5, max = 5) float g,
            @ForAll @FloatRange(min = 0.01f, max = 0.5f) float lr) {
        for (int k = 0; k < SPECS.size(); k++) {
            float[] a = {w, -w};
            float[] b = {w, -w};
            float[] gs = {g, g};
            if (COMPILED.get(k).domain().lower() == 0) {
                a[1] = b[1] = w * 2;
            }
            if (COMPILED.get(k).step(a, gs, lr) != INTERPRETED.get(k).step(b, gs, lr)) return false;
            if (Float.floatToRawIntBits(a[0]) != Float.floatToRawIntBits(b[0]) || Float.floatToRawIntBits(a[1]) != Float.floatToRawIntBits(b[1])) {
                return false;
            }
        }
        return true;
    }

}
