package org.bregman.ui.refactoring;

import java.util.ArrayList;
import java.util.List;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.refactoring.PotentialReferences.Location;
import org.bregman.ui.refactoring.PotentialReferences.Target;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Find References (Ctrl+Shift+G): the declaration and every use, in all .potential files of the
 * workspace, as a list; choosing one opens it.
 */
public class FindReferencesHandler extends CaretCommandHandler {

	public FindReferencesHandler() {
		super("References", "find references failed");
	}

	@Override
	boolean run(EditorTarget at, Shell shell, ExecutionEvent event) throws CoreException {
		PotentialReferences refs = PotentialReferences.ofWorkspace();
		Target t = refs.targetAt(at.file(), at.offset());
		if (t == null)
			return false;
		List<Location> all = new ArrayList<>();
		if (refs.declaration(t) != null)
			all.add(refs.declaration(t));
		all.addAll(refs.uses(t));
		ListDialog d = new ListDialog(shell);
		d.setTitle("References to " + t.name());
		d.setMessage(label(t, all.size() - 1));
		d.setContentProvider(ArrayContentProvider.getInstance());
		d.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object o) {
				Location l = (Location) o;
				return l.file().getFullPath().makeRelative() + ":" + l.line() + ": " + l.lineText();
			}
		});
		d.setInput(all);
		d.setInitialSelections(all.isEmpty() ? new Object[0] : new Object[] { all.get(0) });
		if (d.open() == ListDialog.OK && d.getResult().length > 0)
			open((Location) d.getResult()[0], HandlerUtil.getActiveWorkbenchWindow(event).getActivePage());
		return true;
	}

	static String label(Target t, int uses) {
		return t.name() + ": the declaration and " + uses + (uses == 1 ? " use" : " uses") + " in the workspace";
	}

	static void open(Location l, org.eclipse.ui.IWorkbenchPage page) {
		try {
			IEditorPart ed = IDE.openEditor(page, l.file());
			if (ed instanceof ITextEditor te)
				te.selectAndReveal(l.offset(), l.length());
		} catch (PartInitException e) {
			BregmanUi.log("cannot open " + l.file().getFullPath(), e);
		}
	}
}
