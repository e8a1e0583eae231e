package org.bregman.potential.validation;

import java.util.Map;

import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.translate.PotentialTranslator;
import org.bregman.potential.util.PotentialModels;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Diagnostic;
import org.bregman.symbolic.SymbolicException;
import org.eclipse.emf.ecore.EObject;

/**
 * Checks that need the symbolic engine: operation domains ({@code log(w)} without
 * {@code domain w > 0}), strict convexity and overrides against the derivation — for a potential
 * with its defaults, and for each use site ({@code QNorm(q = 1)}) with its arguments. The symbolic
 * engine names the {@code Expr} node a problem is about; the translator's map turns it back into the
 * AST node, hence the source location.
 */
public final class SymbolicChecks {
    private SymbolicChecks() {
    }

    /** Receives a diagnostic: severity ("error" or "warning"), message, node, feature name or null. */
    @FunctionalInterface
    public interface Reporter {
        void report(String severity, String message, EObject node, String feature);
    }

    /** Checks a potential with its default parameter values. */
    public static void check(PotentialDef p, Reporter reporter) {
        PotentialTranslator.Result t = PotentialTranslator.translate(p);
        if (t.spec() == null) return; // the syntactic checks have said why
        Definition psi = PotentialModels.psi(p);
        EObject fallback = psi != null ? psi : p;
        try {
            Derivation d = Derivation.derive(t.spec());
            for (Diagnostic diag : d.check()) {
                EObject at = t.origin(diag.node());
                reporter.report(diag.isError() ? "error" : "warning", diag.message(), at != null ? at : fallback, null);
            }
        } catch (SymbolicException e) {
            reporter.report("error", p.getName() + ": " + e.getMessage(), fallback, null);
        } catch (RuntimeException | StackOverflowError e) {
            reporter.report("error", "cannot derive " + p.getName() + " (internal error: " + e + ")", fallback, null);
        }
    }

    /**
     * Checks a use site with its arguments. Problems that the defaults have too are reported once, at
     * the potential; here only those caused by the arguments, e.g. {@code QNorm(q = 1)} is not
     * strictly convex.
     */
    public static void checkUseSite(MirrorUse use, Map<String, Double> arguments, Reporter reporter) {
        PotentialDef p = use.getPotential();
        PotentialTranslator.Result t = PotentialTranslator.translate(p);
        if (t.spec() == null) return;
        String key = PotentialValidator.mirrorKey(use);
        try {
            if (Derivation.derive(t.spec()).check().stream().anyMatch(Diagnostic::isError)) return;
            Derivation bound = Derivation.derive(t.spec(), arguments);
            for (Diagnostic diag : bound.check()) {
                if (diag.isError()) reporter.report("error", key + ": " + diag.message(), use, null);
            }
        } catch (SymbolicException e) {
            reporter.report("error", key + ": " + e.getMessage(), use, null);
        } catch (RuntimeException | StackOverflowError e) {
            reporter.report("error", "cannot derive " + key + " (internal error: " + e + ")", use, null);
        }
    }
}
