package org.bregman.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** Toggle Comment (Ctrl+/): comments the selected lines with {@code //}, or uncomments them if all are. */
public class ToggleCommentHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IEditorPart part = HandlerUtil.getActiveEditor(event);
		if (!(part instanceof ITextEditor editor))
			return null;
		IDocument d = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		if (!(editor.getSelectionProvider().getSelection() instanceof ITextSelection sel))
			return null;
		try {
			toggle(d, sel.getStartLine(), sel.getEndLine());
		} catch (BadLocationException e) {
			// selection outside the document: nothing to toggle
		}
		return null;
	}

	/** Comments lines first..last, or uncomments them if each non-blank one starts with {@code //}. */
	public static void toggle(IDocument d, int first, int last) throws BadLocationException {
		boolean allCommented = true;
		int indent = Integer.MAX_VALUE;
		for (int l = first; l <= last; l++) {
			String line = line(d, l);
			if (line.isBlank())
				continue;
			String t = line.stripLeading();
			indent = Math.min(indent, line.length() - t.length());
			if (!t.startsWith("//"))
				allCommented = false;
		}
		if (indent == Integer.MAX_VALUE)
			return;
		for (int l = last; l >= first; l--) {
			String line = line(d, l);
			if (line.isBlank())
				continue;
			int off = d.getLineOffset(l);
			if (allCommented) {
				int i = line.indexOf("//");
				int n = line.startsWith("// ", i) ? 3 : 2;
				d.replace(off + i, n, "");
			} else {
				d.replace(off + indent, 0, "// ");
			}
		}
	}

	private static String line(IDocument d, int l) throws BadLocationException {
		IRegion r = d.getLineInformation(l);
		return d.get(r.getOffset(), r.getLength());
	}
}
