package org.bregman.ui.outline;

import org.bregman.ui.BregmanUi;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/**
 * The Generic Editor has no outline extension point, but asks the adapter manager for an
 * {@link IContentOutlinePage}; this factory answers for editors showing a .potential file.
 */
public class PotentialOutlineAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType != IContentOutlinePage.class || !(adaptable instanceof ITextEditor editor))
			return null;
		IFile f = editor.getEditorInput().getAdapter(IFile.class);
		if (f == null || !isPotential(f))
			return null;
		return adapterType.cast(new PotentialOutlinePage(editor));
	}

	static boolean isPotential(IFile f) {
		try {
			IContentDescription d = f.getContentDescription();
			if (d != null && d.getContentType() != null)
				return d.getContentType().isKindOf(
						org.eclipse.core.runtime.Platform.getContentTypeManager().getContentType(BregmanUi.CONTENT_TYPE));
		} catch (CoreException e) {
			// fall back to the extension
		}
		return "potential".equals(f.getFileExtension());
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}
