package org.bregman.ui.refactoring;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** The file and caret of the .potential editor a command was run in. */
record EditorTarget(ITextEditor editor, IFile file, int offset) {

	static EditorTarget of(ExecutionEvent event) {
		IEditorPart part = HandlerUtil.getActiveEditor(event);
		if (!(part instanceof ITextEditor editor))
			return null;
		IFile file = editor.getEditorInput().getAdapter(IFile.class);
		if (file == null || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection s))
			return null;
		return new EditorTarget(editor, file, s.getOffset());
	}

	/** What Find References and Rename say when the caret is on nothing they can follow. */
	static void sayNothingAtCaret(org.eclipse.swt.widgets.Shell shell, String title) {
		org.eclipse.jface.dialogs.MessageDialog.openInformation(shell, title,
				"Place the caret on a potential, a parameter or a coordinate (its declaration or a use).");
	}
}
