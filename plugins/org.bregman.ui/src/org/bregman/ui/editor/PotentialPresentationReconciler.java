package org.bregman.ui.editor;

import java.util.List;

import org.bregman.potential.ide.highlighting.PotentialHighlighter;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.IPresentationDamager;
import org.eclipse.jface.text.presentation.IPresentationRepairer;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Lexical and semantic highlighting in one pass. A keystroke can change the meaning of names far away
 * (renaming a parameter turns its uses into unknown names), so the whole document is repainted from a
 * fresh parse; a 500-line file takes a few milliseconds (see BENCHMARKS.md, "Editor latency").
 */
public class PotentialPresentationReconciler extends PresentationReconciler {

	public PotentialPresentationReconciler() {
		WholeDocument dr = new WholeDocument();
		setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
	}

	/** Computes the style ranges of the whole document (public for tests and the latency benchmark). */
	public static List<PotentialHighlighter.Range> ranges(IDocument document) {
		PotentialDocuments.Parsed parsed = PotentialDocuments.get(document);
		PotentialHighlighter h = PotentialLanguage.injector().getInstance(PotentialHighlighter.class);
		synchronized (parsed) {
			return h.highlight(parsed.text, parsed.resource, CancelIndicator.NullImpl);
		}
	}

	static final class WholeDocument implements IPresentationDamager, IPresentationRepairer {
		private IDocument document;

		@Override
		public void setDocument(IDocument document) {
			this.document = document;
		}

		@Override
		public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
			return new Region(0, event.getDocument().getLength());
		}

		@Override
		public void createPresentation(TextPresentation presentation, ITypedRegion damage) {
			if (document == null)
				return;
			int end = damage.getOffset() + damage.getLength();
			for (PotentialHighlighter.Range r : ranges(document)) {
				if (r.offset() + r.length() <= damage.getOffset() || r.offset() >= end)
					continue;
				PotentialColors.Look look = PotentialColors.LOOKS.get(r.style());
				if (look == null)
					continue;
				int s = Math.max(r.offset(), damage.getOffset());
				int e = Math.min(r.offset() + r.length(), end);
				presentation.addStyleRange(new StyleRange(s, e - s, new Color(look.rgb()), null, look.fontStyle()));
			}
		}
	}
}
