package org.bregman.potential.validation;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

import org.bregman.potential.potential.Call;
import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.Domain;
import org.bregman.potential.potential.Expression;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.eclipse.emf.ecore.EObject;

/**
 * The language's size limits on expressions (README, "Language limits"). The symbolic engine derives,
 * simplifies and inverts expressions recursively, and its work grows quickly with nesting, so an
 * expression over a limit is reported where it is written and never reaches the engine. Everything
 * here is iterative: the measured trees may be far deeper than the limits.
 */
public final class ExpressionLimits {

    /** Levels of operators and calls in one expression: {@code w^w^…^2} with 80 levels is too deep. */
    public static final int MAX_DEPTH = 64;
    /** Operators, calls, numbers and names in one expression: a sum of 2,000 terms is too large. */
    public static final int MAX_NODES = 2_000;
    /** Function calls inside one another: {@code sqrt(1 + sqrt(1 + …))}, {@code exp(exp(…))}. */
    public static final int MAX_CALL_DEPTH = 8;
    /** Parentheses inside one another (redundant ones too: they cost the parser stack). */
    public static final int MAX_PARENTHESES = 64;

    private ExpressionLimits() {
    }

    /** The first limit an expression breaks: the message and the node it is about; null when within limits. */
    public record Violation(String message, EObject node) {
    }

    public static Violation violation(Expression root) {
        if (root == null) return null;
        Map<EObject, int[]> depth = new IdentityHashMap<>(); // {depth, call depth}
        depth.put(root, new int[] {1, root instanceof Call ? 1 : 0});
        int nodes = 1;
        Violation deepest = check(root, depth.get(root));
        if (deepest != null) return deepest;
        for (Iterator<EObject> it = root.eAllContents(); it.hasNext();) {
            EObject o = it.next();
            int[] parent = depth.get(o.eContainer());
            if (parent == null) continue; // not an expression node
            int[] d = {parent[0] + 1, parent[1] + (o instanceof Call ? 1 : 0)};
            depth.put(o, d);
            if (++nodes > MAX_NODES) {
                return new Violation("this expression is too large: more than " + MAX_NODES
                        + " operators, calls, numbers and names (the language's limit); split it or simplify it", root);
            }
            Violation v = check(o, d);
            if (v != null) return v;
        }
        return null;
    }

    private static Violation check(EObject o, int[] d) {
        if (d[0] > MAX_DEPTH) {
            return new Violation("this expression nests more than " + MAX_DEPTH
                    + " levels of operators and calls (the language's limit); write it with fewer levels", o);
        }
        if (d[1] > MAX_CALL_DEPTH) {
            return new Violation("more than " + MAX_CALL_DEPTH
                    + " function calls inside one another (the language's limit): the derivation would grow too large", o);
        }
        return null;
    }

    /** Whether any expression of the potential (definitions, domain, constraints) breaks a limit. */
    public static boolean exceeded(PotentialDef p) {
        if (p == null || p.eIsProxy()) return false;
        for (Parameter param : p.getParams()) {
            if (violation(param.getConstraint()) != null) return true;
        }
        for (var m : p.getMembers()) {
            Expression e = m instanceof Definition d ? d.getBody() : m instanceof Domain dm ? dm.getCondition() : null;
            if (violation(e) != null) return true;
        }
        return false;
    }
}
