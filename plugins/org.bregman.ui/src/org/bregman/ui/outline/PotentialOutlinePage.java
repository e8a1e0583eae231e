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
import org.bregman.ui.Icons;
import org.bregman.ui.editor.PotentialDocuments;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
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

	/** A row of the outline: a label, its icon (an {@link Icons} name or null) and the text range it stands for. */
	public record Item(String label, String icon, int offset, int length, List<Item> children) {
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
	private final ISelectionChangedListener caretListener = e -> {
		if (e.getSelection() instanceof ITextSelection t)
			revealCaret(t.getOffset());
	};
	private boolean refreshPending;
	private boolean linkWithEditor = true;
	/** true while the outline follows the caret (so that it does not move the caret back) */
	private boolean following;

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
		v.setContentProvider(new ItemContentProvider());
		v.setLabelProvider(new ItemLabelProvider());
		IDocument d = document();
		if (d != null) {
			v.setInput(items(d));
			v.expandAll();
			d.addDocumentListener(listener);
		}
		editor.getSelectionProvider().addSelectionChangedListener(caretListener);
	}

	@Override
	public void setActionBars(IActionBars bars) {
		super.setActionBars(bars);
		Action link = new Action("Link with Editor", IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				linkWithEditor = isChecked();
			}
		};
		link.setChecked(linkWithEditor);
		link.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
		bars.getToolBarManager().add(link);
	}

	/** Selects the row of what the caret is in (link with editor). */
	private void revealCaret(int offset) {
		if (!linkWithEditor || getControl() == null || getControl().isDisposed())
			return;
		Item at = deepestAt(asItems(getTreeViewer().getInput()), offset);
		if (at == null)
			return;
		following = true;
		try {
			getTreeViewer().setSelection(new StructuredSelection(at), true);
		} finally {
			following = false;
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Item> asItems(Object input) {
		return input instanceof List<?> l ? (List<Item>) l : List.of();
	}

	/** The innermost row whose range contains {@code offset}, or null. */
	public static Item deepestAt(List<Item> items, int offset) {
		for (Item i : items)
			if (offset >= i.offset() && offset <= i.offset() + i.length()) {
				Item inner = deepestAt(i.children(), offset);
				return inner != null ? inner : i;
			}
		return null;
	}

	/** Rows as a tree (shared with the Quick Outline). */
	public static final class ItemContentProvider implements ITreeContentProvider {
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
	}

	/** A row's label and icon. */
	public static final class ItemLabelProvider extends LabelProvider {
		@Override
		public Image getImage(Object e) {
			return e instanceof Item i ? Icons.get(i.icon()) : null;
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
		if (!following && event.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof Item i)
			editor.selectAndReveal(i.offset(), i.length());
	}

	@Override
	public void dispose() {
		IDocument d = document();
		if (d != null)
			d.removeDocumentListener(listener);
		if (editor.getSelectionProvider() != null)
			editor.getSelectionProvider().removeSelectionChangedListener(caretListener);
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
						kids.add(item(par, "parameter " + par.getName() + " = " + num(par.getDefault()), Icons.PARAMETER,
								List.of()));
					for (Member mem : p.getMembers())
						kids.add(item(mem, mem instanceof Definition def ? def.getKind().getLiteral() + "("
								+ (def.getCoordinate() == null ? "" : def.getCoordinate().getName()) + ")" : text(mem),
								null, List.of()));
					out.add(item(p, "potential " + p.getName(), Icons.POTENTIAL, kids));
				} else if (e instanceof Experiment x) {
					List<Item> kids = new ArrayList<>();
					for (Setting s : x.getSettings())
						kids.add(item(s, text(s), null, List.of()));
					out.add(item(x, "experiment " + x.getName(), Icons.EXPERIMENT, kids));
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

	private static Item item(EObject o, String label, String icon, List<Item> children) {
		ICompositeNode n = NodeModelUtils.getNode(o);
		int off = n == null ? 0 : n.getOffset();
		int len = n == null ? 0 : n.getLength();
		return new Item(label == null ? "?" : label, icon, off, len, children);
	}
}
