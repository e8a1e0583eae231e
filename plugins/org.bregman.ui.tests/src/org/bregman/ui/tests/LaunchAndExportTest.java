package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bregman.ui.export.ExportOptimizerWizard;
import org.bregman.ui.export.OptimizerJarExport;
import org.bregman.ui.launch.ExperimentLaunch;
import org.bregman.ui.launch.ExperimentLaunchShortcut;
import org.bregman.ui.launch.BundledCli;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.Test;

/**
 * Run configurations and the optimizer export, both of which run the command-line tool shipped in
 * org.bregman.ui/trainer/ in a separate JVM. Skipped (with the reason) when this build has no trainer,
 * i.e. org.bregman.cli was not built before org.bregman.ui (the root reactor builds it first).
 */
public class LaunchAndExportTest {

	static final String SOURCE = TestFiles.QNORM + "\n" + TestFiles.experiment("Tiny", "n = 4, d = 8", "QNorm(q = 2), QNorm(q = 3)",
			"1 .. 1", "batch   1", "until   loss < 1e-6 or epochs >= 20", "report  bregman");

	private static String cliHelp() {
		try {
			Process p = new ProcessBuilder(BundledCli.command(List.of(), List.of("--help"))).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor(60, TimeUnit.SECONDS);
			return out;
		} catch (Exception e) {
			return null;
		}
	}

	static void assumeTrainer() {
		try {
			BundledCli.home();
		} catch (CoreException e) {
			assumeTrue(false, e.getMessage());
		}
	}

	@Test
	void exportWritesAJarThatLoadsAlone() throws Exception {
		assumeTrainer();
		IFile f = TestFiles.create("export.potential", SOURCE);
		assertEquals(List.of("QNorm"), ExportOptimizerWizard.potentials(f));
		Path jar = Files.createTempDirectory("bregman-export").resolve("optimizer.jar");
		OptimizerJarExport.Result r = OptimizerJarExport.export(f, List.of("QNorm"), jar, null);
		assertTrue(r.ok(), r.output());
		assertTrue(Files.size(jar) > 0);
		// only the jar on the class path (no parent but the JDK): the runtime API travels inside it
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, ClassLoader.getPlatformClassLoader())) {
			Thread t = Thread.currentThread();
			ClassLoader old = t.getContextClassLoader();
			t.setContextClassLoader(loader);
			try {
				Class<?> maps = loader.loadClass("org.bregman.runtime.MirrorMaps");
				Object m = maps.getMethod("create", String.class, Map.class).invoke(null, "QNorm", Map.of("q", 3.0));
				Method grad = loader.loadClass("org.bregman.runtime.MirrorMap").getMethod("grad", double.class);
				// psi = |w|^3 / 3, psi'(w) = sign(w) |w|^2
				assertEquals(4.0, (double) grad.invoke(m, 2.0), 1e-12);
				assertEquals(-2.25, (double) grad.invoke(m, -1.5), 1e-12);
			} finally {
				t.setContextClassLoader(old);
			}
		}
	}

	@Test
	void runConfigurationTrainsInASeparateJvmAndWritesASummary() throws Exception {
		assumeTrainer();
		String help = cliHelp();
		assumeTrue(help != null && help.matches("(?s).*\\brun\\b.*"), "the bundled CLI has no run verb yet");
		IFile f = TestFiles.create("tiny.potential", SOURCE);
		assertEquals("Tiny", ExperimentLaunchShortcut.experimentAt(f, -1));
		ILaunchConfiguration c = ExperimentLaunchShortcut.configuration(f, "Tiny");
		assertEquals(ExperimentLaunch.TYPE_ID, c.getType().getIdentifier());
		assertEquals(c, ExperimentLaunchShortcut.configuration(f, "Tiny"), "the configuration is reused");
		ILaunch launch = c.launch(ILaunchManager.RUN_MODE, null);
		assertTrue(TestFiles.waitUntil(launch::isTerminated, 240_000), "the run did not finish in 4 minutes");
		IProcess p = launch.getProcesses()[0];
		String out = p.getStreamsProxy() == null ? "" : p.getStreamsProxy().getOutputStreamMonitor().getContents()
				+ p.getStreamsProxy().getErrorStreamMonitor().getContents();
		assertEquals(0, p.getExitValue(), out);
		// no JVM warnings in the Console (they are red there)
		assertEquals("", p.getStreamsProxy().getErrorStreamMonitor().getContents(), out);
		IFile summary = f.getParent().getFile(org.eclipse.core.runtime.IPath.fromOSString("results/Tiny/summary.md"));
		assertTrue(TestFiles.waitUntil(summary::exists, 10_000), "summary.md not refreshed into the workspace");
		IFile html = summary.getParent().getFile(org.eclipse.core.runtime.IPath.fromOSString("summary.html"));
		assertTrue(TestFiles.waitUntil(html::exists, 10_000), "the report is rendered to summary.html");
		Screenshots.take("after-run");
		DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
		f.getParent().refreshLocal(IResource.DEPTH_INFINITE, null);
	}

	@Test
	void terminateStopsARun() throws Exception {
		assumeTrainer();
		// a JVM that would otherwise wait: the CLI with its usage; terminate must end the process at once
		IFile f = TestFiles.create("stop.potential", SOURCE.replace("epochs >= 20", "epochs >= 100000000"));
		ILaunchConfiguration c = ExperimentLaunchShortcut.configuration(f, "Tiny");
		ILaunch launch = c.launch(ILaunchManager.RUN_MODE, null);
		IProcess p = launch.getProcesses()[0];
		launch.terminate();
		assertTrue(TestFiles.waitUntil(p::isTerminated, 20_000), "terminate did not stop the process");
		DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
	}
}
