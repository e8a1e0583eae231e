package org.bregman.potential.linking;

import java.util.ArrayList;
import java.util.List;

import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.PotentialPackage;
import org.bregman.potential.util.PotentialModels;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;

import com.google.inject.Inject;

/** Unknown names in words a researcher reads, with "did you mean" and the names that are in scope. */
public class PotentialLinkingDiagnostics extends LinkingDiagnosticMessageProvider {

    @Inject
    private IScopeProvider scopes;

    @Override
    public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
        String name = context.getLinkText();
        EObject ctx = context.getContext();
        List<String> candidates = candidates(ctx, context);
        String msg;
        if (context.getReference() == PotentialPackage.Literals.SYMBOL_REF__SYMBOL) {
            PotentialDef p = EcoreUtil2.getContainerOfType(ctx, PotentialDef.class);
            String time = timeOf(p);
            msg = name.equals(time) ? "'" + name + "' is the time of psi(w; " + name + "): only the body of psi can use it"
                    : "unknown name '" + name + "'" + PotentialModels.didYouMean(name, candidates)
                    + (candidates.isEmpty() ? "" : " (known here: " + String.join(", ", candidates) + ")")
                    + (p != null && p.getParams().isEmpty() && candidates.size() <= 1
                            ? "; declare a parameter as in `potential " + p.getName() + "(" + name + " = 1) { … }`" : "")
                    + (time == null && "t".equals(name) && inPsi(ctx) ? "; for a potential that varies with the time, write psi(w; " + name + ")" : "");
        } else if (context.getReference() == PotentialPackage.Literals.MIRROR_USE__POTENTIAL) {
            msg = "unknown potential '" + name + "'" + PotentialModels.didYouMean(name, candidates)
                    + (candidates.isEmpty() ? "; define it in this file or import its file"
                            : " (known here: " + String.join(", ", candidates) + ")");
        } else if (context.getReference() == PotentialPackage.Literals.ARG_OVERRIDE__PARAMETER) {
            MirrorUse use = EcoreUtil2.getContainerOfType(ctx, MirrorUse.class);
            String pot = use != null && use.getPotential() != null && !use.getPotential().eIsProxy()
                    ? use.getPotential().getName() : null;
            if (pot == null) {
                msg = "unknown parameter '" + name + "'";
            } else {
                msg = pot + " has no parameter '" + name + "'" + PotentialModels.didYouMean(name, candidates)
                        + (candidates.isEmpty() ? "; it takes no parameters" : " (its parameters: " + String.join(", ", candidates) + ")");
            }
        } else {
            return super.getUnresolvedProxyMessage(context);
        }
        return new DiagnosticMessage(msg, Severity.ERROR, Diagnostic.LINKING_DIAGNOSTIC);
    }

    /** Whether {@code o} is in the body of a {@code psi(w) = …} (where the time of a {@code psi(w; t)} would go). */
    private static boolean inPsi(EObject o) {
        org.bregman.potential.potential.Definition d = EcoreUtil2.getContainerOfType(o, org.bregman.potential.potential.Definition.class);
        return d != null && d.getKind() == org.bregman.potential.potential.DefinitionKind.PSI;
    }

    /** The time variable of a potential's psi(w; t), or null. */
    private static String timeOf(PotentialDef p) {
        org.bregman.potential.potential.Definition psi = p == null ? null : PotentialModels.psi(p);
        return psi == null || psi.getExtra().isEmpty() ? null : psi.getExtra().get(0).getName();
    }

    private List<String> candidates(EObject ctx, ILinkingDiagnosticContext context) {
        List<String> out = new ArrayList<>();
        try {
            IScope scope = scopes.getScope(ctx, context.getReference());
            for (IEObjectDescription d : scope.getAllElements()) {
                String n = d.getName().toString();
                if (!out.contains(n)) out.add(n);
            }
        } catch (RuntimeException e) {
            // best effort: a message without suggestions is still a message
        }
        return out;
    }

}
