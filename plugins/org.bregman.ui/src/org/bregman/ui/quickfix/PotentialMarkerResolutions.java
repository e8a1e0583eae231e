package org.bregman.ui.quickfix;

import java.util.List;

import org.bregman.potential.ide.quickfix.PotentialQuickFixes;
import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.bregman.ui.editor.PotentialValidationReconciler;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

/**
 * Quick fixes of the editor's and the Problems view's markers (Ctrl+1 / Quick Fix): the fixes of
 * {@link PotentialQuickFixes}, which the language server offers as code actions too. A fix edits the
 * file's shared buffer: the open editor's text if there is one (left unsaved), else the file.
 */
public class PotentialMarkerResolutions implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return fixes(marker).size() > 0;
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		return fixes(marker).stream().map(f -> new Resolution((IFile) marker.getResource(), f))
				.toArray(IMarkerResolution[]::new);
	}

	static List<PotentialQuickFixes.Fix> fixes(IMarker marker) {
		try {
			if (!PotentialValidationReconciler.MARKER_TYPE.equals(marker.getType())
					|| !(marker.getResource() instanceof IFile file) || file.getLocation() == null)
				return List.of();
			String message = marker.getAttribute(IMarker.MESSAGE, "");
			int start = marker.getAttribute(IMarker.CHAR_START, -1);
			int end = marker.getAttribute(IMarker.CHAR_END, start);
			if (start < 0)
				return List.of();
			return withDocument(file, d -> PotentialQuickFixes.of(
					PotentialLanguage.parse(d.get(), URI.createFileURI(file.getLocation().toOSString())), message,
					start, end - start));
		} catch (CoreException e) {
			return List.of();
		}
	}

	interface DocumentWork<T> {
		T run(IDocument d) throws BadLocationException, CoreException;
	}

	/** Runs on the file's shared document (the open editor's, or one read from disk and saved after). */
	static <T> T withDocument(IFile file, DocumentWork<T> work) throws CoreException {
		ITextFileBufferManager m = FileBuffers.getTextFileBufferManager();
		m.connect(file.getFullPath(), LocationKind.IFILE, null);
		try {
			ITextFileBuffer b = m.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
			boolean wasDirty = b.isDirty();
			T result = work.run(b.getDocument());
			if (!wasDirty && b.isDirty() && !b.isShared())
				b.commit(null, true);
			return result;
		} catch (BadLocationException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("the fix no longer fits the text", e));
		} finally {
			m.disconnect(file.getFullPath(), LocationKind.IFILE, null);
		}
	}

	record Resolution(IFile file, PotentialQuickFixes.Fix fix) implements IMarkerResolution {
		@Override
		public String getLabel() {
			return fix.label();
		}

		@Override
		public void run(IMarker marker) {
			try {
				withDocument(file, d -> {
					d.replace(fix.offset(), fix.length(), fix.text());
					return null;
				});
			} catch (CoreException e) {
				BregmanUi.log("quick fix '" + fix.label() + "' failed on " + file.getFullPath(), e);
			}
		}
	}
}
