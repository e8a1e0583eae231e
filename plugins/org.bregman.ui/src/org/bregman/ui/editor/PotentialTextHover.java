package org.bregman.ui.editor;

import org.bregman.potential.ide.hover.PotentialHoverText;
import org.bregman.ui.BregmanUi;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

/** Hover over a potential's name (definition or use in {@code mirrors}): its derivation, in a hover that wraps long formulas. */
public class PotentialTextHover implements ITextHover, ITextHoverExtension {

	@Override
	public IInformationControlCreator getHoverControlCreator() {
		return PotentialHoverControl::new;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		return hoverText(viewer.getDocument(), region.getOffset());
	}

	/** The hover text at {@code offset}, or null (public for tests). */
	public static String hoverText(IDocument document, int offset) {
		try {
			return PotentialDocuments.read(document, parsed -> {
				String derivation = PotentialHoverText.at(parsed.resource, offset);
				String doc = derivation == null ? null : docComment(parsed.resource, offset);
				if (doc == null || doc.isBlank())
					return derivation;
				// under the first line (the potential and its arguments), above the formulas
				int eol = derivation.indexOf('\n');
				return eol < 0 ? derivation + "\n" + doc.strip()
						: derivation.substring(0, eol + 1) + doc.strip() + "\n\n" + derivation.substring(eol + 1);
			});
		} catch (RuntimeException e) {
			BregmanUi.log("hover failed", e);
			return null;
		}
	}

	/** The doc comment ({@code /** … *}{@code /}) of the potential named at {@code offset}, or null. */
	static String docComment(org.eclipse.xtext.resource.XtextResource resource, int offset) {
		org.eclipse.emf.ecore.EObject o = new org.eclipse.xtext.resource.EObjectAtOffsetHelper().resolveElementAt(resource,
				offset);
		if (!(o instanceof org.bregman.potential.potential.PotentialDef p) || p.eIsProxy())
			return null;
		return org.bregman.ui.PotentialLanguage.injector()
				.getInstance(org.eclipse.xtext.documentation.IEObjectDocumentationProvider.class).getDocumentation(p);
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		IDocument d = viewer.getDocument();
		try {
			int s = offset;
			while (s > 0 && Character.isJavaIdentifierPart(d.getChar(s - 1)))
				s--;
			int e = offset;
			while (e < d.getLength() && Character.isJavaIdentifierPart(d.getChar(e)))
				e++;
			return new Region(s, e - s);
		} catch (BadLocationException ex) {
			return new Region(offset, 0);
		}
	}
}
