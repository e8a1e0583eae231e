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

	private WorkspaceValidation() {
		job.setSystem(true);
		job.setPriority(WorkspaceJob.BUILD);
	}

	/** Installs the listener (once) and queues every {@code .potential} file of the workspace. */
	public static synchronized void install() {
		if (installed != null)
			return;
		installed = new WorkspaceValidation();
		IWorkspace ws = ResourcesPlugin.getWorkspace();
		ws.addResourceChangeListener(installed, IResourceChangeEvent.POST_CHANGE);
		for (IProject p : ws.getRoot().getProjects())
			installed.queueProject(p);
	}

	public static synchronized void uninstall() {
		if (installed == null)
			return;
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(installed);
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
			queueProject(p);
	}

	private void queueProject(IProject p) {
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
		job.schedule(100);
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
