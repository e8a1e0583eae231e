package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.bregman.ui.editor.PotentialHyperlinkDetector;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Format (Ctrl+Shift+F), Quick Fix (the shared formatter and quick fixes of potential.ide) and Ctrl+click to
 * a definition across an import, in the Eclipse editor.
 */
public class FormatAndQuickFixTest {

	@AfterEach
	void close() {
		TestFiles.page().closeAllEditors(false);
	}


	@Test
	void ctrlClickOnAPotentialUseOpensItsDefinitionInTheImportedFile() throws Exception {
		String lib = "/** The lq family. */\npotential QNorm(q = 3 where q > 1) {\n    psi(w) = |w|^q / q\n}\n";
		IFile libFile = TestFiles.create("linklib.potential", lib);
		String main = "import \"linklib.potential\"\n\nexperiment E {\n    data    regression(n = 4, d = 8, seed = 1)\n"
				+ "    model   linear\n    loss    squared\n    mirrors QNorm(q = 2)\n    lr      0.1\n"
				+ "    until   loss < 1e-8 or epochs >= 10\n}\n";
		IFile mainFile = TestFiles.create("linkmain.potential", main);
		IEditorPart ed = IDE.openEditor(TestFiles.page(), mainFile);
		ITextViewer v = (ITextViewer) ed.getAdapter(ITextOperationTarget.class);
		IHyperlink[] links = new PotentialHyperlinkDetector().detectHyperlinks(v,
				new Region(main.indexOf("QNorm") + 2, 0), false);
		assertNotNull(links, "no hyperlink on QNorm");
		assertEquals(main.indexOf("QNorm"), links[0].getHyperlinkRegion().getOffset());
		links[0].open();
		IEditorPart active = TestFiles.page().getActiveEditor();
		assertEquals(libFile, active.getEditorInput().getAdapter(IFile.class));
		ITextSelection sel = (ITextSelection) active.getSite().getSelectionProvider().getSelection();
		assertEquals(lib.indexOf("QNorm"), sel.getOffset());
		assertEquals("QNorm".length(), sel.getLength());
		// registered for the Generic Editor
		assertTrue(Arrays.stream(EditorsUI.getHyperlinkDetectorRegistry().getHyperlinkDetectorDescriptors())
				.anyMatch(d -> d.getId().equals("org.bregman.ui.hyperlinks")
						&& d.getTargetId().equals("org.eclipse.ui.genericeditor.GenericEditor")));
	}

	@Test
	void theFormatCommandLaysOutTheEditorsText() throws Exception {
		IFile f = TestFiles.create("format.potential", "potential   P{\npsi(w)=w^2/2 // c\n}\n");
		IEditorPart ed = IDE.openEditor(TestFiles.page(), f);
		IDocument d = ((ITextViewer) ed.getAdapter(ITextOperationTarget.class)).getDocument();
		IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
		handlers.executeCommand("org.bregman.ui.format", null);
		assertEquals("potential P {\n    psi(w) = w^2 / 2 // c\n}\n", d.get());
	}

	@Test
	void addDomainIsAQuickFixOfTheMarker() throws Exception {
		IFile f = TestFiles.create("fix.potential", "potential E {\n    psi(w) = w * log(w)\n}\n");
		assertTrue(TestFiles.waitUntil(() -> Arrays.stream(TestFiles.markers(f))
				.anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("add `domain w > 0`")), 20000),
				"no marker: " + List.of(TestFiles.markers(f)));
		IMarker m = Arrays.stream(TestFiles.markers(f))
				.filter(x -> x.getAttribute(IMarker.MESSAGE, "").contains("domain")).findFirst().orElseThrow();
		assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(m));
		IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(m);
		IMarkerResolution add = Arrays.stream(fixes).filter(r -> r.getLabel().equals("Add `domain w > 0`"))
				.findFirst().orElseThrow(() -> new AssertionError(Arrays.toString(fixes)));
		add.run(m);
		// no editor open: the file itself is fixed, and validates clean
		String text = new String(f.getContents(true).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertEquals("potential E {\n    domain w > 0\n    psi(w) = w * log(w)\n}\n", text);
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(f).length == 0, 20000), List.of(TestFiles.markers(f)).toString());
	}
}
