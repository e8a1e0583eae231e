package org.bregman.codegen;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bregman.codegen.ir.CommonCalls;
import java.util.Set;
import org.bregman.codegen.ir.Fn;
import org.bregman.codegen.ir.Node;
import org.bregman.symbolic.FunctionDefinition;

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
    private final boolean params;
    private final String shift;

    public VectorPrinter(String x) {
        this(x, false, null);
    }

    /**
     * {@code params}: {@link Node.Param} i reads the field {@code p}i (a time-varying step's times), broadcast as the
     * scalar class's float code reads it, {@code (float) p}i; otherwise a parameter is an error.
     */
    public VectorPrinter(String x, boolean params) {
        this(x, params, null);
    }

    /** A printer of trees in the coordinate {@code x} and, as {@link Node.Param} 0, a fused step's shift {@code shift}. */
    public VectorPrinter(String x, String shift) {
        this(x, false, shift);
    }

    private VectorPrinter(String x, boolean params, String shift) {
        this.x = x;
        this.params = params;
        this.shift = shift;
    }

    /**
     * Whether some function must run on double lanes. {@code last}: the node's value is the kernel's
     * result up to exact operations (negation, the magnitude of copySign); a function there may run on
     * float lanes: the Vector API's float functions are within 1 ulp of the exact value and the scalar
     * code's (float) f((double) x) within half an ulp, so both are one of the two floats around it.
     */
    public static boolean needsDouble(Node n, boolean last) {
        return switch (n) {
            case Node.Num c -> false;
            case Node.X v -> false;
            case Node.Param p -> false;
            case Node.Neg g -> needsDouble(g.a(), last);
            case Node.Bin b -> needsDouble(b.a(), false) || needsDouble(b.b(), false);
            case Node.Call c -> {
                if (c.f() == Fn.COPYSIGN) yield needsDouble(c.args().get(0), last) || needsDouble(c.args().get(1), false);
                boolean own = !c.f().exactInFloat() && !(last && floatLaneOk(c.f()));
                yield own || c.args().stream().anyMatch(a -> needsDouble(a, false));
            }
        };
    }

    /** Functions the Vector API has for float lanes (the others are formulas on double lanes, or exact). */
    static boolean floatLaneOk(Fn f) {
        return f.func() != null && f.func().definition().vectorOperator() != null;
    }

    /**
     * The double-lane helper methods the printed expressions call ({@code asinhD(…)}): a function's own
     * lane formula, or its scalar Java applied lane by lane.
     */
    public static String doubleLaneHelpers(Node... trees) {
        Set<Fn> used = new LinkedHashSet<>();
        for (Node n : trees) {
            if (n != null) Node.functions(n, used);
        }
        StringBuilder b = new StringBuilder();
        for (Fn f : used) {
            if (f.exactInFloat() || floatLaneOk(f)) continue;
            FunctionDefinition d = f.func().definition();
            String own = d.doubleLanes();
            b.append(b.isEmpty() ? "" : "\n").append(own != null ? own : """
                    static DoubleVector %sD(DoubleVector x) {
                        double[] a = x.toArray();
                        for (int i = 0; i < a.length; i++) {
                            a[i] = %s;
                        }
                        return DoubleVector.fromArray(DS, a, 0);
                    }
                    """.formatted(d.name(), d.java(List.of("a[i]"))));
        }
        return b.toString().stripTrailing();
    }

    /** Whether the tree can be printed (no parameters). */
    public static boolean supported(Node n) {
        return !Node.hasParams(n);
    }

    public String print(Node n) {
        return print(n, false);
    }

    /** The kernel's result expression (see {@link #needsDouble(Node, boolean)} for {@code last}). */
    public String printLast(Node n) {
        return print(n, true);
    }

    private String print(Node n, boolean last) {
        return switch (n) {
            case Node.Num c -> "FloatVector.broadcast(FS, " + JavaText.floatLiteral(c.value()) + ")";
            case Node.X v -> x;
            case Node.Param p when p.index() == 0 && shift != null -> shift;
            case Node.Param p when params -> "FloatVector.broadcast(FS, (float) p" + p.index() + ")";
            case Node.Param p -> throw new IllegalArgumentException("parameters are not vectorised");
            case Node.Neg g -> print(g.a(), last) + ".neg()";
            case Node.Bin b -> print(b.a()) + "." + b.op().name().toLowerCase(Locale.ROOT) + "("
                    + (b.b() instanceof Node.Num c ? JavaText.floatLiteral(c.value()) : print(b.b())) + ")";
            case Node.Call c -> call(c, last);
        };
    }

    /**
     * Whether every lane of n has its sign bit clear: |a|, and the square root of such a value (NaN included: an
     * input NaN passes through, and a root of a non-negative value makes none). Then copySign(n, s) is n with s's sign
     * bit or'ed in ({@code withSign}: one operation less; the p-norm passes measured 2–3 % faster).
     */
    static boolean signBitClear(Node n) {
        return n instanceof Node.Call c && (c.f() == Fn.ABS || c.f() == Fn.SQRT && signBitClear(c.arg()));
    }

    private String call(Node.Call c, boolean last) {
        if (c.f() == Fn.COPYSIGN) {
            return (signBitClear(c.arg()) ? "withSign(" : "copySign(") + print(c.arg(), last) + ", " + print(c.args().get(1)) + ")";
        }
        FunctionDefinition d = c.f().func().definition();
        String a = print(c.arg());
        String op = d.vectorOperator();
        if (last && op != null) {
            return c.args().size() == 2 ? a + ".lanewise(VectorOperators." + op + ", " + print(c.args().get(1)) + ")"
                    : a + ".lanewise(VectorOperators." + op + ")";
        }
        if (d.exactInFloat()) return d.floatLanes(c.args().stream().map(this::print).toList());
        if (op == null) return "toFloat(" + d.name() + "D(toDouble(" + a + ")))";
        return c.args().size() == 2 ? "toFloat(toDouble(" + a + ").lanewise(VectorOperators." + op + ", toDouble(" + print(c.args().get(1)) + ")))"
                : "toFloat(toDouble(" + a + ").lanewise(VectorOperators." + op + "))";
    }

    // ---- a fused step, on double lanes (Forms.fusedStep: in double, rounded once) ------------------------

    /**
     * A fused step ({@link Forms#fusedStep()}) as a {@code DoubleVector} expression over the coordinate's and the
     * shift's double lanes {@code x} and {@code c}: the operations of the scalar class's double expression, each
     * function by its {@code VectorOperators} constant or its double-lane helper.
     */
    public static String printDouble(Node n, String x, String c) {
        return printDouble(n, x, c, named(n));
    }

    /**
     * The names a fused step's lanes read: its time-only subtrees as broadcasts of the scalar doubles
     * {@link TemplateSupport#fusedInvariants} computes before the loop (the scalar class's bits; scalars, not vectors,
     * live across the loop), then its repeated operations' locals.
     */
    private static Map<Node, String> named(Node n) {
        Map<Node, String> m = new java.util.LinkedHashMap<>();
        CommonCalls.invariants(n).forEach((t, name) -> m.put(t, "DoubleVector.broadcast(DS, " + name + ")"));
        m.putAll(CommonCalls.repeatedOperations(n, "t"));
        return m;
    }

    /** Whether a fused step's double-lane text calls the template's {@code signumD} helper. */
    public static boolean callsSignumOnDoubleLanes(Node fusedStep) {
        Set<Fn> used = new LinkedHashSet<>();
        if (fusedStep != null) Node.functions(fusedStep, used);
        return used.stream().anyMatch(f -> f.func() == org.bregman.symbolic.Func.SIGN);
    }

    /**
     * The locals {@link #printDouble(Node, String, String)} reads, one line each: every repeated operation
     * ({@link CommonCalls#repeatedOperations}) once — the same operations in the same order, fewer of them for C2.
     */
    public static String doubleLocals(Node n, String x, String c) {
        Map<Node, String> named = named(n);
        StringBuilder b = new StringBuilder();
        CommonCalls.repeatedOperations(n, "t").forEach((t, name) -> b.append(b.isEmpty() ? "" : "\n").append("DoubleVector ").append(name)
                .append(" = ").append(printOperation(t, x, c, named)).append(';'));
        return b.toString();
    }

    private static String printDouble(Node n, String x, String c, Map<Node, String> named) {
        String name = named.get(n);
        return name != null ? name : printOperation(n, x, c, named);
    }

    /** The node's own operation over its (possibly named) operands. */
    private static String printOperation(Node n, String x, String c, Map<Node, String> named) {
        return switch (n) {
            case Node.Num k -> "DoubleVector.broadcast(DS, " + JavaText.doubleLiteral(k.value()) + ")";
            case Node.X v -> x;
            case Node.Param p when p.index() == 0 -> c;
            // Param k ≥ 1: the field p(k − 1), a time-varying step's times (Forms#fusedStep), read in double as the scalar class does
            case Node.Param p -> "DoubleVector.broadcast(DS, p" + (p.index() - 1) + ")";
            case Node.Neg g -> printDouble(g.a(), x, c, named) + ".neg()";
            case Node.Bin b -> printDouble(b.a(), x, c, named) + "." + b.op().name().toLowerCase(Locale.ROOT) + "("
                    + (b.b() instanceof Node.Num k ? JavaText.doubleLiteral(k.value()) : printDouble(b.b(), x, c, named)) + ")";
            case Node.Call f -> doubleCall(f, x, c, named);
        };
    }

    private static String doubleCall(Node.Call f, String x, String c, Map<Node, String> named) {
        List<String> args = f.args().stream().map(a -> printDouble(a, x, c, named)).toList();
        if (f.f() == Fn.COPYSIGN) return "copySignD(" + args.get(0) + ", " + args.get(1) + ")";
        FunctionDefinition d = f.f().func().definition();
        // exact functions' lane text (abs, sqrt, min, max) reads the same on DoubleVector; signum has its own helper
        if (d.exactInFloat()) return d.floatLanes(args).replace("signum(", "signumD(");
        String op = d.vectorOperator();
        if (op == null) return d.name() + "D(" + args.get(0) + ")";
        return args.size() == 2 ? args.get(0) + ".lanewise(VectorOperators." + op + ", " + args.get(1) + ")"
                : args.get(0) + ".lanewise(VectorOperators." + op + ")";
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
