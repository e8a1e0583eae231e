package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.bregman.ui.Icons;
import org.bregman.ui.outline.PotentialOutlinePage;
import org.bregman.ui.outline.PotentialOutlinePage.Item;
import org.bregman.ui.outline.QuickOutline;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quick Outline (Ctrl+O), the outline following the caret, and the icons of files, outline and launches. */
public class OutlineAndIconsTest {
	static final String SOURCE = TestFiles.QNORM + "\n"
			+ TestFiles.experiment("Tiny", "n = 4, d = 8", "QNorm(q = 2)", "1 .. 1", "until   epochs >= 2");

	@AfterEach
	void close() {
		TestFiles.page().closeAllEditors(false);
	}

	@Test
	void quickOutlineFiltersAndGoesToTheChosenRow() throws Exception {
		IFile f = TestFiles.create("quick.potential", SOURCE);
		ITextEditor editor = (ITextEditor) IDE.openEditor(TestFiles.page(), f);
		editor.selectAndReveal(0, 0);
		editor.getSite().getService(IHandlerService.class).executeCommand("org.bregman.ui.quickOutline", null);
		Shell popup = java.util.Arrays.stream(editor.getSite().getShell().getDisplay().getShells())
				.filter(sh -> sh.getData() instanceof QuickOutline).findFirst().orElse(null);
		assertNotNull(popup, "the quick outline opened");
		org.eclipse.swt.widgets.Text filter = RenameAndReferencesTest.find(popup, org.eclipse.swt.widgets.Text.class);
		org.eclipse.swt.widgets.Tree tree = RenameAndReferencesTest.find(popup, org.eclipse.swt.widgets.Tree.class);
		assertEquals(List.of("potential QNorm", "experiment Tiny"), labels(tree.getItems()));
		filter.setText("tiny");
		TestFiles.waitUntil(() -> false, 100);
		assertEquals(List.of("experiment Tiny"), labels(tree.getItems()));
		Screenshots.take("quick-outline");
		filter.notifyListeners(org.eclipse.swt.SWT.KeyDown, key(org.eclipse.swt.SWT.CR));
		assertTrue(popup.isDisposed(), "Enter closes the popup");
		TextSelection s = (TextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(SOURCE.indexOf("experiment Tiny"), s.getOffset());
	}

	private static org.eclipse.swt.widgets.Event key(int code) {
		org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
		e.keyCode = code;
		return e;
	}

	private static List<String> labels(TreeItem[] items) {
		return java.util.Arrays.stream(items).map(TreeItem::getText).toList();
	}

	@Test
	void outlineFollowsTheCaretAndShowsIcons() throws Exception {
		IFile f = TestFiles.create("linked.potential", SOURCE);
		ITextEditor editor = (ITextEditor) IDE.openEditor(TestFiles.page(), f);
		ContentOutline view = (ContentOutline) TestFiles.page().showView(IPageLayout.ID_OUTLINE);
		TestFiles.page().activate(editor);
		assertTrue(TestFiles.waitUntil(() -> view.getCurrentPage() instanceof PotentialOutlinePage, 5000));
		PotentialOutlinePage page = (PotentialOutlinePage) view.getCurrentPage();
		editor.selectAndReveal(SOURCE.indexOf("lr      0.01"), 0);
		assertTrue(TestFiles.waitUntil(() -> page.getSelection() instanceof IStructuredSelection s
				&& s.getFirstElement() instanceof Item i && i.label().startsWith("lr"), 5000),
				"the outline selects the setting under the caret: " + page.getSelection());
		editor.selectAndReveal(SOURCE.indexOf("psi"), 0);
		assertTrue(TestFiles.waitUntil(() -> page.getSelection() instanceof IStructuredSelection s
				&& s.getFirstElement() instanceof Item i && i.label().equals("psi(w)"), 5000));
		// rows of potentials, parameters and experiments carry their icons
		org.eclipse.swt.widgets.Tree tree = (org.eclipse.swt.widgets.Tree) page.getControl();
		assertSame(Icons.get(Icons.POTENTIAL), tree.getItem(0).getImage());
		assertSame(Icons.get(Icons.PARAMETER), tree.getItem(0).getItem(0).getImage());
		assertSame(Icons.get(Icons.EXPERIMENT), tree.getItem(1).getImage());
		// the editor tab shows the .potential file icon
		assertSameImage(Icons.descriptor(Icons.FILE).getImageData(100), editor.getTitleImage().getImageData());
		// the Project Explorer shows the file icon too (for the screenshot)
		if (TestFiles.page().showView(IPageLayout.ID_PROJECT_EXPLORER) instanceof org.eclipse.ui.navigator.CommonNavigator nav)
			nav.getCommonViewer().expandAll();
		TestFiles.page().activate(editor);
		Screenshots.take("outline-and-icons");
	}

	@Test
	void everyIconLoads() {
		for (String name : List.of(Icons.POTENTIAL, Icons.PARAMETER, Icons.EXPERIMENT, Icons.FILE, Icons.LAUNCH)) {
			assertNotNull(Icons.get(name), name);
			assertEquals(16, Icons.get(name).getBounds().width, name);
		}
		assertEquals(null, PotentialOutlinePage.deepestAt(List.of(), 3));
	}

	static void assertSameImage(ImageData expected, ImageData actual) {
		assertEquals(expected.width, actual.width);
		assertEquals(expected.height, actual.height);
		for (int y = 0; y < expected.height; y++)
			for (int x = 0; x < expected.width; x++)
				assertEquals(expected.getAlpha(x, y) == 0, actual.getAlpha(x, y) == 0, "transparency at " + x + "," + y);
	}
}
