package org.bregman.ui.editor;

import org.bregman.potential.ide.hover.PotentialHoverText;
import org.bregman.ui.BregmanUi;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

/** Hover over a potential's name (definition or use in {@code mirrors}): its derivation. */
public class PotentialTextHover implements ITextHover {

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		return hoverText(viewer.getDocument(), region.getOffset());
	}

	/** The hover text at {@code offset}, or null (public for tests). */
	public static String hoverText(IDocument document, int offset) {
		try {
			return PotentialDocuments.read(document, parsed -> PotentialHoverText.at(parsed.resource, offset));
		} catch (RuntimeException e) {
			BregmanUi.log("hover failed", e);
			return null;
		}
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
