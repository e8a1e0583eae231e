package org.bregman.ui.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.bregman.ui.editor.PotentialValidationReconciler;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IResourceVisitor;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.IFileBufferListener;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

/**
 * Problems of every {@code .potential} file in the workspace, not only of those open in an editor: at
 * start-up all files are validated, and afterwards each file whose content changes on disk (saved,
 * created, replaced, pulled) together with the other {@code .potential} files of its project (they may
 * import it). Files with unsaved changes in an editor are left to that editor's reconciler, which
 * validates the text being typed. Same validator and same markers as the editor and {@code bregman check}.
 */
public final class WorkspaceValidation implements IResourceChangeListener {
	private static WorkspaceValidation installed;

	private final Set<IFile> pending = new LinkedHashSet<>();
	private final WorkspaceJob job = new WorkspaceJob("Validating .potential files") {
		@Override
		public IStatus runInWorkspace(IProgressMonitor monitor) {
			while (!monitor.isCanceled()) {
				IFile next;
				synchronized (pending) {
					if (pending.isEmpty())
						break;
					next = pending.iterator().next();
					pending.remove(next);
				}
				validate(next, monitor);
			}
			return Status.OK_STATUS;
		}
	};

	/**
	 * An editor closed with "Don't Save" leaves the markers of its unsaved text while the file on disk
	 * is unchanged (no resource change follows): validate the file from disk when its buffer goes.
	 */
	private final IFileBufferListener closed = new IFileBufferListener() {
		public void bufferDisposed(IFileBuffer buffer) {
			if (buffer.getLocation() == null || buffer.getLocation().segmentCount() < 2)
				return;
			IFile f = ResourcesPlugin.getWorkspace().getRoot().getFile(buffer.getLocation());
			if (isPotential(f)) {
				synchronized (pending) {
					pending.add(f);
				}
				job.schedule();
			}
		}

		// the other events do not matter here (declared for releases without default methods)
		public void bufferCreated(IFileBuffer buffer) {
		}

		public void bufferContentAboutToBeReplaced(IFileBuffer buffer) {
		}

		public void bufferContentReplaced(IFileBuffer buffer) {
		}

		public void stateChanging(IFileBuffer buffer) {
		}

		public void dirtyStateChanged(IFileBuffer buffer, boolean isDirty) {
		}

		public void stateValidationChanged(IFileBuffer buffer, boolean isStateValidated) {
		}

		public void underlyingFileMoved(IFileBuffer buffer, org.eclipse.core.runtime.IPath path) {
		}

		public void underlyingFileDeleted(IFileBuffer buffer) {
		}

		public void stateChangeFailed(IFileBuffer buffer) {
		}
	};

	private WorkspaceValidation() {
		// visible in the Progress view and the status line: until it ends, Problems is not complete
		job.setSystem(false);
		job.setUser(false);
		job.setPriority(WorkspaceJob.SHORT);
	}

	/** Installs the listener (once) and queues every {@code .potential} file of the workspace. */
	public static synchronized void install() {
		if (installed != null)
			return;
		installed = new WorkspaceValidation();
		IWorkspace ws = ResourcesPlugin.getWorkspace();
		ws.addResourceChangeListener(installed, IResourceChangeEvent.POST_CHANGE);
		FileBuffers.getTextFileBufferManager().addFileBufferListener(installed.closed);
		for (IProject p : ws.getRoot().getProjects())
			installed.queueProject(p, 0);
	}

	public static synchronized void uninstall() {
		if (installed == null)
			return;
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(installed);
		FileBuffers.getTextFileBufferManager().removeFileBufferListener(installed.closed);
		installed.job.cancel();
		installed = null;
	}

	/** Whether no validation is queued or running (for tests). */
	public static boolean isIdle() {
		WorkspaceValidation v = installed;
		if (v == null)
			return true;
		synchronized (v.pending) {
			return v.pending.isEmpty() && v.job.getState() == org.eclipse.core.runtime.jobs.Job.NONE;
		}
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null)
			return;
		Set<IProject> touched = new LinkedHashSet<>();
		try {
			delta.accept(d -> {
				IResource r = d.getResource();
				if (r.getType() == IResource.PROJECT && (d.getKind() == IResourceDelta.ADDED
						|| (d.getFlags() & IResourceDelta.OPEN) != 0)) {
					touched.add((IProject) r);
					return false;
				}
				if (r.getType() == IResource.FILE && isPotential(r)) {
					boolean content = d.getKind() == IResourceDelta.ADDED || (d.getFlags()
							& (IResourceDelta.CONTENT | IResourceDelta.REPLACED | IResourceDelta.MOVED_FROM)) != 0;
					if (content || d.getKind() == IResourceDelta.REMOVED)
						touched.add(r.getProject());
				}
				return true;
			});
		} catch (CoreException e) {
			BregmanUi.log("cannot read a workspace change", e);
		}
		for (IProject p : touched)
			queueProject(p, 100);
	}

	private void queueProject(IProject p, long delayMs) {
		if (!p.isAccessible())
			return;
		try {
			p.accept((IResourceVisitor) r -> {
				if (r.getType() == IResource.FILE && isPotential(r))
					synchronized (pending) {
						pending.add((IFile) r);
					}
				return true;
			});
		} catch (CoreException e) {
			BregmanUi.log("cannot list " + p.getName(), e);
		}
		job.schedule(delayMs);
	}

	private static boolean isPotential(IResource r) {
		return "potential".equals(r.getFileExtension());
	}

	private static boolean editedInAnEditor(IFile f) {
		ITextFileBuffer b = FileBuffers.getTextFileBufferManager().getTextFileBuffer(f.getFullPath(), LocationKind.IFILE);
		return b != null && b.isDirty();
	}

	static void validate(IFile f, IProgressMonitor monitor) {
		if (!f.isAccessible() || f.getLocation() == null || editedInAnEditor(f))
			return;
		try {
			String text;
			try (InputStream in = f.getContents(true)) {
				text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			List<Issue> issues = PotentialLanguage.validate(
					PotentialLanguage.parse(text, URI.createFileURI(f.getLocation().toOSString())),
					CancelIndicator.NullImpl);
			// the editor may have started editing meanwhile: its reconciler's markers win
			if (!editedInAnEditor(f))
				PotentialValidationReconciler.updateMarkers(f, text, issues, monitor, () -> !editedInAnEditor(f));
		} catch (CoreException | IOException | RuntimeException e) {
			BregmanUi.log("validation of " + f.getFullPath() + " failed", e);
		}
	}
}
