package org.bregman.ui.outline;

import java.util.ArrayList;
import java.util.List;

import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.Member;
import org.bregman.potential.potential.Model;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.Setting;
import org.bregman.ui.editor.PotentialDocuments;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Outline of a .potential file: potentials (parameters, definitions) and experiments (settings). */
public class PotentialOutlinePage extends ContentOutlinePage {

	/** A row of the outline: a label and the text range it stands for. */
	public record Item(String label, int offset, int length, List<Item> children) {
		@Override
		public String toString() {
			return label;
		}
	}

	private final ITextEditor editor;
	private final org.eclipse.jface.text.IDocumentListener listener = new org.eclipse.jface.text.IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(org.eclipse.jface.text.DocumentEvent event) {
		}

		@Override
		public void documentChanged(org.eclipse.jface.text.DocumentEvent event) {
			scheduleRefresh();
		}
	};
	private boolean refreshPending;

	public PotentialOutlinePage(ITextEditor editor) {
		this.editor = editor;
	}

	private IDocument document() {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer v = getTreeViewer();
		v.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object e) {
				return ((Item) e).children().toArray();
			}

			@Override
			public Object getParent(Object e) {
				return null;
			}

			@Override
			public boolean hasChildren(Object e) {
				return !((Item) e).children().isEmpty();
			}
		});
		v.setLabelProvider(new LabelProvider());
		IDocument d = document();
		if (d != null) {
			v.setInput(items(d));
			v.expandAll();
			d.addDocumentListener(listener);
		}
	}

	private void scheduleRefresh() {
		if (refreshPending || getControl() == null || getControl().isDisposed())
			return;
		refreshPending = true;
		getControl().getDisplay().timerExec(400, () -> {
			refreshPending = false;
			if (getControl() != null && !getControl().isDisposed() && document() != null) {
				getTreeViewer().setInput(items(document()));
				getTreeViewer().expandAll();
			}
		});
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (event.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof Item i)
			editor.selectAndReveal(i.offset(), i.length());
	}

	@Override
	public void dispose() {
		IDocument d = document();
		if (d != null)
			d.removeDocumentListener(listener);
		super.dispose();
	}

	/** The outline of a document (public for tests). */
	public static List<Item> items(IDocument document) {
		return PotentialDocuments.read(document, parsed -> {
			List<Item> out = new ArrayList<>();
			EObject top = parsed.resource.getContents().isEmpty() ? null : parsed.resource.getContents().get(0);
			if (!(top instanceof Model m))
				return out;
			for (EObject e : m.getElements()) {
				if (e instanceof PotentialDef p) {
					List<Item> kids = new ArrayList<>();
					for (Parameter par : p.getParams())
						kids.add(item(par, "parameter " + par.getName() + " = " + num(par.getDefault()), List.of()));
					for (Member mem : p.getMembers())
						kids.add(item(mem, mem instanceof Definition def ? def.getKind().getLiteral() + "("
								+ (def.getCoordinate() == null ? "" : def.getCoordinate().getName()) + ")" : text(mem),
								List.of()));
					out.add(item(p, "potential " + p.getName(), kids));
				} else if (e instanceof Experiment x) {
					List<Item> kids = new ArrayList<>();
					for (Setting s : x.getSettings())
						kids.add(item(s, text(s), List.of()));
					out.add(item(x, "experiment " + x.getName(), kids));
				}
			}
			return out;
		});
	}

	private static String num(double d) {
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
	}

	private static String text(EObject o) {
		ICompositeNode n = NodeModelUtils.getNode(o);
		String t = n == null ? "" : NodeModelUtils.getTokenText(n);
		return t.length() > 60 ? t.substring(0, 57) + "…" : t;
	}

	private static Item item(EObject o, String label, List<Item> children) {
		ICompositeNode n = NodeModelUtils.getNode(o);
		int off = n == null ? 0 : n.getOffset();
		int len = n == null ? 0 : n.getLength();
		return new Item(label == null ? "?" : label, off, len, children);
	}
}
