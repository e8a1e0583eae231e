package org.bregman.ui.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.launch.BundledCli;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Export of optimizer jars: runs {@code bregman export FILE [--potential NAME]… -o JAR} in a separate JVM,
 * so the jar is byte-for-byte what the command line writes (the code generator, Janino and the
 * exporter run in the tool, not in the IDE). A jar written into the workspace is refreshed there.
 */
public final class OptimizerJarExport {
	private OptimizerJarExport() {
	}

	/** The outcome: the tool's exit status and what it printed. */
	public record Result(int exitCode, String output) {
		public boolean ok() {
			return exitCode == 0;
		}
	}

	public static Result export(IFile file, List<String> potentials, Path jar, IProgressMonitor monitor)
			throws CoreException {
		List<String> args = new ArrayList<>(List.of("export", file.getLocation().toOSString()));
		for (String p : potentials)
			args.addAll(List.of("--potential", p));
		args.addAll(List.of("-o", jar.toAbsolutePath().toString()));
		ProcessBuilder pb = new ProcessBuilder(BundledCli.command(List.of(), args));
		pb.redirectErrorStream(true);
		pb.directory(file.getParent().getLocation().toFile());
		try {
			Process p = pb.start();
			p.getOutputStream().close();
			while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
				if (monitor != null && monitor.isCanceled()) {
					p.destroyForcibly();
					return new Result(-1, "cancelled");
				}
			}
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (p.exitValue() == 0)
				refresh(jar);
			return new Result(p.exitValue(), out.strip());
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("cannot start the exporter: " + e.getMessage(), e));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted");
		}
	}

	/** A jar written inside the workspace shows at once (no F5): refresh its folder there. */
	static void refresh(Path jar) {
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		for (IFile f : root.findFilesForLocationURI(jar.toAbsolutePath().toUri())) {
			try {
				f.getParent().refreshLocal(IResource.DEPTH_ONE, null);
			} catch (CoreException e) {
				BregmanUi.log("cannot refresh " + f.getParent().getFullPath(), e);
			}
		}
	}
}
