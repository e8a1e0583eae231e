package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.bregman.ui.launch.ExperimentLaunch;
import org.bregman.ui.launch.ExperimentLaunchShortcut;
import org.bregman.ui.launch.ExperimentLaunchTab;
import org.bregman.ui.launch.HasExperimentsTester;
import org.bregman.ui.launch.BundledCli;
import org.bregman.ui.launch.TrainerProgress;
import org.bregman.ui.report.RenderedReport;
import org.eclipse.core.expressions.EvaluationContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.internal.ui.DebugUIPlugin;
import org.eclipse.debug.internal.ui.launchConfigurations.LaunchShortcutExtension;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

/**
 * Run As only on files with experiments, the launch tab (Browse, the file's experiments, validation), the
 * trainer's progress and quiet JVM, and the report rendered to HTML.
 */
public class LaunchTabAndReportTest {

	@Test
	void runAsIsOfferedOnFilesWithExperimentsOnly() throws Exception {
		IFile with = TestFiles.create("with-experiment.potential", OutlineAndIconsTest.SOURCE);
		IFile without = TestFiles.create("without-experiment.potential", RenameAndReferencesTest.DEFS);
		HasExperimentsTester t = new HasExperimentsTester();
		assertTrue(t.test(with, "hasExperiments", new Object[0], null));
		assertFalse(t.test(without, "hasExperiments", new Object[0], null));
		// the Project Explorer shows a Run As menu for launchable objects only (debug.ui's contextual launch)
		assertTrue(launchable(with), "Run As in the Project Explorer's menu");
		// the shortcut's contextual enablement, as the Project Explorer's Run As menu evaluates it
		LaunchShortcutExtension shortcut = DebugUIPlugin.getDefault().getLaunchConfigurationManager().getLaunchShortcuts()
				.stream().filter(s -> s.getId().equals("org.bregman.ui.experimentShortcut")).findFirst().orElseThrow();
		assertTrue(enabled(shortcut, with), "Run As > Potential Experiment on a file with an experiment");
		assertFalse(enabled(shortcut, without), "no Run As on a file without experiments");
		assertNotNull(shortcut.getImageDescriptor(), "the Run As item has an icon");
		assertNotNull(DebugUITools.getDefaultImageDescriptor(
				ExperimentLaunchShortcut.configuration(with, "Tiny").getType()), "the launch type has an icon");
	}

	private static boolean launchable(IFile f) throws Exception {
		EvaluationContext ctx = new EvaluationContext(null, f);
		ctx.setAllowPluginActivation(true);
		return new org.eclipse.core.expressions.TestExpression("org.eclipse.debug.core", "launchable", null, "run", true)
				.evaluate(ctx) == org.eclipse.core.expressions.EvaluationResult.TRUE;
	}

	private static boolean enabled(LaunchShortcutExtension shortcut, IFile f) throws Exception {
		List<IFile> selection = List.of(f);
		EvaluationContext ctx = new EvaluationContext(null, selection);
		ctx.setAllowPluginActivation(true);
		ctx.addVariable("selection", selection);
		return shortcut.evalEnablementExpression(ctx, shortcut.getContextualLaunchEnablementExpression());
	}

	@Test
	void launchTabListsTheFilesExperimentsAndChecksTheFields() throws Exception {
		IFile f = TestFiles.create("tab.potential", OutlineAndIconsTest.SOURCE.replace("experiment Tiny",
				"experiment Second {\n    data regression(n = 4, d = 8, seed = 1)\n}\nexperiment Tiny"));
		IFile none = TestFiles.create("tab-none.potential", RenameAndReferencesTest.DEFS);
		ILaunchConfigurationWorkingCopy wc = ExperimentLaunchShortcut.configuration(f, "Tiny").getWorkingCopy();
		Shell shell = new Shell(Display.getCurrent());
		shell.setLayout(new FillLayout());
		ExperimentLaunchTab tab = new ExperimentLaunchTab();
		try {
			tab.createControl(shell);
			shell.open();
			tab.initializeFrom(wc);
			Combo experiments = RenameAndReferencesTest.find(shell, Combo.class);
			assertEquals(List.of(ExperimentLaunchTab.ALL, "Second", "Tiny"), List.of(experiments.getItems()));
			assertEquals("Tiny", experiments.getText());
			assertTrue(tab.isValid(wc), tab.getErrorMessage());
			assertNotNull(RenameAndReferencesTest.button(shell, "Browse..."), "a Browse button");
			experiments.select(0);
			tab.performApply(wc);
			assertEquals("", wc.getAttribute(ExperimentLaunch.EXPERIMENT, "?"), "all experiments");

			wc.setAttribute(ExperimentLaunch.FILE, none.getFullPath().toString());
			tab.initializeFrom(wc);
			assertFalse(tab.isValid(wc));
			assertEquals("tab-none.potential declares no experiment", tab.getErrorMessage());

			wc.setAttribute(ExperimentLaunch.FILE, "/bregman-tests/missing.potential");
			tab.initializeFrom(wc);
			assertFalse(tab.isValid(wc));

			wc.setAttribute(ExperimentLaunch.FILE, f.getFullPath().toString());
			wc.setAttribute(ExperimentLaunch.OUTPUT, "/no-such-project/out");
			tab.initializeFrom(wc);
			assertFalse(tab.isValid(wc));
			assertTrue(tab.getErrorMessage().contains("not an open project"), tab.getErrorMessage());
		} finally {
			shell.dispose();
		}
	}

