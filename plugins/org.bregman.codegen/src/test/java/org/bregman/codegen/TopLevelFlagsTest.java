package org.bregman.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Compiled class files carry no ACC_STATIC in their own access flags (javap: "invalid ACC_STATIC"). */
class TopLevelFlagsTest {

    static final String SOURCE = """
            package p;
            public final class Outer {
                public static final class Factory {
                    public Factory() {
                    }
                    public long big() { return 1234567890123L; }
                    public double d() { return 2.5e300; }
                    public String s() { return "ψ"; }
                }
            }
            """;

    @Test
    void staticMemberClassesAreFlaggedStaticOnlyInInnerClasses() throws Exception {
        JaninoCompiler.Unit u = new JaninoCompiler(getClass().getClassLoader()).compile(SOURCE);
        Map<String, byte[]> bytecodes = u.bytecodes();
        assertTrue(bytecodes.containsKey("p.Outer$Factory"), bytecodes.keySet().toString());
        for (Map.Entry<String, byte[]> e : bytecodes.entrySet())
            assertEquals(0, TopLevelFlags.accessFlags(e.getValue()) & TopLevelFlags.ACC_STATIC, e.getKey());
        // Java still sees a static nested class (from InnerClasses), and it works
        Class<?> f = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = bytecodes.get(name);
                if (b == null) throw new ClassNotFoundException(name);
                return defineClass(name, b, 0, b.length);
            }
        }.loadClass("p.Outer$Factory");
        assertTrue(Modifier.isStatic(f.getModifiers()));
        assertEquals(1234567890123L, f.getMethod("big").invoke(f.getConstructor().newInstance()));
    }

    @Test
    void anotherClassFileIsLeftAlone() {
        byte[] b = u("p.Outer");
        assertFalse((TopLevelFlags.accessFlags(b) & TopLevelFlags.ACC_STATIC) != 0);
        assertTrue(b == TopLevelFlags.withoutStatic(b));
    }

    private static byte[] u(String name) {
        try {
            return new JaninoCompiler(TopLevelFlagsTest.class.getClassLoader()).compile(SOURCE).bytecodes().get(name);
        } catch (JaninoCompiler.CompilationFailed e) {
            throw new AssertionError(e);
        }
    }
}
