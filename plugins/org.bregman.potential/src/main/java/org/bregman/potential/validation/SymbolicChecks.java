package org.bregman.potential.validation;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.translate.PotentialTranslator;
import org.bregman.potential.util.AstEval;
import org.bregman.potential.util.PotentialModels;
import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.CheckFinding;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.PotentialSpec;
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
            Checked c = checked(p, t.spec(), null);
            Map<Expr, Expr> nodes = correspondence(c.spec(), t.spec());
            for (CheckFinding diag : c.diagnostics()) {
                EObject at = t.origin(nodes.get(diag.node()));
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
        String key = MirrorChecks.mirrorKey(use);
        try {
            if (checked(p, t.spec(), null).diagnostics().stream().anyMatch(CheckFinding::isError)) return;
            for (CheckFinding diag : checked(p, t.spec(), arguments).diagnostics()) {
                if (diag.isError()) reporter.report("error", key + ": " + diag.message(), use, null);
            }
        } catch (SymbolicException e) {
            reporter.report("error", key + ": " + e.getMessage(), use, null);
        } catch (RuntimeException | StackOverflowError e) {
            reporter.report("error", "cannot derive " + key + " (internal error: " + e + ")", use, null);
        }
    }

    /** A derivation's checks, with the spec they were computed on. */
    private record Checked(PotentialSpec spec, List<CheckFinding> diagnostics) {
    }

    /**
     * Derivations are the expensive part of validation and the same potential is checked again at
     * every use site and on every keystroke: results are cached by the potential's source text (and
     * the arguments). A cached diagnostic refers to nodes of the cached spec; {@link #correspondence}
     * maps them to the nodes of the current one.
     */
    private static final Map<String, Checked> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
            return size() > 512;
        }
    };

    private static Checked checked(PotentialDef p, PotentialSpec spec, Map<String, Double> arguments) {
        String key = AstEval.text(p) + (arguments == null ? "" : "|" + arguments);
        synchronized (CACHE) {
            Checked c = CACHE.get(key);
            if (c != null) return c;
        }
        // a time-varying psi(w; t) is checked with t left symbolic, t >= 0: what is proved holds at every time
        PotentialSpec checkedSpec = spec.isTimeVarying() ? spec.boundExceptTime(arguments == null ? Map.of() : arguments) : spec;
        List<CheckFinding> findings;
        if (spec.isComposite()) {
            findings = (arguments == null ? CompositeDerivation.derive(spec) : CompositeDerivation.derive(spec, arguments)).check();
        } else if (spec.isTimeVarying()) {
            findings = Derivation.derive(checkedSpec).check();
        } else {
            findings = (arguments == null ? Derivation.derive(spec) : Derivation.derive(spec, arguments)).check();
        }
        Checked c = new Checked(checkedSpec, List.copyOf(findings));
        synchronized (CACHE) {
            CACHE.put(key, c);
        }
        return c;
    }

    /** Node of {@code from} → node at the same place in {@code to} (two translations of the same text). */
    private static Map<Expr, Expr> correspondence(PotentialSpec from, PotentialSpec to) {
        Map<Expr, Expr> m = new IdentityHashMap<>();
        pair(from.psi(), to.psi(), m);
        if (from.grad() != null && to.grad() != null) pair(from.grad().body(), to.grad().body(), m);
        if (from.inverse() != null && to.inverse() != null) pair(from.inverse().body(), to.inverse().body(), m);
        if (from.reduction() != null && to.reduction() != null) pair(from.reduction().inner(), to.reduction().inner(), m);
        return m;
    }

    private static void pair(Expr a, Expr b, Map<Expr, Expr> m) {
        m.put(a, b);
        List<Expr> ca = a.children(), cb = b.children();
        for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) pair(ca.get(i), cb.get(i), m);
    }
}