	/** The real dialog (Run Configurations), for the screenshot: the tab with its icon, Browse and list. */
	@Test
	void launchDialogShowsTheTab() throws Exception {
		IFile f = TestFiles.create("dialog.potential", OutlineAndIconsTest.SOURCE);
		ILaunchConfiguration c = ExperimentLaunchShortcut.configuration(f, "Tiny");
		Display d = Display.getCurrent();
		boolean[] shown = new boolean[1];
		d.timerExec(2500, () -> {
			Shell dialog = TestFiles.dialog();
			shown[0] = dialog != null && RenameAndReferencesTest.find(dialog, Combo.class) != null;
			Screenshots.take("launch-tab");
			// close whatever opened, so that a failure cannot leave the test waiting on a modal dialog
			int n = 0;
			for (Shell open = TestFiles.dialog(); open != null && n++ < 5; open = TestFiles.dialog())
				open.close();
		});
		DebugUITools.openLaunchConfigurationDialog(TestFiles.page().getWorkbenchWindow().getShell(), c,
				IDebugUIConstants.ID_RUN_LAUNCH_GROUP, null);
		assertTrue(shown[0], "the dialog showed the experiment list");
	}

	@Test
	void progressFollowsTheTrainersRunLines() {
		TrainerProgress p = new TrainerProgress(2);
		assertEquals(0, p.fraction());
		p.append("data: regression(n = 4) (4 rows, 8 features)\nexperiment A: regression(n = 4), linear, 4 runs\n");
		assertEquals(0, p.fraction());
		p.append("[1/4] QNorm(q = 2), seed 1: epoch 10, loss 0.5\n[1/4] QNorm(q = 2), seed 1: conv");
		assertEquals(0, p.fraction(), "run 1 under way");
		p.append("erged after 12 epochs, loss 1e-7, 0.1 s\n");
		assertEquals(0.125, p.fraction(), 1e-12);
		assertTrue(p.status().startsWith("[1/4] QNorm(q = 2), seed 1: converged"), p.status());
		p.append("[4/4] QNorm(q = 3), seed 2: stopped after 20 epochs\nexperiment B: x, 2 runs\n[1/2] M, seed 1: done\n");
		assertEquals(0.75, p.fraction(), 1e-12);
		p.append("[2/2] M, seed 2: done\r\n");
		assertEquals(1.0, p.fraction(), 1e-12);
	}

	@Test
	void theTrainerJvmIsStartedWithoutWarnings() throws Exception {
		assertTrue(BundledCli.quietJvmOptions(25).contains("--sun-misc-unsafe-memory-access=allow"));
		assertFalse(BundledCli.quietJvmOptions(21).contains("--sun-misc-unsafe-memory-access=allow"),
				"Java 21 does not know the option");
		// the JVM of the IDE, with the trainer's options: nothing on stderr but the incubator notice
		String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> cmd = new java.util.ArrayList<>(List.of(javaBin));
		cmd.addAll(BundledCli.quietJvmOptions(Runtime.version().feature()));
		cmd.add("-version");
		Process p = new ProcessBuilder(cmd).start();
		String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor());
		assertTrue(err.startsWith("WARNING: Using incubator modules: jdk.incubator.vector"), err);
		assertEquals(1, err.lines().filter(l -> l.startsWith("WARNING")).count(), err);
		// ... which the Console does not show
		String shown = new String(org.bregman.ui.launch.QuietJvmProcess
				.withoutIncubatorNotice(new ByteArrayInputStream(err.getBytes(StandardCharsets.UTF_8))).readAllBytes(),
				StandardCharsets.UTF_8);
		assertFalse(shown.contains("WARNING"), shown);
		assertTrue(shown.contains("version"), shown);
		String other = "WARNING: something else\nline 2\n";
		assertEquals(other, new String(org.bregman.ui.launch.QuietJvmProcess
				.withoutIncubatorNotice(new ByteArrayInputStream(other.getBytes(StandardCharsets.UTF_8))).readAllBytes(),
				StandardCharsets.UTF_8), "other warnings are kept");
	}

	@Test
	void theReportIsRenderedToHtml() throws Exception {
		String md = "## Results\n\n| run | loss |\n|---|---:|\n| QNorm(q = 2) | **1e-7** |\n\n<script>x</script>\n";
		String html = RenderedReport.html(md, "Tiny <report>");
		assertTrue(html.contains("<h2>Results</h2>"), html);
		assertTrue(html.contains("<table>"), html);
		assertTrue(html.contains("<td align=\"right\"><strong>1e-7</strong></td>"), html);
		assertTrue(html.contains("<title>Tiny &lt;report&gt;</title>"), html);
		assertFalse(html.contains("<script>"), "raw HTML in the report is escaped");
		IFile summary = TestFiles.create("report/summary.md".replace("/", "-"), md);
		IFile out = RenderedReport.render(summary);
		assertEquals("summary.html", out.getName());
		assertTrue(out.exists());
		assertEquals(RenderedReport.html(md, out.getParent().getName() + " – experiment report"),
				Files.readString(out.getLocation().toPath()));
	}
}
