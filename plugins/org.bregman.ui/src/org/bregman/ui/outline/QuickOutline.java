package org.bregman.ui.outline;

import java.util.List;

import org.bregman.ui.outline.PotentialOutlinePage.Item;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.PopupDialog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Quick Outline (Ctrl+O): the outline in a popup over the editor with a filter field; Enter or a click
 * goes to the row, Escape closes it.
 */
public class QuickOutline extends PopupDialog {
	private final ITextEditor editor;
	private final List<Item> items;
	private Text filter;
	private TreeViewer tree;

	public QuickOutline(Shell parent, ITextEditor editor, List<Item> items) {
		// a title text (even empty) gives the popup its title area, where the filter field goes
		super(parent, PopupDialog.INFOPOPUPRESIZE_SHELLSTYLE, true, true, false, false, false, "",
				"Type to filter, Enter to go");
		this.editor = editor;
		this.items = items;
	}

	/** The handler of the Quick Outline command. */
	public static class Handler extends AbstractHandler {
		@Override
		public Object execute(ExecutionEvent event) {
			if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor))
				return null;
			IDocument d = editor.getDocumentProvider().getDocument(editor.getEditorInput());
			if (d != null)
				new QuickOutline(HandlerUtil.getActiveShell(event), editor, PotentialOutlinePage.items(d)).open();
			return null;
		}
	}

	@Override
	protected Control createTitleControl(Composite parent) {
		filter = new Text(parent, SWT.NONE);
		filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		filter.addModifyListener(e -> {
			tree.refresh();
			tree.expandAll();
			selectFirstMatch();
		});
		filter.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR)
				goToSelection();
			else if (e.keyCode == SWT.ARROW_DOWN)
				tree.getTree().setFocus();
		});
		return filter;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		tree = new TreeViewer(parent, SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
		tree.getTree().setLayoutData(new GridData(GridData.FILL_BOTH));
		tree.setContentProvider(new PotentialOutlinePage.ItemContentProvider());
		tree.setLabelProvider(new PotentialOutlinePage.ItemLabelProvider());
		tree.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer viewer, Object parentElement, Object element) {
				return matches((Item) element, filterText());
			}
		});
		tree.setInput(items);
		tree.expandAll();
		tree.addOpenListener(e -> goToSelection());
		tree.getTree().addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR)
				goToSelection();
		});
		if (editor.getSelectionProvider().getSelection() instanceof ITextSelection t) {
			Item at = PotentialOutlinePage.deepestAt(items, t.getOffset());
			if (at != null)
				tree.setSelection(new org.eclipse.jface.viewers.StructuredSelection(at), true);
		}
		return tree.getTree();
	}

	private String filterText() {
		return filter == null ? "" : filter.getText().strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** A row matches when its label or one of its children's contains the filter text. */
	static boolean matches(Item i, String text) {
		if (text.isEmpty() || i.label().toLowerCase(java.util.Locale.ROOT).contains(text))
			return true;
		return i.children().stream().anyMatch(c -> matches(c, text));
	}

	private void selectFirstMatch() {
		if (tree.getTree().getItemCount() > 0)
			tree.setSelection(new org.eclipse.jface.viewers.StructuredSelection(tree.getTree().getItem(0).getData()));
	}

	/** Goes to the selected row and closes the popup. */
	public void goToSelection() {
		if (tree.getStructuredSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof Item i) {
			close();
			editor.selectAndReveal(i.offset(), i.length());
		}
	}

	public TreeViewer tree() {
		return tree;
	}

	public Text filter() {
		return filter;
	}

	@Override
	protected Control getFocusControl() {
		return filter;
	}

	@Override
	protected Point getDefaultSize() {
		return new Point(420, 320);
	}
}
