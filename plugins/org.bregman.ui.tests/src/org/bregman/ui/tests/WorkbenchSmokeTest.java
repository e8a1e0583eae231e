package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;

import org.bregman.ui.BregmanUi;

/** The workbench runs and a .potential file opens in the Generic Editor with our content type. */
public class WorkbenchSmokeTest {
	@Test
	void potentialFileOpensInGenericEditor() throws Exception {
		assertTrue(PlatformUI.isWorkbenchRunning());
		IFile f = TestFiles.create("smoke.potential", "potential P { psi(w) = w^2 / 2 }\n");
		IContentType ct = Platform.getContentTypeManager().findContentTypeFor(f.getName());
		assertNotNull(ct, "no content type for *.potential");
		assertEquals(BregmanUi.CONTENT_TYPE, ct.getId());
		IEditorPart ed = IDE.openEditor(TestFiles.page(), f);
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", ed.getSite().getId());
		TestFiles.page().closeAllEditors(false);
	}
}
