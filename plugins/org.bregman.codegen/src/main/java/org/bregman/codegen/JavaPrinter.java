package org.bregman.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bregman.codegen.ir.Fn;
import org.bregman.codegen.ir.Node;

/**
 * Prints a {@link Node} tree as a fully parenthesised Java expression, in double or in float
 * arithmetic. Float mode: {@code + - * /} and the functions that are exact in float (abs, sqrt, signum,
 * min, max, copySign) are the float operations; every other function is evaluated in double and rounded
 * ({@code (float) Math.exp((double) x)}), exactly what {@link InterpretedMirrorMap} does. Each function's text
 * is its {@link org.bregman.symbolic.FunctionDefinition}'s.
 */
public final class JavaPrinter {

    private final boolean floatMode;
    private final String x;
    private final String param0;
    private final Map<Node, String> named;

    /**
     * @param floatMode float arithmetic instead of double
     * @param x         the Java expression of the free variable (a local name chosen by the generator)
     */
    public JavaPrinter(boolean floatMode, String x) {
        this(floatMode, x, null);
    }

    /**
     * @param param0 the Java expression of {@link Node.Param} 0 (the shift of a fused step, whose Param k is then the field
     *               {@code p(k − 1)}), or {@code null}: Param k is the field {@code pk}
     * @param named  subtrees computed before into locals of these names ({@link org.bregman.codegen.ir.CommonCalls#repeated})
     */
    public JavaPrinter(boolean floatMode, String x, String param0, Map<Node, String> named) {
        this.floatMode = floatMode;
        this.x = x;
        this.param0 = param0;
        this.named = Map.copyOf(named);
    }

    public JavaPrinter(boolean floatMode, String x, String param0) {
        this(floatMode, x, param0, Map.of());
    }

    /** The value of a named subtree itself (its definition), its own subtrees by their names. */
    public String definition(Node n) {
        return n instanceof Node.Call c ? call(c) : print(n);
    }

    public String print(Node n) {
        String name = named.get(n);
        if (name != null) return name;
        return switch (n) {
            case Node.Num c -> floatMode ? JavaText.floatLiteral(c.value()) : JavaText.doubleLiteral(c.value());
            case Node.X v -> x;
            case Node.Param p when param0 != null && p.index() == 0 -> param0;
            // in a fused step Param 0 is the shift and Param k the field p(k − 1) (Forms#fusedStep)
            case Node.Param p -> field(param0 != null ? p.index() - 1 : p.index());
            case Node.Neg g -> "(-" + print(g.a()) + ")";
            case Node.Bin b -> "(" + print(b.a()) + " " + b.op().symbol + " " + print(b.b()) + ")";
            case Node.Call c -> call(c);
        };
    }

    private String field(int k) {
        return floatMode ? "((float) p" + k + ")" : "p" + k;
    }

    private String call(Node.Call c) {
        List<String> args = new ArrayList<>();
        for (Node a : c.args()) args.add(floatMode && !c.f().exactInFloat() ? "(double) " + print(a) : print(a));
        if (!floatMode) return java(c.f(), args);
        if (c.f().exactInFloat()) {
            return c.f() == Fn.COPYSIGN ? java(c.f(), args) : c.f().func().definition().javaFloat(args);
        }
        return "((float) " + java(c.f(), args) + ")";
    }

    private static String java(Fn f, List<String> args) {
        return f == Fn.COPYSIGN ? "Math.copySign(" + args.get(0) + ", " + args.get(1) + ")" : f.func().definition().java(args);
    }
}
