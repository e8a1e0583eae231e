package org.bregman.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.reconciler.Reconciler;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.validation.Issue;

/**
 * Validation as you type: after each pause in typing the text is parsed and validated in the background
 * with the language's own validator (the messages of {@code bregman check}) and the results replace
 * this file's markers, which show in the editor and in the Problems view.
 */
public class PotentialValidationReconciler extends Reconciler {
	/** Marker type of our problems (a problem marker and a text marker, not persisted). */
	public static final String MARKER_TYPE = "org.bregman.ui.problem";

	/** The text whose issues the markers of each open document currently show (for tests and benchmarks). */
	private static final Map<IDocument, String> VALIDATED = new WeakHashMap<>();

	public PotentialValidationReconciler() {
		setReconcilingStrategy(new Strategy(), IDocument.DEFAULT_CONTENT_TYPE);
		setIsIncrementalReconciler(false);
		setIsAllowedToModifyDocument(false);
		// a short pause: the parse is usually already there (semantic highlighting made it), so what is
		// left is validation itself; typing on cancels a run in progress
		setDelay(30);
	}

	/** Whether the markers of this document are those of its current text. */
	/** How long the validator itself and the writing of the markers took last time (for benchmarks). */
	public static volatile long lastValidationNanos, lastMarkerUpdateNanos;

	public static boolean isValidationUpToDate(IDocument d) {
		String text = d.get(); // outside our lock (see PotentialPresentationReconciler.isSemanticUpToDate)
		synchronized (VALIDATED) {
			return text.equals(VALIDATED.get(d));
		}
	}

	static final class Strategy extends WholeTextStrategy {
		@Override
		protected void update() {
			IDocument d = document;
			if (d == null)
				return;
			IFile file = PotentialDocuments.fileOf(d);
			if (file == null)
				return;
			try {
				record Validated(String text, List<Issue> issues) {
				}
				long[] validatorNanos = { 0 };
				Validated v = PotentialDocuments.read(d, parsed -> {
					PotentialPresentationReconciler.ensureSemantic(d); // highlighting first: it is what the eye waits for
					long v0 = System.nanoTime();
					List<Issue> issues = PotentialLanguage.validate(parsed.resource, () -> monitor != null && monitor.isCanceled());
					validatorNanos[0] = System.nanoTime() - v0;
					return new Validated(parsed.text, issues);
				});
				if (monitor != null && monitor.isCanceled())
					return;
				long t1 = System.nanoTime();
				updateMarkers(file, v.text(), v.issues(), monitor);
				lastValidationNanos = validatorNanos[0];
				lastMarkerUpdateNanos = System.nanoTime() - t1;
				synchronized (VALIDATED) {
					VALIDATED.put(d, v.text());
				}
			} catch (OperationCanceledError | OperationCanceledException e) {
				// the text changed while we validated: the reconciler runs again for the new text (an
				// escaping exception would end its background thread, and with it validation as you type)
			} catch (CoreException | RuntimeException e) {
				BregmanUi.log("validation of " + file.getFullPath() + " failed", e);
			}
		}
	}

	/** Replaces the file's markers by these issues (one workspace operation, so the Problems view updates once). */
	public static void updateMarkers(IFile file, String text, List<Issue> issues, IProgressMonitor monitor)
			throws CoreException {
		updateMarkers(file, text, issues, monitor, () -> true);
	}

	/**
	 * The same, if {@code still} holds once the file is locked (checked inside the workspace operation).
	 * {@code text} is what was validated (for the line numbers of issues that carry only an offset).
	 */
	public static void updateMarkers(IFile file, String text, List<Issue> issues, IProgressMonitor monitor,
			BooleanSupplier still) throws CoreException {
		IWorkspace ws = ResourcesPlugin.getWorkspace();
		ws.run(m -> {
			if (!file.exists() || !still.getAsBoolean())
				return;
			file.deleteMarkers(MARKER_TYPE, true, IResource.DEPTH_ZERO);
			for (Issue issue : issues) {
				if (issue.getSeverity() == Severity.IGNORE)
					continue;
				// all attributes at once: a marker is visible to other threads as soon as it exists
				Map<String, Object> attributes = new HashMap<>();
				attributes.put(IMarker.MESSAGE, issue.getMessage());
				attributes.put(IMarker.SEVERITY, switch (issue.getSeverity()) {
				case ERROR -> IMarker.SEVERITY_ERROR;
				case WARNING -> IMarker.SEVERITY_WARNING;
				default -> IMarker.SEVERITY_INFO;
				});
				Integer line = issue.getLineNumber();
				if (line == null && issue.getOffset() != null && text != null)
					line = lineOf(text, issue.getOffset()); // range-based diagnostics come without a line
				if (line != null)
					attributes.put(IMarker.LINE_NUMBER, line.intValue());
				if (issue.getOffset() != null && issue.getLength() != null) {
					attributes.put(IMarker.CHAR_START, issue.getOffset().intValue());
					attributes.put(IMarker.CHAR_END, issue.getOffset().intValue() + Math.max(1, issue.getLength().intValue()));
				}
				if (issue.getCode() != null)
					attributes.put("code", issue.getCode());
				file.createMarker(MARKER_TYPE, attributes);
			}
		}, file, IWorkspace.AVOID_UPDATE, monitor);
	}

	/** The 1-based line of a character offset. */
	static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < Math.min(offset, text.length()); i++)
			if (text.charAt(i) == '\n')
				line++;
		return line;
	}
}
