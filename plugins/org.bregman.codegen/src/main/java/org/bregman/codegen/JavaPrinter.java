package org.bregman.codegen;

import org.bregman.codegen.ir.Fn;
import org.bregman.codegen.ir.Node;

/**
 * Prints a {@link Node} tree as a fully parenthesised Java expression, in double or in float
 * arithmetic. Float mode: {@code + - * /}, abs, sqrt, signum, min, max and copySign are the float
 * operations; every other function is evaluated in double and rounded ({@code (float) Math.exp((double) x)}),
 * exactly what {@link Interpreter} does.
 */
public final class JavaPrinter {

    private final boolean floatMode;
    private final String x;

    /**
     * @param floatMode float arithmetic instead of double
     * @param x         the Java expression of the free variable (a local name chosen by the generator)
     */
    public JavaPrinter(boolean floatMode, String x) {
        this.floatMode = floatMode;
        this.x = x;
    }

    public String print(Node n) {
        return switch (n) {
            case Node.Num c -> floatMode ? JavaText.floatLiteral(c.value()) : JavaText.doubleLiteral(c.value());
            case Node.X v -> x;
            case Node.Param p -> floatMode ? "((float) p" + p.index() + ")" : "p" + p.index();
            case Node.Neg g -> "(-" + print(g.a()) + ")";
            case Node.Bin b -> "(" + print(b.a()) + " " + b.op().symbol + " " + print(b.b()) + ")";
            case Node.Call c -> call(c);
        };
    }

    private String call(Node.Call c) {
        String name = switch (c.f()) {
            case ASINH -> "asinh";
            case ACOSH -> "acosh";
            case ATANH -> "atanh";
            case SIGN -> "Math.signum";
            case COPYSIGN -> "Math.copySign";
            default -> "Math." + c.f().name().toLowerCase(java.util.Locale.ROOT);
        };
        if (!floatMode) {
            return c.f().arity() == 1 ? name + "(" + print(c.arg()) + ")"
                    : name + "(" + print(c.args().get(0)) + ", " + print(c.args().get(1)) + ")";
        }
        if (c.f() == Fn.SQRT) return "((float) Math.sqrt(" + print(c.arg()) + "))";
        if (c.f().exactInFloat()) {
            return c.f().arity() == 1 ? name + "(" + print(c.arg()) + ")"
                    : name + "(" + print(c.args().get(0)) + ", " + print(c.args().get(1)) + ")";
        }
        return c.f().arity() == 1 ? "((float) " + name + "((double) " + print(c.arg()) + "))"
                : "((float) " + name + "((double) " + print(c.args().get(0)) + ", (double) " + print(c.args().get(1)) + "))";
    }
}
