package org.bregman.codegen;

import java.util.Locale;
import org.bregman.codegen.ir.Fn;
import org.bregman.codegen.ir.Node;

/**
 * Prints a {@link Node} tree as a {@code jdk.incubator.vector} expression with the same semantics as
 * {@link JavaPrinter}'s float mode: float lanes for {@code + - * /}, abs, sqrt, min, max, signum and
 * copySign (exactly the IEEE float operations), and every other function on double lanes
 * ({@code toDouble(…).lanewise(EXP)}, rounded back by {@code toFloat}) — as the scalar code evaluates
 * them in double and rounds. The Vector API's transcendental functions may differ from {@link Math}'s
 * by an ulp in double, which survives rounding to float only rarely (hence "≤ 1 ulp", not bitwise).
 */
public final class VectorPrinter {

    private final String x;

    public VectorPrinter(String x) {
        this.x = x;
    }

    /** Whether some function must run on double lanes. */
    public static boolean needsDouble(Node n) {
        return switch (n) {
            case Node.Num c -> false;
            case Node.X v -> false;
            case Node.Param p -> false;
            case Node.Neg g -> needsDouble(g.a());
            case Node.Bin b -> needsDouble(b.a()) || needsDouble(b.b());
            case Node.Call c -> !c.f().exactInFloat() || c.args().stream().anyMatch(VectorPrinter::needsDouble);
        };
    }

    /** Whether the tree can be printed (no parameters). */
    public static boolean supported(Node n) {
        return !Node.hasParams(n);
    }

    public String print(Node n) {
        return switch (n) {
            case Node.Num c -> "FloatVector.broadcast(FS, " + JavaText.floatLiteral(c.value()) + ")";
            case Node.X v -> x;
            case Node.Param p -> throw new IllegalArgumentException("parameters are not vectorised");
            case Node.Neg g -> print(g.a()) + ".neg()";
            case Node.Bin b -> print(b.a()) + "." + b.op().name().toLowerCase(Locale.ROOT) + "("
                    + (b.b() instanceof Node.Num c ? JavaText.floatLiteral(c.value()) : print(b.b())) + ")";
            case Node.Call c -> call(c);
        };
    }

    private String call(Node.Call c) {
        String a = print(c.arg());
        return switch (c.f()) {
            case ABS -> a + ".abs()";
            case SQRT -> a + ".sqrt()";
            case MIN -> a + ".min(" + print(c.args().get(1)) + ")";
            case MAX -> a + ".max(" + print(c.args().get(1)) + ")";
            case SIGN -> "signum(" + a + ")";
            case COPYSIGN -> "copySign(" + a + ", " + print(c.args().get(1)) + ")";
            case ASINH, ACOSH, ATANH -> "toFloat(" + c.f().name().toLowerCase(Locale.ROOT) + "D(toDouble(" + a + ")))";
            case POW -> "toFloat(toDouble(" + a + ").lanewise(VectorOperators.POW, toDouble(" + print(c.args().get(1)) + ")))";
            default -> "toFloat(toDouble(" + a + ").lanewise(VectorOperators." + c.f().name() + "))";
        };
    }

    /** The largest float f with {@code (double) z > lo  ⟺  z > f} for every float z. */
    public static float floatAbove(double lo) {
        float f = (float) lo;
        if ((double) f > lo) f = Math.nextDown(f);
        return f;
    }

    /** The float f with {@code (double) z >= lo  ⟺  z >= f}. */
    public static float floatAtLeast(double lo) {
        float f = (float) lo;
        if ((double) f < lo) f = Math.nextUp(f);
        return f;
    }

    /** The float f with {@code (double) z < hi  ⟺  z < f}. */
    public static float floatBelow(double hi) {
        float f = (float) hi;
        if ((double) f < hi) f = Math.nextUp(f);
        return f;
    }

    /** The float f with {@code (double) z <= hi  ⟺  z <= f}. */
    public static float floatAtMost(double hi) {
        float f = (float) hi;
        if ((double) f > hi) f = Math.nextDown(f);
        return f;
    }

    /** The mask expression "z lies in the dual domain", exactly as the scalar double comparison. */
    public static String dualMask(Forms.Range r, String z) {
        double lo = r.lowerValue();
        double hi = r.upperValue();
        String l = r.lowerClosed() ? z + ".compare(VectorOperators.GE, " + JavaText.floatLiteral(floatAtLeast(lo)) + ")"
                : z + ".compare(VectorOperators.GT, " + JavaText.floatLiteral(floatAbove(lo)) + ")";
        String h = r.upperClosed() ? z + ".compare(VectorOperators.LE, " + JavaText.floatLiteral(floatAtMost(hi)) + ")"
                : z + ".compare(VectorOperators.LT, " + JavaText.floatLiteral(floatBelow(hi)) + ")";
        return l + ".and(" + h + ")";
    }
}
