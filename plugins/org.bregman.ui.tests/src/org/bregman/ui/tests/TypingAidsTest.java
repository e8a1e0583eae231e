package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Typing in the editor: indentation after {, closing of ( { | " and stepping over what was closed. */
public class TypingAidsTest {

	@AfterEach
	void close() {
		TestFiles.page().closeAllEditors(false);
	}

	private static int files;

	/** Types {@code keys} at the end of a new file's text, key by key, and returns the document's text. */
	private static String type(String start, String keys) throws Exception {
		IFile f = TestFiles.create("typing" + files++ + ".potential", start);
		ITextEditor editor = (ITextEditor) IDE.openEditor(TestFiles.page(), f);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		StyledText text = (StyledText) editor.getAdapter(org.eclipse.swt.widgets.Control.class);
		text.setFocus();
		text.setCaretOffset(start.length());
		for (char ch : keys.toCharArray()) {
			Event e = new Event();
			e.character = ch == '\n' ? SWT.CR : ch;
			e.keyCode = ch == '\n' ? SWT.CR : ch;
			text.notifyListeners(SWT.KeyDown, e);
		}
		String result = doc.get();
		TestFiles.page().closeEditor(editor, false);
		return result;
	}

	@Test
	void enterIndentsInsideBracesAndClosesThem() throws Exception {
		assertEquals("potential P {\n    psi(w) = w^2\n}", type("potential P ", "{\npsi(w) = w^2"));
	}

	@Test
	void barsParenthesesAndQuotesAreClosedAndSteppedOver() throws Exception {
		assertEquals("potential P {\n    psi(w) = |w|^2 / 2\n}", type("potential P ", "{\npsi(w) = |w|^2 / 2"));
		assertEquals("potential P {\n    psi(w) = sqrt(1 + w^2)\n}",
				type("potential P ", "{\npsi(w) = sqrt(1 + w^2)"));
		assertEquals("import \"a.potential\"", type("", "import \"a.potential\""));
	}

	@Test
	void closingBraceOnAnEmptyLineGoesBackALevel() throws Exception {
		assertEquals("potential P {\n    psi(w) = w\n}", type("potential P {\n    psi(w) = w\n    ", "}"));
		assertEquals("// note: (", type("", "// note: ("), "nothing is closed in a comment");
	}
}
