package org.bregman.potential.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bregman.potential.ide.formatting.PotentialFormatter;
import org.bregman.potential.potential.PotentialDef;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Quick fixes for the diagnostics that name their fix ("did you mean 'QNorm'?", "add `domain w > 0`"),
 * as plain text edits: the language server's code actions and the Eclipse editor's quick fixes both use
 * them.
 */
public final class PotentialQuickFixes {
	private PotentialQuickFixes() {
	}

	/** A fix: replace {@code length} characters at {@code offset} with {@code text}. */
	public record Fix(String label, int offset, int length, String text) {
	}

	private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean '([^']+)'\\?");
	private static final Pattern ADD_DOMAIN = Pattern.compile("add `(domain [^`]+)`");

	/**
	 * The fixes of the diagnostic {@code message} reported at {@code offset}/{@code length} of
	 * {@code resource} (empty when the message names none).
	 */
	public static List<Fix> of(XtextResource resource, String message, int offset, int length) {
		List<Fix> out = new ArrayList<>();
		if (message == null || resource == null || resource.getParseResult() == null)
			return out;
		ICompositeNode root = resource.getParseResult().getRootNode();
		Matcher m = DID_YOU_MEAN.matcher(message);
		if (m.find()) {
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
			if (leaf != null && !leaf.isHidden())
				out.add(new Fix("Change to '" + m.group(1) + "'", leaf.getOffset(), leaf.getLength(), m.group(1)));
		}
		Matcher d = ADD_DOMAIN.matcher(message);
		if (d.find()) {
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
			EObject at = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
			PotentialDef p = at == null ? null : EcoreUtil2.getContainerOfType(at, PotentialDef.class);
			INode brace = p == null ? null : openingBrace(NodeModelUtils.getNode(p));
			if (brace != null)
				out.add(new Fix("Add `" + d.group(1) + "`", brace.getEndOffset(), 0,
						"\n" + PotentialFormatter.INDENT + d.group(1)));
		}
		return out;
	}

	private static INode openingBrace(ICompositeNode potential) {
		if (potential == null)
			return null;
		for (ILeafNode l : potential.getLeafNodes())
			if (!l.isHidden() && l.getText().equals("{"))
				return l;
		return null;
	}
}
