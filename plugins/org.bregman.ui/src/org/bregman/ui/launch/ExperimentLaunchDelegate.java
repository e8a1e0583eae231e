package org.bregman.ui.launch;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.report.RenderedReport;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.ui.PlatformUI;

/**
 * Runs {@code bregman run FILE --experiment NAME --out DIR} in a separate JVM. Its output streams to the
 * Console (the launch's process), a job shows progress until it ends (cancelling the job terminates the
 * run, as does the Console's Terminate button), then the output folder is refreshed and, if the run
 * succeeded, the report it wrote is shown rendered ({@link RenderedReport}).
 */
public class ExperimentLaunchDelegate extends LaunchConfigurationDelegate {
	private static final int PROGRESS_UNITS = 1000;

	@Override
	public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		IFile file = file(config);
		String experiment = config.getAttribute(ExperimentLaunch.EXPERIMENT, "").strip();
		IContainer out = output(config, file, experiment);
		List<String> args = new ArrayList<>(List.of("run", file.getLocation().toOSString()));
		if (!experiment.isEmpty())
			args.addAll(List.of("--experiment", experiment));
		args.addAll(List.of("--out", out.getLocation().toOSString()));
		List<String> cmd = BundledCli.command(vmArgs(config), args);
		File cwd = file.getParent().getLocation().toFile();
		long started = System.currentTimeMillis();
		Process p = new QuietJvmProcess(DebugPlugin.exec(cmd.toArray(String[]::new), cwd));
		TrainerProgress progress = new TrainerProgress(
				experiment.isEmpty() ? ExperimentLaunchShortcut.experimentNames(file).size() : 1);
		IProcess process = new TrainerProcess(launch, p, "bregman run " + file.getName()
				+ (experiment.isEmpty() ? "" : " --experiment " + experiment), null);
		process.setAttribute(IProcess.ATTR_CMDLINE, String.join(" ", cmd));
		var stdout = process.getStreamsProxy() == null ? null : process.getStreamsProxy().getOutputStreamMonitor();
		if (stdout != null) {
			synchronized (stdout) {
				progress.append(stdout.getContents());
				stdout.addListener((text, m) -> progress.append(text));
			}
		}
		watch(process, progress, out, experiment, started);
	}

	static IFile file(ILaunchConfiguration config) throws CoreException {
		String path = config.getAttribute(ExperimentLaunch.FILE, "");
		if (path.isBlank())
			throw BundledCli.error("no .potential file chosen");
		IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(path));
		if (!(r instanceof IFile f) || !f.exists())
			throw BundledCli.error("no such file in the workspace: " + path);
		return f;
	}

	static IContainer output(ILaunchConfiguration config, IFile file, String experiment) throws CoreException {
		String path = config.getAttribute(ExperimentLaunch.OUTPUT, "").strip();
		IContainer out;
		if (path.isEmpty())
			out = file.getParent().getFolder(IPath.fromOSString("results"));
		else
			out = ResourcesPlugin.getWorkspace().getRoot().getFolder(IPath.fromOSString(path));
		if (out.getLocation() == null)
			throw BundledCli.error("the output folder is not in a local project: " + out.getFullPath());
		out.getLocation().toFile().mkdirs();
		return out;
	}

	static List<String> vmArgs(ILaunchConfiguration config) throws CoreException {
		String s = config.getAttribute(ExperimentLaunch.VM_ARGS, ExperimentLaunch.DEFAULT_VM_ARGS).strip();
		return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
	}

	/**
	 * The summary to open after a run that started at {@code started} (milliseconds) and ended with
	 * {@code exit}: none unless it succeeded; OUT/EXPERIMENT/summary.md if this run wrote it; for all
	 * experiments the newest summary.md that this run wrote. An older summary (an earlier run's) is never
	 * opened.
	 */
	public static IFile summaryToOpen(IContainer out, String experiment, long started, int exit) {
		if (exit != 0)
			return null;
		long since = started / 1000 * 1000; // file times may have whole seconds only
		List<IFile> candidates = new ArrayList<>();
		if (!experiment.isEmpty())
			candidates.add(out.getFile(IPath.fromOSString(experiment + "/summary.md")));
		else {
			try {
				for (IResource r : out.members())
					if (r instanceof IContainer c)
						candidates.add(c.getFile(IPath.fromOSString("summary.md")));
			} catch (CoreException e) {
				// no output folder: nothing to open
			}
		}
		IFile newest = null;
		long newestTime = Long.MIN_VALUE;
		for (IFile f : candidates) {
			long t = f.getLocation() == null ? 0 : f.getLocation().toFile().lastModified();
			if (f.exists() && t >= since && t > newestTime) {
				newest = f;
				newestTime = t;
			}
		}
		return newest;
	}

	/** Progress until the process ends; then refresh the output and open summary.md. */
	private static void watch(IProcess process, TrainerProgress progress, IContainer out, String experiment,
			long started) {
		String what = experiment.isEmpty() ? "(all)" : experiment;
		Job job = Job.create("Experiment " + what, monitor -> {
			monitor.beginTask("Running experiment " + what + " (output in the Console)", PROGRESS_UNITS);
			int worked = 0;
			while (!process.isTerminated()) {
				// determinate progress from the trainer's "[i/N]" lines
				int now = (int) (progress.fraction() * PROGRESS_UNITS);
				if (now > worked) {
					monitor.worked(now - worked);
					worked = now;
				}
				monitor.subTask(progress.status());
				// cancel: ask the trainer to stop and keep watching, so that its last lines and the
				// refresh of what it wrote still happen
				if (monitor.isCanceled() && process.canTerminate()) {
					try {
						process.terminate();
					} catch (org.eclipse.debug.core.DebugException e) {
						BregmanUi.log("cannot terminate " + what, e);
					}
				}
				try {
					Thread.sleep(200);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return Status.CANCEL_STATUS;
				}
			}
			try {
				out.refreshLocal(IResource.DEPTH_INFINITE, null);
			} catch (CoreException e) {
				BregmanUi.log("cannot refresh " + out.getFullPath(), e);
			}
			int exit;
			try {
				exit = process.getExitValue();
			} catch (org.eclipse.debug.core.DebugException e) {
				exit = -1;
			}
			// the tool writes each experiment's report into OUT/<experiment>/
			IFile summary = summaryToOpen(out, experiment, started, exit);
			if (summary != null && PlatformUI.isWorkbenchRunning()) {
				PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
					var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
					if (window != null)
						RenderedReport.open(window.getActivePage(), summary);
				});
			}
			if (process instanceof TrainerProcess t && t.isTerminating())
				return new Status(IStatus.INFO, BregmanUi.PLUGIN_ID, "experiment " + what
						+ " was stopped; what it wrote before (a partial report, if any) is in " + out.getFullPath());
			return exit == 0 ? Status.OK_STATUS
					: new Status(IStatus.WARNING, BregmanUi.PLUGIN_ID, "experiment " + what + " ended with exit status "
							+ exit + " (see the Console)");
		});
		job.setUser(false);
		job.schedule();
	}
}
