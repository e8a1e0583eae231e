package org.bregman.codegen.ir;

import static org.bregman.codegen.ir.Node.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bregman.symbolic.Func;

/**
 * Calls a generated expression makes more than once, computed once: the printers name each repeated call of a
 * function that is not exact in float (a local {@code t0 = Math.expm1(…)}), inner calls first. The interpreter
 * evaluates the tree as it is: the same deterministic calls, so the same bits.
 */
public final class CommonCalls {

    private CommonCalls() {
    }

    /**
     * sinh(a) and cosh(a) of one argument from one expm1: with m = expm1(|a|) ≥ 0 and q = m/(m + 1) = 1 − e^−|a|,
     * sinh a = copySign((m + q)/2, a) and cosh a = (m − q + 2)/2 — one transcendental call and one division instead
     * of two calls, accurate for every |a| up to expm1's overflow at 709.78 (no e^a − e^−a cancellation near 0, and
     * m + 1 = e^|a| never cancels, as it would for m = expm1(a), a &lt; 0). Other trees are returned as they are.
     */
    public static Node sinhCoshFromExpm1(Node n) {
        List<Node> sinhArgs = new ArrayList<>();
        List<Node> coshArgs = new ArrayList<>();
        collect(n, Func.SINH, sinhArgs);
        collect(n, Func.COSH, coshArgs);
        sinhArgs.retainAll(coshArgs);
        return sinhArgs.isEmpty() ? n : replace(n, sinhArgs);
    }

    private static void collect(Node n, Func f, List<Node> out) {
        if (n instanceof Call c && c.f().func() == f) out.add(c.arg());
        children(n).forEach(k -> collect(k, f, out));
    }

    private static Node replace(Node n, List<Node> paired) {
        return switch (n) {
            case Call c when (c.f().func() == Func.SINH || c.f().func() == Func.COSH) && paired.contains(c.arg()) -> {
                Node a = replace(c.arg(), paired);
                Node m = call(Fn.of(Func.EXPM1), call(Fn.of(Func.ABS), a));
                Node q = div(m, add(m, num(1)));
                yield c.f().func() == Func.SINH ? call(Fn.COPYSIGN, mul(add(m, q), num(0.5)), a) : mul(add(sub(m, q), num(2)), num(0.5));
            }
            case Call c -> new Call(c.f(), c.args().stream().map(k -> replace(k, paired)).toList());
            case Neg g -> neg(replace(g.a(), paired));
            case Bin b -> new Bin(b.op(), replace(b.a(), paired), replace(b.b(), paired));
            default -> n;
        };
    }

    /**
     * The calls (of functions not exact in float) that occur more than once, each after the calls inside it, named t0,
     * t1, …; none inside an {@link #invariants invariant} subtree (computed before the loop, it needs none).
     */
    public static Map<Node, String> repeated(Node n) {
        Map<Node, String> invariants = invariants(n);
        Map<Node, Integer> counts = new LinkedHashMap<>();
        count(n, counts, invariants);
        Map<Node, String> names = new LinkedHashMap<>();
        for (Map.Entry<Node, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1) names.put(e.getKey(), "t" + names.size());
        }
        return names;
    }

    /**
     * Every operation (not a leaf) that occurs more than once, each after the operations inside it, named
     * {@code prefix}0, {@code prefix}1, …: a polynomial's powers of its argument, computed once (C2 does not
     * reliably merge repeated Vector API operations).
     */
    public static Map<Node, String> repeatedOperations(Node n, String prefix) {
        Map<Node, Integer> counts = new LinkedHashMap<>();
        countOperations(n, counts, invariants(n));
        Map<Node, String> names = new LinkedHashMap<>();
        for (Map.Entry<Node, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1) names.put(e.getKey(), prefix + names.size());
        }
        return names;
    }

    private static void countOperations(Node n, Map<Node, Integer> counts, Map<Node, String> invariants) {
        if (invariants.containsKey(n)) return; // computed before the loop
        children(n).forEach(k -> countOperations(k, counts, invariants));
        if (!children(n).isEmpty()) counts.merge(n, 1, Integer::sum);
    }

    /** Post-order: a call is entered after the calls in its arguments. */
    private static void count(Node n, Map<Node, Integer> counts, Map<Node, String> invariants) {
        if (invariants.containsKey(n)) return;
        children(n).forEach(k -> count(k, counts, invariants));
        if (n instanceof Call c && !c.f().exactInFloat()) counts.merge(n, 1, Integer::sum);
    }

    /**
     * The outermost subtrees of a fused step ({@code Forms#fusedStep}) that depend on its parameters only (Params ≥ 1, a
     * time-varying step's times: no coordinate, no shift), named k0, k1, …: the same double operations computed once
     * per step call, before the loop, instead of per coordinate (a fixed potential's step has none: its numbers are folded).
     */
    public static Map<Node, String> invariants(Node n) {
        Map<Node, String> names = new LinkedHashMap<>();
        collectInvariants(n, names);
        return names;
    }

    /** {@link #invariants} and then {@link #repeated}: every name the printers of a fused step read. */
    public static Map<Node, String> named(Node n) {
        Map<Node, String> all = new LinkedHashMap<>(invariants(n));
        all.putAll(repeated(n));
        return all;
    }

    /**
     * A fused step with each division by a subtree of its parameters alone ({@link #invariants}) turned into a
     * multiplication by that subtree's reciprocal — itself an invariant, so computed once per step: a time-varying
     * step's {@code x / β(t)} costs what a fixed one's {@code x * 2.0} does. Not bit-identical to the division (one more
     * rounding in double, ≤ 1 ulp of double: far below the float result's), and the compiled, vector and interpreted
     * kernels all evaluate this same tree.
     */
    public static Node reciprocalsOfInvariants(Node n) {
        return switch (n) {
            case Bin b when b.op() == Op.DIV && parametersOnly(b.b()) == 1 && parametersOnly(b.a()) < 0 ->
                    mul(reciprocalsOfInvariants(b.a()), div(num(1), b.b()));
            case Bin b -> new Bin(b.op(), reciprocalsOfInvariants(b.a()), reciprocalsOfInvariants(b.b()));
            case Neg g -> neg(reciprocalsOfInvariants(g.a()));
            case Call c -> new Call(c.f(), c.args().stream().map(CommonCalls::reciprocalsOfInvariants).toList());
            default -> n;
        };
    }

    private static void collectInvariants(Node n, Map<Node, String> names) {
        if (!(n instanceof Param) && !(n instanceof Num) && parametersOnly(n) == 1) {
            names.putIfAbsent(n, "k" + names.size());
            return;
        }
        children(n).forEach(k -> collectInvariants(k, names));
    }

    /** 1: reads Params ≥ 1 and nothing else that varies; 0: constant; −1: reads the coordinate or the shift. */
    private static int parametersOnly(Node n) {
        if (n instanceof X || n instanceof Param p && p.index() == 0) return -1;
        if (n instanceof Param) return 1;
        int r = 0;
        for (Node k : children(n)) {
            int c = parametersOnly(k);
            if (c < 0) return -1;
            r = Math.max(r, c);
        }
        return r;
    }

    private static List<Node> children(Node n) {
        return switch (n) {
            case Neg g -> List.of(g.a());
            case Bin b -> List.of(b.a(), b.b());
            case Call c -> c.args();
            default -> List.of();
        };
    }
}
