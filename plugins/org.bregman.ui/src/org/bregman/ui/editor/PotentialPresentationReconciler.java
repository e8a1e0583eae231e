package org.bregman.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.bregman.potential.ide.highlighting.PotentialHighlighter;
import org.bregman.potential.ide.highlighting.PotentialSemanticHighlightingCalculator;
import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.IPresentationDamager;
import org.eclipse.jface.text.presentation.IPresentationRepairer;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Lexical and semantic highlighting. A keystroke repaints synchronously from the language's lexer (fast)
 * plus the last semantic ranges, shifted past the edit; a background job then parses the new text,
 * computes the semantic ranges (parameters, coordinate, potentials … — a keystroke can change the meaning
 * of names far away) and repaints once more. Timings in BENCHMARKS.md, "Editor latency".
 */
public class PotentialPresentationReconciler extends PresentationReconciler {

	/** Semantic ranges computed for one text. */
	record Semantic(String text, List<PotentialHighlighter.Range> ranges) {
	}

	private static final Map<IDocument, Semantic> SEMANTIC = new WeakHashMap<>();

	private final WholeDocument dr = new WholeDocument(this);
	private ITextViewer viewer;
	private Job job;

	public PotentialPresentationReconciler() {
		setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
	}

	@Override
	public void install(ITextViewer viewer) {
		super.install(viewer);
		this.viewer = viewer;
	}

	/** Whether the semantic ranges of this document are those of its current text (for tests and benchmarks). */
	public static boolean isSemanticUpToDate(IDocument d) {
		// the text first, outside our lock: a file buffer's document takes its own lock in get(), and the
		// UI thread holds that one while it asks us for ranges during an edit
		String text = d.get();
		Semantic s;
		synchronized (SEMANTIC) {
			s = SEMANTIC.get(d);
		}
		return s != null && s.text().equals(text);
	}

	/** Lexical plus the freshest semantic ranges available for {@code text}, merged (semantic wins). */
	public static List<PotentialHighlighter.Range> ranges(IDocument document, String text) {
		PotentialHighlighter h = PotentialLanguage.injector().getInstance(PotentialHighlighter.class);
		Semantic s;
		synchronized (SEMANTIC) {
			s = SEMANTIC.get(document);
		}
		List<PotentialHighlighter.Range> semantic = s == null ? List.of() : shift(s, text);
		return PotentialHighlighter.merge(text, h.lexical(text), semantic);
	}

	/** How long the last semantic pass took (bringing the parse up to date + the calculator), for benchmarks. */
	public static volatile long lastSemanticNanos;

	/** Computes the semantic ranges of the current text now (parses it). */
	public static void computeSemantic(IDocument document) {
		long t0 = System.nanoTime();
		PotentialSemanticHighlightingCalculator calc = PotentialLanguage.injector()
				.getInstance(PotentialSemanticHighlightingCalculator.class);
		Semantic semantic = PotentialDocuments.read(document, parsed -> {
			List<PotentialHighlighter.Range> out = new ArrayList<>();
			calc.provideHighlightingFor(parsed.resource, (offset, length, ids) -> {
				if (ids.length > 0)
					out.add(new PotentialHighlighter.Range(offset, length, ids[ids.length - 1]));
			}, CancelIndicator.NullImpl);
			return new Semantic(parsed.text, out);
		});
		synchronized (SEMANTIC) {
			SEMANTIC.put(document, semantic);
		}
		lastSemanticNanos = System.nanoTime() - t0;
	}

	/** The semantic ranges of an older text, moved past the edit that turned it into {@code text}; ranges touching the edit are dropped. */
	static List<PotentialHighlighter.Range> shift(Semantic s, String text) {
		String old = s.text();
		if (old.equals(text))
			return s.ranges();
		int p = 0;
		int max = Math.min(old.length(), text.length());
		while (p < max && old.charAt(p) == text.charAt(p))
			p++;
		int q = 0;
		while (q < max - p && old.charAt(old.length() - 1 - q) == text.charAt(text.length() - 1 - q))
			q++;
		int oldEnd = old.length() - q;
		int delta = text.length() - old.length();
		List<PotentialHighlighter.Range> out = new ArrayList<>();
		for (PotentialHighlighter.Range r : s.ranges()) {
			int end = r.offset() + r.length();
			if (end < p)
				out.add(r);
			else if (r.offset() > oldEnd)
				out.add(new PotentialHighlighter.Range(r.offset() + delta, r.length(), r.style()));
		}
		return out;
	}

	/** The reconciler that paints each open document (weakly: closed editors drop out). */
	private static final Map<IDocument, PotentialPresentationReconciler> PAINTERS = new WeakHashMap<>();

	/**
	 * Makes the semantic ranges those of the document's current text and repaints, unless they already
	 * are. Called by the highlighting job after each keystroke and by validation before it validates, so
	 * whichever of the two takes the document's parse first also highlights (otherwise, on a busy
	 * machine, highlighting could wait behind a whole validation).
	 */
	public static void ensureSemantic(IDocument document) {
		PotentialDocuments.read(document, parsed -> {
			if (isSemanticUpToDate(document))
				return null;
			computeSemantic(document);
			PotentialPresentationReconciler painter;
			synchronized (PAINTERS) {
				painter = PAINTERS.get(document);
			}
			ITextViewer v = painter == null ? null : painter.viewer;
			Display display = v == null || v.getTextWidget() == null ? null : v.getTextWidget().getDisplay();
			if (display != null && !display.isDisposed())
				display.asyncExec(() -> {
					if (v.getTextWidget() != null && !v.getTextWidget().isDisposed() && isSemanticUpToDate(document))
						v.invalidateTextPresentation();
				});
			return null;
		});
	}

	void scheduleSemantic(IDocument document) {
		synchronized (PAINTERS) {
			PAINTERS.put(document, this);
		}
		if (isSemanticUpToDate(document))
			return;
		if (job == null) {
			job = Job.create("Potential semantic highlighting", monitor -> {
				try {
					ensureSemantic(document);
				} catch (OperationCanceledError | OperationCanceledException e) {
					return Status.CANCEL_STATUS;
				} catch (RuntimeException e) {
					BregmanUi.log("semantic highlighting failed", e);
				}
				return Status.OK_STATUS;
			});
			job.setSystem(true);
			job.setPriority(Job.SHORT);
		}
		// no delay: the parse it makes is the one validation reuses a moment later
		job.cancel();
		job.schedule();
	}

	static final class WholeDocument implements IPresentationDamager, IPresentationRepairer {
		private final PotentialPresentationReconciler owner;
		private IDocument document;

		WholeDocument(PotentialPresentationReconciler owner) {
			this.owner = owner;
		}

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
			IDocument d = document;
			if (d == null)
				return;
			String text = d.get();
			int end = damage.getOffset() + damage.getLength();
			for (PotentialHighlighter.Range r : ranges(d, text)) {
				if (r.offset() + r.length() <= damage.getOffset() || r.offset() >= end)
					continue;
				PotentialColors.Look look = PotentialColors.LOOKS.get(r.style());
				if (look == null)
					continue;
				int s = Math.max(r.offset(), damage.getOffset());
				int e = Math.min(r.offset() + r.length(), end);
				presentation.addStyleRange(new StyleRange(s, e - s, new Color(look.rgb()), null, look.fontStyle()));
			}
			owner.scheduleSemantic(d);
		}
	}
}
