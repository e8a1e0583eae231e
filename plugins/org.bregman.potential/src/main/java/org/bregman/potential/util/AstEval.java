package org.bregman.potential.util;

import java.util.List;
import java.util.Map;

import org.bregman.potential.potential.Abs;
import org.bregman.potential.potential.Binary;
import org.bregman.potential.potential.Call;
import org.bregman.potential.potential.CompOp;
import org.bregman.potential.potential.Comparison;
import org.bregman.potential.potential.Constant;
import org.bregman.potential.potential.Expression;
import org.bregman.potential.potential.Negation;
import org.bregman.potential.potential.Not;
import org.bregman.potential.potential.NumberLiteral;
import org.bregman.potential.potential.Plus;
import org.bregman.potential.potential.SymbolRef;
import org.bregman.symbolic.Func;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Evaluates AST expressions directly (for {@code where} constraints and parameter values), so that a
 * constraint can be checked even when the symbolic translation of the potential fails. Unknown names
 * or constructs give NaN; never throws.
 */
public final class AstEval {
    private AstEval() {
    }

    /** Whether an expression is a condition (comparison, and, or, not) rather than a number. */
    public static boolean isCondition(Expression e) {
        return e instanceof Comparison || e instanceof Not
                || (e instanceof Binary b && ("and".equals(b.getOp()) || "or".equals(b.getOp())));
    }

    /** The value of a numeric expression; names are looked up by name in {@code env}. NaN if unknown. */
    public static double number(Expression e, Map<String, Double> env) {
        try {
            return num(e, env);
        } catch (RuntimeException ex) {
            return Double.NaN;
        }
    }

    /** TRUE/FALSE, or null when the condition cannot be evaluated (unknown names, NaN). */
    public static Boolean condition(Expression e, Map<String, Double> env) {
        try {
            return cond(e, env);
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static Boolean cond(Expression e, Map<String, Double> env) {
        if (e instanceof Not n) {
            Boolean b = cond(n.getOperand(), env);
            return b == null ? null : !b;
        }
        if (e instanceof Binary b && ("and".equals(b.getOp()) || "or".equals(b.getOp()))) {
            Boolean l = cond(b.getLeft(), env);
            Boolean r = cond(b.getRight(), env);
            if (l == null || r == null) return null;
            return "and".equals(b.getOp()) ? l && r : l || r;
        }
        if (e instanceof Comparison c) {
            List<Expression> ops = c.getOperands();
            for (int i = 0; i < c.getOps().size() && i + 1 < ops.size(); i++) {
                double a = num(ops.get(i), env);
                double b2 = num(ops.get(i + 1), env);
                if (Double.isNaN(a) || Double.isNaN(b2)) return null;
                if (!compare(a, c.getOps().get(i), b2)) return false;
            }
            return true;
        }
        return null;
    }

    public static boolean compare(double a, CompOp op, double b) {
        // the symbolic engine's comparison, so a `where` means the same everywhere
        return org.bregman.symbolic.Condition.Op.valueOf(op.getName()).test(a, b);
    }

    private static double num(Expression e, Map<String, Double> env) {
        if (e == null) return Double.NaN;
        if (e instanceof NumberLiteral n) return n.getValue();
        if (e instanceof Constant c) return "pi".equals(c.getName()) ? Math.PI : Math.E;
        if (e instanceof SymbolRef s) {
            if (s.getSymbol() == null || s.getSymbol().eIsProxy()) return Double.NaN;
            Double v = env.get(s.getSymbol().getName());
            return v == null ? Double.NaN : v;
        }
        if (e instanceof Negation n) return -num(n.getOperand(), env);
        if (e instanceof Plus p) return num(p.getOperand(), env);
        if (e instanceof Abs a) return Math.abs(num(a.getOperand(), env));
        if (e instanceof Binary b) {
            double l = num(b.getLeft(), env);
            double r = num(b.getRight(), env);
            return switch (b.getOp()) {
                case "+" -> l + r;
                case "-" -> l - r;
                case "*" -> l * r;
                case "/" -> l / r;
                case "^" -> Math.pow(l, r);
                default -> Double.NaN;
            };
        }
        if (e instanceof Call c) {
            Func f = Func.byName(c.getFunction());
            if (f == null || c.getArgs().size() != f.arity()) return Double.NaN;
            if (f.arity() == 1) return f.apply(num(c.getArgs().get(0), env));
            return f.apply(num(c.getArgs().get(0), env), num(c.getArgs().get(1), env));
        }
        return Double.NaN;
    }

    /** The source text of a node ("q > 1"), collapsed to one line; "" when there is no node model. */
    public static String text(EObject o) {
        if (o == null) return "";
        ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
        if (node == null) return "";
        return NodeModelUtils.getTokenText(node).replaceAll("\\s+", " ").trim();
    }

    /** A number as a researcher writes it: 3 rather than 3.0, 0.001 rather than 1.0E-3. */
    public static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        String s = Double.toString(d);
        if (s.contains("E")) {
            s = java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            if (s.length() > 12) s = Double.toString(d).replace("E", "e");
        }
        return s;
    }
}
