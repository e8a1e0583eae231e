package org.bregman.codegen;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.MirrorMapFactory;
import org.bregman.symbolic.Condition;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.PotentialSpec.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafetyAndCacheTest {

    /** A potential named {@code name} with coordinate {@code coord} and one parameter {@code param}: |w|^p / p. */
    static KernelSpec hostile(String name, String coord, String param, String doc) {
        Expr w = var(coord);
        Expr p = var(param);
        PotentialSpec s = PotentialSpec.of(name, List.of(new Parameter(param, 3, new Condition.Compare(p, Condition.Op.GT, num(1)))), coord,
                div(pow(abs(w), p), p));
        return FromSymbolic.spec(Derivation.derive(s, Map.of()), doc);
    }

    static final String EVIL_DOC = "Ends early */ static { System.exit(3); } /* and \\u002a/ unicode-escaped close \\u000a"
            + " newline, a quote \" and backslash \\ , Greek ψ, emoji \uD83D\uDE00, @author x, <b>html</b>";

    @ParameterizedTest
    @ValueSource(strings = {"Math", "String", "class", "Object", "MirrorMap", "Bregman_QNorm", "Ünïcödé", "a$b"})
    void hostileNamesCompileAndWork(String name) throws Exception {
        KernelSpec spec = hostile(name, "double", "w", EVIL_DOC);
        String src = Optimizers.generateSource(spec);
        // no raw user text: the doc's comment terminators and unicode escapes are gone
        assertFalse(src.contains("*/ static"), src);
        assertFalse(src.contains("\\u002a"), src);
        assertFalse(src.contains("\\u000a"), src);
        assertFalse(src.contains("\uD83D"), src);
        assertFalse(src.contains("ψ"), src);
        assertEquals(1, count(src, "/**") - count(src, "/** "), "every doc comment starts cleanly");
        assertFalse(src.matches("(?s).*\\bclass " + java.util.regex.Pattern.quote(name) + "\\b.*"), "no class with the user's name");
        for (String line : src.split("\n")) {
            assertTrue(line.chars().allMatch(c -> c >= 32 && c < 127 || c == '\t'), "non-ASCII or control character in: " + line);
        }
        MirrorMap m = Optimizers.compileScalar(spec, JaninoCompiler.shared(), msg -> fail(msg));
        assertEquals("scalar", Optimizers.kernelKind(m));
        assertEquals(name, m.name());
        assertEquals(Map.of("w", 3.0), m.parameters());
        assertEquals(0.7 * 0.7, m.grad(0.7), 1e-15);
        assertEquals(0.7, m.inverse(m.grad(0.7)), 1e-15);
        JaninoCompiler.Unit u = JaninoCompiler.shared().compile(src);
        MirrorMapFactory f = (MirrorMapFactory) u.load(Optimizers.className(spec) + "$Factory").getConstructor().newInstance();
        assertEquals(name, f.name());
        assertEquals(List.of("w"), f.parameterNames());
        assertEquals(0.25, f.create(Map.of("w", 2.0)).psi(Math.sqrt(0.5) * 1.0), 1e-12 * 4);
    }

    static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
        return n;
    }

    @Test
    void classNamesAreInjectiveAndValid() {
        List<String> names = List.of("a_b", "a b", "a_x0020b", "a$b", "é", "Math");
        List<String> mangled = new ArrayList<>();
        for (String n : names) {
            String c = JavaText.className(n);
            assertTrue(c.matches("Bregman_[A-Za-z0-9_]*"), c);
            mangled.add(c);
        }
        assertEquals(names.size(), mangled.stream().distinct().count(), mangled.toString());
    }

    @Test
    void numbersArePrintedExactly() {
        Random r = new Random(3);
        for (int i = 0; i < 1000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(v)) continue;
            String lit = JavaText.doubleLiteral(v);
            assertEquals(v, Double.parseDouble(lit.replace("(", "").replace(")", "")), lit);
        }
        assertEquals("Double.NaN", JavaText.doubleLiteral(Double.NaN));
        assertEquals("Double.NEGATIVE_INFINITY", JavaText.doubleLiteral(Double.NEGATIVE_INFINITY));
        assertEquals("Float.POSITIVE_INFINITY", JavaText.floatLiteral(1e300));
        assertEquals("(-0.0)", JavaText.doubleLiteral(-0.0));
    }

    @Test
    void sameSourceSameClassNoRecompile() throws Exception {
        JaninoCompiler jc = new JaninoCompiler(SafetyAndCacheTest.class.getClassLoader());
        String src = Optimizers.generateSource(HandDerived.qnorm(3));
        JaninoCompiler.Unit a = jc.compile(src);
        JaninoCompiler.Unit b = jc.compile(new String(src.toCharArray()));
        assertSame(a, b);
        assertSame(a.load(Optimizers.className(HandDerived.qnorm(3))), b.load(Optimizers.className(HandDerived.qnorm(3))));
        assertEquals(1, jc.cacheSize());
        jc.compile(Optimizers.generateSource(HandDerived.qnorm(4)));
        assertEquals(2, jc.cacheSize());
        assertEquals(JaninoCompiler.sha256(src), a.sha256());
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedSources() throws Exception {
        JaninoCompiler jc = new JaninoCompiler(SafetyAndCacheTest.class.getClassLoader(), 2);
        String q3 = Optimizers.generateSource(HandDerived.qnorm(3));
        String q4 = Optimizers.generateSource(HandDerived.qnorm(4));
        String q5 = Optimizers.generateSource(HandDerived.qnorm(5));
        JaninoCompiler.Unit a = jc.compile(q3);
        jc.compile(q4);
        assertSame(a, jc.compile(q3)); // q3 is now the most recent: q4 goes first
        jc.compile(q5);
        assertEquals(2, jc.cacheSize());
        assertTrue(jc.isCached(q3));
        assertFalse(jc.isCached(q4));
        assertTrue(jc.isCached(q5));
        assertThrows(IllegalArgumentException.class, () -> new JaninoCompiler(ClassLoader.getSystemClassLoader(), 0));
    }

    @Test
    void interpretedOnlyModeNeverCompiles() {
        JaninoCompiler jc = new JaninoCompiler(SafetyAndCacheTest.class.getClassLoader());
        Optimizers.Mode old = Optimizers.setMode(Optimizers.Mode.INTERPRETED_ONLY);
        try {
            MirrorMap m = Optimizers.compileScalar(HandDerived.negEntropy(), jc, msg -> fail(msg));
            assertInstanceOf(InterpretedMirrorMap.class, m);
            assertEquals("interpreter", Optimizers.kernelKind(m));
            assertEquals(0, jc.cacheSize());
        } finally {
            Optimizers.setMode(old);
        }
    }

    @Test
    void compiledOnlyModeThrowsInsteadOfFallingBack() {
        JaninoCompiler blind = new JaninoCompiler(ClassLoader.getPlatformClassLoader());
        Optimizers.Mode old = Optimizers.setMode(Optimizers.Mode.COMPILED_ONLY);
        try {
            var e = assertThrows(IllegalStateException.class, () -> Optimizers.compileScalar(HandDerived.negEntropy(), blind, msg -> fail(msg)));
            assertTrue(e.getMessage().contains("NegEntropy") && e.getMessage().contains("compiled-only"), e.getMessage());
            assertEquals("scalar", Optimizers.kernelKind(Optimizers.compileScalar(HandDerived.negEntropy(), JaninoCompiler.shared(), msg -> fail(msg))));
        } finally {
            Optimizers.setMode(old);
        }
    }

    @Test
    void compileFailureFallsBackToInterpreterWithWarning() {
        // a parent loader that cannot see the runtime API: Janino must fail
        JaninoCompiler blind = new JaninoCompiler(ClassLoader.getPlatformClassLoader());
        List<String> warnings = new ArrayList<>();
        KernelSpec spec = HandDerived.negEntropy();
        MirrorMap m = Optimizers.compileScalar(spec, blind, warnings::add);
        assertInstanceOf(InterpretedMirrorMap.class, m);
        assertEquals("interpreter", Optimizers.kernelKind(m));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("NegEntropy") && warnings.get(0).contains("interpreter"), warnings.get(0));
        assertEquals(Math.log(2.5), m.grad(2.5), 0);
        float[] w = {1f, 2f};
        float[] g = {0.5f, -0.5f};
        assertEquals(-1, m.step(w, g, 0.1f));
        assertEquals((float) Math.exp((double) ((float) Math.log(1.0) - 0.1f * 0.5f)), w[0], 0f);
    }

    /** q = 2: the SMD step is exactly the SGD update w - lr*g in float, bit for bit. */
    @Test
    void q2IsExactlySgd() {
        MirrorMap viaSymbolic = Optimizers.compile(Derivation.derive(SymbolicPipelineTest.qnorm(), Map.of("q", 2.0)), null);
        MirrorMap viaHand = Optimizers.compile(HandDerived.qnorm(2), Optimizers.Options.SCALAR);
        Random r = new Random(11);
        int n = 100_003;
        float[] w0 = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            w0[i] = (float) (r.nextGaussian() * Math.exp(r.nextGaussian() * 3));
            g[i] = (float) (r.nextGaussian() * Math.exp(r.nextGaussian() * 3));
        }
        for (float lr : new float[] {0.01f, 0.1f, 1e-4f, 0.37f}) {
            float[] sgd = w0.clone();
            for (int i = 0; i < n; i++) sgd[i] = sgd[i] - lr * g[i];
            for (MirrorMap m : List.of(viaSymbolic, viaHand)) {
                float[] w = w0.clone();
                assertEquals(-1, m.step(w, g, lr));
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToRawIntBits(sgd[i]), Float.floatToRawIntBits(w[i]), Optimizers.kernelKind(m) + " at " + i);
                }
            }
        }
    }

    @Test
    void stepReportsFirstIndexLeavingTheDualDomain() {
        MirrorMap m = Optimizers.compile(HandDerived.bounded(), Optimizers.Options.SCALAR);
        float[] w = {0.1f, 0.2f, 5f, 0.3f, 50f};
        float[] g = {0f, 0f, -1e6f, 0f, -1e6f};
        assertEquals(2, m.step(w, g, 1f));
        MirrorMap e = Optimizers.compile(HandDerived.negEntropy(), Optimizers.Options.SCALAR);
        float[] w2 = {1f, 1f, 1f};
        float[] g2 = {0f, -1e3f, 0f};
        assertEquals(1, e.step(w2, g2, 1f), "exp overflow is not finite");
    }
}
