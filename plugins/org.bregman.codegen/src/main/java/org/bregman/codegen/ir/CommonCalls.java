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

    /** The calls (of functions not exact in float) that occur more than once, each after the calls inside it, named t0, t1, …. */
    public static Map<Node, String> repeated(Node n) {
        Map<Node, Integer> counts = new LinkedHashMap<>();
        count(n, counts);
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
        countOperations(n, counts);
        Map<Node, String> names = new LinkedHashMap<>();
        for (Map.Entry<Node, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1) names.put(e.getKey(), prefix + names.size());
        }
        return names;
    }

    private static void countOperations(Node n, Map<Node, Integer> counts) {
        children(n).forEach(k -> countOperations(k, counts));
        if (!children(n).isEmpty()) counts.merge(n, 1, Integer::sum);
    }

    /** Post-order: a call is entered after the calls in its arguments. */
    private static void count(Node n, Map<Node, Integer> counts) {
        children(n).forEach(k -> count(k, counts));
        if (n instanceof Call c && !c.f().exactInFloat()) counts.merge(n, 1, Integer::sum);
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
