package org.bregman.symbolic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Var;

/**
 * An expression prepared for many {@link Ranges#range} enclosures in which only the interval of one variable
 * {@code x} changes (the convexity proof encloses ψ'' over thousands of pieces): each distinct subexpression is one
 * step, evaluated once per enclosure however often it occurs in the tree, and the steps free of {@code x} are
 * evaluated once, here. Every step is {@link Ranges#node} on the same inputs as in the tree, so {@link #range} is
 * exactly {@code Ranges.range(e, others + {x: xs})}, bit for bit. Not thread-safe (it reuses its buffers).
 */
final class RangeProgram {
    /** A node by its kind, function and distinct children: equal keys are equal subexpressions. */
    private record Key(Class<?> kind, Func f, List<Integer> children) {
    }

    private final String x;
    private final Map<String, RealInterval> others;
    private final List<Expr> nodes = new ArrayList<>();
    private final List<int[]> children = new ArrayList<>();
    private final List<Boolean> varies = new ArrayList<>();
    /** Per step: its node, its children's steps, and the buffer of their enclosures. */
    private final Expr[] stepNode;
    private final int[][] stepChildren;
    private final RealInterval[][] stepInputs;
    private final int[] stepIndex;
    private final RealInterval[] values;
    private final int root;
    /** A step free of x has no enclosure (a {@link SymbolicException}): then every enclosure is all reals. */
    private final boolean fails;

    RangeProgram(Expr e, String x, Map<String, RealInterval> others) {
        this.x = x;
        this.others = Map.copyOf(others);
        this.root = add(e, new IdentityHashMap<>(), new HashMap<>());
        values = new RealInterval[nodes.size()];
        List<Integer> steps = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < nodes.size(); i++) {
            if (varies.get(i)) {
                steps.add(i);
                continue;
            }
            try {
                values[i] = Ranges.node(nodes.get(i), inputs(children.get(i), new RealInterval[children.get(i).length]), this.others);
            } catch (SymbolicException ex) {
                failed = true;
                break;
            }
        }
        fails = failed;
        int n = steps.size();
        stepNode = new Expr[n];
        stepChildren = new int[n][];
        stepInputs = new RealInterval[n][];
        stepIndex = new int[n];
        for (int s = 0; s < n; s++) {
            int i = steps.get(s);
            stepIndex[s] = i;
            stepNode[s] = nodes.get(i);
            stepChildren[s] = children.get(i);
            stepInputs[s] = new RealInterval[children.get(i).length];
        }
    }

    /** The index of e's distinct subexpression, adding it (children first) when new. */
    private int add(Expr e, IdentityHashMap<Expr, Integer> seen, Map<Object, Integer> ids) {
        Integer known = seen.get(e);
        if (known != null) return known;
        List<Expr> cs = e.children();
        int[] kids = new int[cs.size()];
        boolean vary = e instanceof Var v && v.name().equals(x);
        for (int i = 0; i < kids.length; i++) {
            kids[i] = add(cs.get(i), seen, ids);
            vary |= varies.get(kids[i]);
        }
        // leaves compare as records (a Num by its bits); inner nodes by kind, function and children's indices
        Object key = cs.isEmpty() ? e : new Key(e.getClass(), e instanceof Call c ? c.f() : null, java.util.Arrays.stream(kids).boxed().toList());
        Integer id = ids.get(key);
        if (id == null) {
            id = nodes.size();
            ids.put(key, id);
            nodes.add(e);
            children.add(kids);
            varies.add(vary);
        }
        seen.put(e, id);
        return id;
    }

    private RealInterval[] inputs(int[] kids, RealInterval[] into) {
        for (int k = 0; k < kids.length; k++) into[k] = values[kids[k]];
        return into;
    }

    /** The enclosure of the expression when x ranges over xs and the other variables over their intervals. */
    RealInterval range(RealInterval xs) {
        if (fails) return RealInterval.REALS;
        try {
            for (int s = 0; s < stepNode.length; s++) {
                values[stepIndex[s]] = stepNode[s] instanceof Var ? xs : Ranges.node(stepNode[s], inputs(stepChildren[s], stepInputs[s]), others);
            }
            return values[root];
        } catch (SymbolicException ex) {
            return RealInterval.REALS;
        }
    }

    /** How many nodes one enclosure evaluates (the distinct subexpressions that contain x). */
    int steps() {
        return stepNode.length;
    }

    /** How many distinct subexpressions the expression has. */
    int distinct() {
        return nodes.size();
    }
}
