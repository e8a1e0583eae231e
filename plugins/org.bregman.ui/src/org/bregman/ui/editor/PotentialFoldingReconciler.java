package org.bregman.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.Reconciler;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.IProjectionListener;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledError;
import org.bregman.potential.potential.Model;
import org.eclipse.emf.ecore.EObject;

/** Folding of potentials, experiments and multi-line comments (from the parse, not from indentation). */
public class PotentialFoldingReconciler extends Reconciler {
	private final Strategy strategy = new Strategy();

	public PotentialFoldingReconciler() {
		setReconcilingStrategy(strategy, IDocument.DEFAULT_CONTENT_TYPE);
		setIsIncrementalReconciler(false);
		setIsAllowedToModifyDocument(false);
		setDelay(300);
	}

	@Override
	public void install(ITextViewer viewer) {
		super.install(viewer);
		if (viewer instanceof ProjectionViewer pv)
			strategy.setViewer(pv);
	}

	/** The line ranges to fold, as document positions of whole lines (public for tests). */
	public static List<Position> foldingPositions(String text, IDocument document) {
		return foldingPositions(PotentialLanguage.parse(text, PotentialLanguage.scratchUri()), document);
	}

	/** The same from a parse the editor already has (folding reads the node model only). */
	static List<Position> foldingPositions(XtextResource r, IDocument document) {
		List<Position> out = new ArrayList<>();
		if (r.getParseResult() == null)
			return out;
		ICompositeNode root = r.getParseResult().getRootNode();
		for (ILeafNode leaf : root.getLeafNodes())
			if (leaf.isHidden() && leaf.getText().startsWith("/*"))
				addLines(out, document, leaf.getOffset(), leaf.getEndOffset());
		EObject top = r.getContents().isEmpty() ? null : r.getContents().get(0);
		if (top instanceof Model m) {
			for (EObject e : m.getElements()) {
				ICompositeNode n = NodeModelUtils.getNode(e);
				if (n != null)
					addLines(out, document, n.getOffset(), n.getEndOffset());
			}
		}
		return out;
	}

	private static void addLines(List<Position> out, IDocument d, int start, int end) {
		try {
			int l0 = d.getLineOfOffset(start);
			int l1 = d.getLineOfOffset(Math.max(start, end - 1));
			if (l1 <= l0)
				return;
			int s = d.getLineOffset(l0);
			IRegion last = d.getLineInformation(l1);
			int e = last.getOffset() + d.getLineLength(l1);
			out.add(new Position(s, e - s));
		} catch (BadLocationException ex) {
			// the document changed under us; the next reconcile fixes it
		}
	}

	static final class Strategy extends WholeTextStrategy implements IProjectionListener {
		private volatile ProjectionViewer viewer;
		private final List<Annotation> current = new ArrayList<>();

		void setViewer(ProjectionViewer v) {
			viewer = v;
			v.addProjectionListener(this);
		}

		@Override
		public void projectionEnabled() {
			current.clear();
			update();
		}

		@Override
		public void projectionDisabled() {
			current.clear();
		}

		@Override
		protected void update() {
			IDocument d = document;
			ProjectionViewer v = viewer;
			if (d == null || v == null)
				return;
			record Folds(String text, List<Position> positions) {
			}
			Folds folds;
			try {
				folds = PotentialDocuments.read(d, parsed -> new Folds(parsed.text, foldingPositions(parsed.resource, d)));
			} catch (RuntimeException | OperationCanceledError e) {
				// never let an exception end the reconciler's thread: folding would stop for this editor
				BregmanUi.log("folding failed", e);
				return;
			}
			String text = folds.text();
			List<Position> positions = folds.positions();
			Display display = v.getTextWidget() == null ? null : v.getTextWidget().getDisplay();
			if (display == null || display.isDisposed())
				return;
			display.asyncExec(() -> {
				ProjectionAnnotationModel model = v.getProjectionAnnotationModel();
				if (model == null || !text.equals(d.get()))
					return;
				Map<Annotation, Position> added = new HashMap<>();
				for (Position p : positions)
					added.put(new ProjectionAnnotation(), p);
				model.modifyAnnotations(current.toArray(Annotation[]::new), added, null);
				current.clear();
				current.addAll(added.keySet());
			});
		}
	}
}
