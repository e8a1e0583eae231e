package org.bregman.codegen;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Method;
import java.util.List;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.FunctionDefinition;
import org.junit.jupiter.api.Test;

/**
 * Every registered function's generated Java (double, and the float form of the exact ones) compiles and
 * computes its definition's value bit for bit: a new definition whose Java text is wrong fails here, at
 * build time, instead of falling back to the interpreter at run time.
 */
class FunctionTextTest {

    static final double[] XS = {-2.5, -1, -0.3, 0, 0.4, 0.999, 1, 1.7, 3, 40};

    @Test
    void everyFunctionsJavaComputesItsValue() throws Exception {
        StringBuilder src = new StringBuilder("package org.bregman.generated;\npublic final class AllFunctions {\n");
        for (Func f : Func.values()) {
            FunctionDefinition d = f.definition();
            List<String> args = f.arity() == 1 ? List.of("x") : List.of("x", "y");
            src.append("  public static double ").append(f.name()).append("(double x, double y) { return ").append(d.java(args)).append("; }\n");
            List<String> fargs = f.arity() == 1 ? List.of("a") : List.of("a", "b");
            String fl = d.exactInFloat() ? d.javaFloat(fargs) : "(float) " + d.java(f.arity() == 1 ? List.of("(double) a") : List.of("(double) a", "(double) b"));
            src.append("  public static float ").append(f.name()).append("F(float a, float b) { return ").append(fl).append("; }\n");
        }
        Class<?> c = JaninoCompiler.shared().compile(src.append("}\n").toString()).load("org.bregman.generated.AllFunctions");
        for (Func f : Func.values()) {
            Method m = c.getMethod(f.name(), double.class, double.class);
            Method mf = c.getMethod(f.name() + "F", float.class, float.class);
            for (double x : XS) {
                double y = 1.3;
                double expected = f.arity() == 1 ? f.apply(x) : f.apply(x, y);
                double got = (double) m.invoke(null, x, y);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got), f + " at " + x + ": " + expected + " vs " + got);
                float fx = (float) x;
                float fexpected = (float) (f.arity() == 1 ? f.apply((double) fx) : f.apply((double) fx, (double) (float) y));
                float fgot = (float) mf.invoke(null, fx, (float) y);
                assertEquals(Float.floatToIntBits(fexpected), Float.floatToIntBits(fgot), f + " in float at " + fx);
            }
        }
    }
}
