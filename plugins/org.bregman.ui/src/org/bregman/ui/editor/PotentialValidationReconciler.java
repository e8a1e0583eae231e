package org.bregman.ui.editor;

import java.util.List;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.reconciler.Reconciler;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

/**
 * Validation as you type: after each pause in typing the text is parsed and validated in the background
 * with the language's own validator (the messages of {@code bregman check}) and the results replace
 * this file's markers, which show in the editor and in the Problems view.
 */
public class PotentialValidationReconciler extends Reconciler {
	/** Marker type of our problems (a problem marker and a text marker, not persisted). */
	public static final String MARKER_TYPE = "org.bregman.ui.problem";

	public PotentialValidationReconciler() {
		setReconcilingStrategy(new Strategy(), IDocument.DEFAULT_CONTENT_TYPE);
		setIsIncrementalReconciler(false);
		setIsAllowedToModifyDocument(false);
		setDelay(250);
	}

	static final class Strategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
		private IDocument document;
		private IProgressMonitor monitor;

		@Override
		public void setDocument(IDocument document) {
			this.document = document;
		}

		@Override
		public void setProgressMonitor(IProgressMonitor monitor) {
			this.monitor = monitor;
		}

		@Override
		public void initialReconcile() {
			validate();
		}

		@Override
		public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
			validate();
		}

		@Override
		public void reconcile(IRegion partition) {
			validate();
		}

		private void validate() {
			IDocument d = document;
			if (d == null)
				return;
			IFile file = PotentialDocuments.fileOf(d);
			if (file == null)
				return;
			try {
				updateMarkers(file, check(d.get(), file), monitor);
			} catch (CoreException | RuntimeException e) {
				BregmanUi.log("validation of " + file.getFullPath() + " failed", e);
			}
		}

		private List<Issue> check(String text, IFile file) {
			XtextResource r = PotentialLanguage.parse(text,
					org.eclipse.emf.common.util.URI.createFileURI(file.getLocation().toOSString()));
			return PotentialLanguage.validate(r, () -> monitor != null && monitor.isCanceled());
		}
	}

	/** Replaces the file's markers by these issues (one workspace operation, so the Problems view updates once). */
	public static void updateMarkers(IFile file, List<Issue> issues, IProgressMonitor monitor) throws CoreException {
		IWorkspace ws = ResourcesPlugin.getWorkspace();
		ws.run(m -> {
			if (!file.exists())
				return;
			file.deleteMarkers(MARKER_TYPE, true, IResource.DEPTH_ZERO);
			for (Issue issue : issues) {
				if (issue.getSeverity() == Severity.IGNORE)
					continue;
				IMarker marker = file.createMarker(MARKER_TYPE);
				marker.setAttribute(IMarker.MESSAGE, issue.getMessage());
				marker.setAttribute(IMarker.SEVERITY, switch (issue.getSeverity()) {
				case ERROR -> IMarker.SEVERITY_ERROR;
				case WARNING -> IMarker.SEVERITY_WARNING;
				default -> IMarker.SEVERITY_INFO;
				});
				if (issue.getLineNumber() != null)
					marker.setAttribute(IMarker.LINE_NUMBER, issue.getLineNumber().intValue());
				if (issue.getOffset() != null && issue.getLength() != null) {
					marker.setAttribute(IMarker.CHAR_START, issue.getOffset().intValue());
					marker.setAttribute(IMarker.CHAR_END, issue.getOffset().intValue() + Math.max(1, issue.getLength().intValue()));
				}
				if (issue.getCode() != null)
					marker.setAttribute("code", issue.getCode());
			}
		}, file, IWorkspace.AVOID_UPDATE, monitor);
	}
}
