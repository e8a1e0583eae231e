package org.bregman.potential.ide.server;

import org.bregman.potential.ide.hover.PotentialHoverText;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * LSP hover: over a potential's name (definition or use), the derivation of {@link PotentialHoverText}
 * (the Eclipse hover's text) under the doc comment; elsewhere Xtext's default (doc comments).
 */
public class PotentialHoverService extends HoverService {

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
		int offset = document.getOffSet(params.getPosition());
		String derivation = PotentialHoverText.at(resource, offset);
		if (derivation == null)
			return super.hover(document, resource, params, cancel);
		StringBuilder md = new StringBuilder();
		Hover doc = super.hover(document, resource, params, cancel);
		if (doc != null && doc.getContents() != null && doc.getContents().isRight()
				&& !doc.getContents().getRight().getValue().isBlank())
			md.append(doc.getContents().getRight().getValue()).append("\n\n");
		md.append("```\n").append(derivation).append("\n```");
		Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString()));
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf != null)
			h.setRange(PotentialCodeActionService.range(document, leaf.getOffset(), leaf.getLength()));
		return h;
	}
}
