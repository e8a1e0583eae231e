package org.bregman.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Method;

import org.bregman.runtime.MirrorMap;
import org.junit.jupiter.api.Test;

/** {@link JaninoCompiler#compileReusing}: bindings that differ only in their numbers share one compile, bit for bit as their own. */
class CompileReusingTest {

    private static MirrorMap instance(JaninoCompiler.Unit u, KernelSpec s) throws Exception {
        return (MirrorMap) u.load(Optimizers.className(s)).getDeclaredConstructor().newInstance();
    }

    @Test
    void twoBindingsShareOneShapeAndComputeWhatTheirOwnSourcesCompute() throws Exception {
        JaninoCompiler jc = new JaninoCompiler(getClass().getClassLoader());
        KernelSpec a = HandDerived.qnorm(3.3), b = HandDerived.qnorm(3.7);
        String sa = MirrorMapTemplate.generateKernelOnly(a), sb = MirrorMapTemplate.generateKernelOnly(b);
        JaninoCompiler.Unit ua = jc.compileReusing(sa), ub = jc.compileReusing(sb);
        assertSame(ua.bytecodes(), ub.bytecodes()); // one Janino compile for both
        assertNotSame(ua.loader(), ub.loader());
        assertSame(ua, jc.compileReusing(sa));
        for (KernelSpec s : new KernelSpec[] {a, b}) {
            String src = MirrorMapTemplate.generateKernelOnly(s);
            MirrorMap reused = instance(jc.compileReusing(src), s);
            MirrorMap own = instance(new JaninoCompiler(getClass().getClassLoader()).compile(src), s);
            assertEquals(own.parameters(), reused.parameters());
            for (double x : new double[] {-3.5, -1, -1e-3, 0, 0.25, 1.7, 42}) {
                assertEquals(Double.doubleToRawLongBits(own.psi(x)), Double.doubleToRawLongBits(reused.psi(x)), "psi " + x);
                assertEquals(Double.doubleToRawLongBits(own.grad(x)), Double.doubleToRawLongBits(reused.grad(x)), "grad " + x);
                assertEquals(Double.doubleToRawLongBits(own.hessian(x)), Double.doubleToRawLongBits(reused.hessian(x)), "hessian " + x);
                assertEquals(Double.doubleToRawLongBits(own.inverse(x)), Double.doubleToRawLongBits(reused.inverse(x)), "inverse " + x);
            }
            float[] w1 = {0.5f, -1.25f, 3f, 1e-3f, -7f}, w2 = w1.clone(), g = {0.1f, -0.2f, 0.3f, 0.05f, -1f};
            assertEquals(own.step(w2, g, 0.1f), reused.step(w1, g, 0.1f));
            assertArrayEquals(w2, w1);
        }
    }

    @Test
    void literalsInStringsAndCommentsStayAndFloatsStayFloats() throws Exception {
        String src = """
                package p;
                /** q = 2.5 in a comment */
                public final class Lits {
                    static final String S = "1.5 and 2e3f";
                    public static float f(float x) { return x * 0.1f + 1e-3f; } // 0.1f * x
                    public static double d(double x) { return x * 0.1 - 2.5E-7 + 3d + (double) (float) 0.1; }
                    public static String s() { return S + " " + 7.25; }
                }
                """;
        HoistedLiterals h = HoistedLiterals.of(src);
        assertArrayEquals(new double[] {0.1f, 1e-3f, 0.1, 2.5e-7, 3, 0.1, 7.25}, h.values());
        Class<?> c = new JaninoCompiler(getClass().getClassLoader()).compileReusing(src).load("p.Lits");
        Method f = c.getMethod("f", float.class), d = c.getMethod("d", double.class);
        assertEquals(Float.floatToRawIntBits(0.37f * 0.1f + 1e-3f), Float.floatToRawIntBits((float) f.invoke(null, 0.37f)));
        assertEquals(Double.doubleToRawLongBits(0.37 * 0.1 - 2.5E-7 + 3d + (double) (float) 0.1),
                Double.doubleToRawLongBits((double) d.invoke(null, 0.37)));
        assertEquals("1.5 and 2e3f 7.25", c.getMethod("s").invoke(null));
    }

    @Test
    void aSourceWithoutAClassIsCompiledAsItIs() throws Exception {
        String src = "package p; public interface I { double X = 1.5; }";
        assertNull(HoistedLiterals.of(src).shape());
        assertEquals(1.5, new JaninoCompiler(getClass().getClassLoader()).compileReusing(src).load("p.I").getField("X").get(null));
    }
}
