package org.bregman.ui.editor;

import org.bregman.potential.ide.formatting.PotentialFormatter;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** Format (Ctrl+Shift+F): the formatter of {@code bregman format} and the language server. */
public class FormatHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IEditorPart part = HandlerUtil.getActiveEditor(event);
		if (part instanceof ITextEditor editor)
			format(editor.getDocumentProvider().getDocument(editor.getEditorInput()));
		return null;
	}

	/** Formats the document, replacing only the part that changes (the caret and markers elsewhere stay). */
	public static void format(IDocument d) {
		String text = d.get();
		String formatted = PotentialLanguage.injector().getInstance(PotentialFormatter.class).format(text);
		if (formatted.equals(text))
			return;
		int start = 0;
		int max = Math.min(text.length(), formatted.length());
		while (start < max && text.charAt(start) == formatted.charAt(start))
			start++;
		int end = 0;
		while (end < max - start
				&& text.charAt(text.length() - 1 - end) == formatted.charAt(formatted.length() - 1 - end))
			end++;
		try {
			d.replace(start, text.length() - end - start, formatted.substring(start, formatted.length() - end));
		} catch (BadLocationException e) {
			d.set(formatted); // cannot happen: the range is inside the text
		}
	}
}
