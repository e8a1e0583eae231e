package org.bregman.potential.validation;

import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.util.AstEval;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Keeps one broken construct from hiding or multiplying the diagnostics of the others. Xtext's parser
 * recovers from a syntax error and the linker leaves an unresolved name as a proxy, so the rest of the
 * file is validated as usual; only the checks that would read the broken construct (deriving ψ of a
 * potential whose body did not parse, or that names something unknown) are skipped, because the
 * syntax or linking error already says what is wrong there.
 */
public final class Isolation {
    private Isolation() {
    }

    /** Whether a syntax or linking error of the object's file lies inside the object's text. */
    public static boolean broken(EObject o) {
        Resource r = o.eResource();
        if (r == null || r.getErrors().isEmpty()) return false;
        ICompositeNode node = NodeModelUtils.getNode(o);
        if (node == null) return true; // no text to locate it by: assume the worst, skip the dependent checks
        int start = node.getOffset(), end = node.getEndOffset();
        for (Resource.Diagnostic d : r.getErrors()) {
            if (d instanceof AbstractDiagnostic a) {
                if (a.getOffset() >= start && a.getOffset() < end) return true;
            } else if (d.getLine() >= node.getStartLine() && d.getLine() <= node.getEndLine()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the symbolic checks (operation domains, convexity, overrides) of a potential should run:
     * its text parsed and every name in it resolved, and its defaults satisfy their {@code where}
     * constraints (a violated default is reported on its own; deriving with it would only add a
     * second error about the same value).
     */
    public static boolean derivable(PotentialDef p) {
        if (p == null || p.eIsProxy() || broken(p)) return false;
        java.util.Map<String, Double> defaults = MirrorChecks.defaults(p);
        for (Parameter param : p.getParams()) {
            if (param.getConstraint() != null && Boolean.FALSE.equals(AstEval.condition(param.getConstraint(), defaults))) return false;
        }
        return true;
    }
}
