package org.bregman.potential.validation;

import java.util.ArrayList;
import java.util.List;

import org.bregman.potential.potential.Binary;
import org.bregman.potential.potential.CompOp;
import org.bregman.potential.potential.Comparison;
import org.bregman.potential.potential.Coordinate;
import org.bregman.potential.potential.Domain;
import org.bregman.potential.potential.Expression;
import org.bregman.potential.potential.SymbolRef;
import org.bregman.potential.util.AstEval;
import org.bregman.symbolic.RealInterval;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

/**
 * Turns {@code domain w > 0}, {@code domain 0 < w < 1}, {@code domain w >= -1 and w <= 1} into an
 * interval. A domain is an interval of the coordinate with numeric bounds: comparisons joined by
 * {@code and}; anything else is reported at the offending node.
 */
public final class DomainAnalysis {
    private DomainAnalysis() {
    }

    /** The interval, or a problem and where it is. */
    public record Outcome(RealInterval interval, String problem, EObject at) {
    }

    /** The problem (node, message) or null; for the validator. */
    public static java.util.Map.Entry<EObject, String> problem(Domain d, Coordinate c) {
        Outcome o = analyse(d, c);
        return o.interval() != null ? null : new java.util.AbstractMap.SimpleEntry<>(o.at(), o.problem());
    }

    public static Outcome analyse(Domain d, Coordinate c) {
        if (c == null || c.getName() == null) return new Outcome(null, "a domain needs psi(w) to name the coordinate", d);
        String w = c.getName();
        if (d.getCondition() == null) return new Outcome(null, "the domain condition is missing", d);
        List<Comparison> parts = new ArrayList<>();
        Outcome bad = split(d.getCondition(), parts, w);
        if (bad != null) return bad;
        RealInterval r = RealInterval.REALS;
        for (Comparison cmp : parts) {
            for (int i = 0; i < cmp.getOps().size() && i + 1 < cmp.getOperands().size(); i++) {
                Expression left = cmp.getOperands().get(i);
                Expression right = cmp.getOperands().get(i + 1);
                CompOp op = cmp.getOps().get(i);
                boolean lw = isCoordinate(left), rw = isCoordinate(right);
                if (lw == rw) {
                    return new Outcome(null, "each comparison of a domain must compare " + w + " with a number, as in domain 0 < "
                            + w + " < 1", cmp);
                }
                Expression bound = lw ? right : left;
                if (!EcoreUtil2.getAllContentsOfType(bound, SymbolRef.class).isEmpty() || bound instanceof SymbolRef) {
                    return new Outcome(null, "a domain bound must be a number (bounds that depend on parameters are not yet supported)",
                            bound);
                }
                double v = AstEval.number(bound, java.util.Map.of());
                if (!Double.isFinite(v)) return new Outcome(null, AstEval.text(bound) + " is not a finite number", bound);
                if (op == CompOp.NE || op == CompOp.EQ) {
                    return new Outcome(null, "a domain is an interval: use < <= > >=, not " + op.getLiteral(), cmp);
                }
                // normalise to "w op v"
                CompOp o = lw ? op : flip(op);
                RealInterval piece = switch (o) {
                    case GT -> new RealInterval(v, false, Double.POSITIVE_INFINITY, false);
                    case GE -> new RealInterval(v, true, Double.POSITIVE_INFINITY, false);
                    case LT -> new RealInterval(Double.NEGATIVE_INFINITY, false, v, false);
                    case LE -> new RealInterval(Double.NEGATIVE_INFINITY, false, v, true);
                    default -> RealInterval.REALS;
                };
                RealInterval next = r.intersect(piece);
                if (next == null || next.isPoint()) {
                    return new Outcome(null, "the domain " + AstEval.text(d.getCondition()) + " is empty or a single point", d.getCondition());
                }
                r = next;
            }
        }
        return new Outcome(r, null, null);
    }

    private static Outcome split(Expression e, List<Comparison> out, String w) {
        if (e instanceof Binary b && "and".equals(b.getOp())) {
            Outcome o = split(b.getLeft(), out, w);
            return o != null ? o : split(b.getRight(), out, w);
        }
        if (e instanceof Comparison c) {
            out.add(c);
            return null;
        }
        if (e instanceof Binary b && "or".equals(b.getOp())) {
            return new Outcome(null, "a domain is one interval: or is not allowed (write e.g. domain 0 < " + w + " < 1)", e);
        }
        return new Outcome(null, "a domain is an interval such as domain " + w + " > 0 or domain 0 < " + w + " < 1", e);
    }

    private static boolean isCoordinate(Expression e) {
        return e instanceof SymbolRef s && s.getSymbol() instanceof Coordinate;
    }

    private static CompOp flip(CompOp op) {
        return switch (op) {
            case LT -> CompOp.GT;
            case LE -> CompOp.GE;
            case GT -> CompOp.LT;
            case GE -> CompOp.LE;
            default -> op;
        };
    }
}
