package org.bregman.potential.translate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bregman.potential.potential.Call;
import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.DefinitionKind;
import org.bregman.potential.potential.Expression;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.SymbolRef;
import org.bregman.potential.util.AstEval;
import org.bregman.potential.util.PotentialModels;
import org.bregman.potential.validation.MirrorChecks;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

/**
 * The reductions over the whole parameter vector, {@code sum(expr)} and {@code norm(w, p)}: what they are
 * (content assist and hover read {@link #DESCRIPTIONS}) and where they may be used ({@link #problem}, the
 * validator's located errors; the translator refuses the same uses).
 */
public final class Reductions {

    /** Name → description, in the order content assist shows them. */
    public static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
    static {
        DESCRIPTIONS.put("sum", "sum(expr): Σ_j expr(w_j) over every coordinate of the parameter vector (a non-separable potential)");
        DESCRIPTIONS.put("norm", "norm(w, p): ‖w‖_p = (Σ_j |w_j|^p)^(1/p) of the whole parameter vector, p > 1 (e.g. 0.5 * norm(w, 3)^2)");
    }

    /** Arity of each reduction. */
    public static int arity(String name) {
        return "norm".equals(name) ? 2 : 1;
    }

    private Reductions() {
    }

    public static boolean isReduction(String name) {
        return DESCRIPTIONS.containsKey(name);
    }

    /** What is wrong with this use of a reduction, or null; {@link #where} is the node to underline. */
    public static String problem(Call call) {
        String name = call.getFunction();
        if (call.getArgs().size() != arity(name)) {
            return name + " takes " + arity(name) + " argument" + (arity(name) == 1 ? "" : "s") + ", not " + call.getArgs().size();
        }
        Definition def = EcoreUtil2.getContainerOfType(call, Definition.class);
        if (def == null || def.getKind() != DefinitionKind.PSI) {
            String place = def != null ? def.getKind().getLiteral() + "(…)" : EcoreUtil2.getContainerOfType(call, Parameter.class) != null
                    ? "a where constraint" : "a domain";
            return name + "(…) reduces over the whole parameter vector: it may appear in psi only, not in " + place
                    + " (a non-separable potential derives its own gradient and inverse)";
        }
        for (EObject up = call.eContainer(); up != null && up != def; up = up.eContainer()) {
            if (up instanceof Call outer && isReduction(outer.getFunction())) {
                return "nested reductions are not supported: " + name + "(…) inside " + outer.getFunction() + "(…)";
            }
        }
        if ("norm".equals(name)) {
            Expression x = call.getArgs().get(0);
            if (!(x instanceof SymbolRef ref) || ref.getSymbol() != def.getCoordinate()) {
                return "norm(x, p) takes the coordinate " + coordinate(def) + " as x, not " + AstEval.text(x)
                        + " (for another expression write sum(|expr|^p)^(1/p))";
            }
            double p = AstEval.number(call.getArgs().get(1), defaults(def));
            if (p == p && !(p > 1)) {
                return "norm(" + coordinate(def) + ", p) needs p > 1 (strictly convex ‖w‖_p^2), but p = " + AstEval.fmt(p);
            }
            if (mentionsCoordinate(call.getArgs().get(1), def)) return "the exponent of norm(…) may not depend on " + coordinate(def);
        }
        return null;
    }

    /**
     * The first reduction of psi that differs from the one before it (one S = Σ_j g(w_j) per potential: separable
     * terms next to it are not supported), or null.
     */
    public static Call secondReduction(Definition psi) {
        String first = null;
        if (psi.getBody() == null) return null;
        for (Call c : EcoreUtil2.getAllContentsOfType(psi.getBody(), Call.class)) {
            if (!isReduction(c.getFunction()) || EcoreUtil2.getContainerOfType(c.eContainer(), Call.class) != null
                    && nestedIn(c)) continue;
            String text = AstEval.text(c).replace(" ", "");
            if (first == null) first = text;
            else if (!first.equals(text)) return c;
        }
        return null;
    }

    private static boolean nestedIn(Call c) {
        for (EObject up = c.eContainer(); up != null; up = up.eContainer()) {
            if (up instanceof Call outer && isReduction(outer.getFunction())) return true;
        }
        return false;
    }

    /** A use of the coordinate outside every reduction in a psi that has one, or null. */
    public static SymbolRef strayCoordinate(Definition psi) {
        if (psi.getBody() == null || EcoreUtil2.getAllContentsOfType(psi.getBody(), Call.class).stream()
                .noneMatch(c -> isReduction(c.getFunction()))) {
            return null;
        }
        for (SymbolRef r : EcoreUtil2.getAllContentsOfType(psi.getBody(), SymbolRef.class)) {
            if (r.getSymbol() != psi.getCoordinate()) continue;
            boolean inside = false;
            for (EObject up = r.eContainer(); up != null && up != psi; up = up.eContainer()) {
                if (up instanceof Call c && isReduction(c.getFunction())) inside = true;
            }
            if (!inside) return r;
        }
        return null;
    }

    private static boolean mentionsCoordinate(Expression e, Definition def) {
        for (SymbolRef r : EcoreUtil2.getAllContentsOfType(e, SymbolRef.class)) if (r.getSymbol() == def.getCoordinate()) return true;
        return e instanceof SymbolRef r && r.getSymbol() == def.getCoordinate();
    }

    private static String coordinate(Definition def) {
        return def.getCoordinate() == null ? "w" : def.getCoordinate().getName();
    }

    private static Map<String, Double> defaults(Definition def) {
        PotentialDef p = EcoreUtil2.getContainerOfType(def, PotentialDef.class);
        return p == null ? Map.of() : MirrorChecks.defaults(p);
    }

    /** Whether psi of {@code p} has a reduction (a non-separable potential). */
    public static boolean nonSeparable(PotentialDef p) {
        Definition psi = PotentialModels.psi(p);
        return psi != null && psi.getBody() != null
                && EcoreUtil2.getAllContentsOfType(psi.getBody(), Call.class).stream().anyMatch(c -> isReduction(c.getFunction()));
    }
}
