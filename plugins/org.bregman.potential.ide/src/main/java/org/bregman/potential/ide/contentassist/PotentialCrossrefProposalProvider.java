package org.bregman.potential.ide.contentassist;

import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.symbolic.Printer;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;

import com.google.inject.Inject;

/**
 * Proposals for names that refer to something (a potential after {@code mirrors}, a parameter in
 * {@code QNorm(q = …)}) in words a researcher reads: {@code QNorm(q = 3)} with the description
 * {@code potential} and the doc comment, not Xtext's {@code QNorm – PotentialDef}. The Eclipse editor
 * and the language server both show these.
 */
public class PotentialCrossrefProposalProvider extends IdeCrossrefProposalProvider {

	@Inject
	private IEObjectDocumentationProvider docs;

	@Override
	protected ContentAssistEntry createProposal(IEObjectDescription candidate, CrossReference crossRef,
			ContentAssistContext context) {
		ContentAssistEntry e = super.createProposal(candidate, crossRef, context);
		if (e == null)
			return null;
		EObject o = candidate.getEObjectOrProxy();
		if (o != null && o.eIsProxy() && context.getResource() != null)
			o = EcoreUtil.resolve(o, context.getResource());
		if (o instanceof PotentialDef p) {
			e.setLabel(signature(p));
			e.setDescription("potential");
			e.setDocumentation(docs.getDocumentation(p));
		} else if (o instanceof Parameter p) {
			e.setLabel(p.getName() + " = " + Printer.number(p.getDefault()));
			e.setDescription("parameter");
		} else if (candidate.getEClass() != null) {
			e.setDescription(candidate.getEClass().getName().toLowerCase());
		}
		return e;
	}

	/** {@code QNorm(q = 3)}, or {@code QNorm2} without parameters. */
	public static String signature(PotentialDef p) {
		if (p.getParams().isEmpty())
			return p.getName();
		StringBuilder sb = new StringBuilder(p.getName()).append('(');
		String sep = "";
		for (Parameter a : p.getParams()) {
			sb.append(sep).append(a.getName()).append(" = ").append(Printer.number(a.getDefault()));
			sep = ", ";
		}
		return sb.append(')').toString();
	}
}
