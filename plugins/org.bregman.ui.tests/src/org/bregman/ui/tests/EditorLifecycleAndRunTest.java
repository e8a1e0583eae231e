package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.bregman.ui.export.OptimizerJarExport;
import org.bregman.ui.launch.ExperimentLaunchDelegate;
import org.bregman.ui.launch.ExperimentLaunchShortcut;
import org.bregman.ui.launch.TrainerProcess;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Closing without saving, which summary a run opens, stopping a run, and where an exported jar shows. */
public class EditorLifecycleAndRunTest {

	@AfterEach
	void close() {
		TestFiles.page().closeAllEditors(false);
	}


	@Test
	void closingWithDontSaveRevalidatesTheFileFromDisk() throws Exception {
		IFile f = TestFiles.create("unsaved.potential", "potential Ok {\n    psi(w) = w^2 / 2\n}\n");
		IEditorPart ed = IDE.openEditor(TestFiles.page(), f);
		IDocument d = ((ITextViewer) ed.getAdapter(ITextOperationTarget.class)).getDocument();
		d.replace(d.get().indexOf("w^2") + 3, 0, " + foo");
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(f).length > 0, 10000), "no marker for the unsaved error");
		TestFiles.page().closeEditor(ed, false); // "Don't Save"
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(f).length == 0, 10000),
				"the unsaved text's marker stayed: " + List.of(TestFiles.markers(f)));
	}

	@Test
	void onlyTheSummaryThisRunWroteOpensAndOnlyAfterSuccess() throws Exception {
		IFile any = TestFiles.create("summaries.potential", "potential Ok {\n    psi(w) = w^2 / 2\n}\n");
		IFolder out = any.getProject().getFolder("results-summaries");
		File dir = out.getLocation().toFile();
		File old = new File(dir, "Old/summary.md");
		old.getParentFile().mkdirs();
		Files.writeString(old.toPath(), "# an earlier run", StandardCharsets.UTF_8);
		old.setLastModified(System.currentTimeMillis() - 3_600_000);
		out.refreshLocal(IResource.DEPTH_INFINITE, null);
		long started = System.currentTimeMillis();
		// this run wrote nothing: the earlier run's summary is not opened, whatever the exit status
		assertNull(ExperimentLaunchDelegate.summaryToOpen(out, "", started, 0));
		assertNull(ExperimentLaunchDelegate.summaryToOpen(out, "Old", started, 0));
		File fresh = new File(dir, "New/summary.md");
		fresh.getParentFile().mkdirs();
		Files.writeString(fresh.toPath(), "# this run", StandardCharsets.UTF_8);
		out.refreshLocal(IResource.DEPTH_INFINITE, null);
		assertEquals(out.getFile(IPath.fromOSString("New/summary.md")),
				ExperimentLaunchDelegate.summaryToOpen(out, "", started, 0));
		assertEquals(out.getFile(IPath.fromOSString("New/summary.md")),
				ExperimentLaunchDelegate.summaryToOpen(out, "New", started, 0));
		// a failed run (exit status 1) opens nothing
		assertNull(ExperimentLaunchDelegate.summaryToOpen(out, "", started, 1));
		assertNull(ExperimentLaunchDelegate.summaryToOpen(out, "New", started, 1));
	}

	@Test
	void terminatingTwiceIsQuietAndTheRunStillEnds() throws Exception {
		LaunchAndExportTest.assumeTrainer();
		IFile f = TestFiles.create("stop-twice.potential",
				LaunchAndExportTest.SOURCE.replace("epochs >= 20", "epochs >= 100000000"));
		ILaunch launch = ExperimentLaunchShortcut.configuration(f, "Tiny").launch(ILaunchManager.RUN_MODE, null);
		IProcess p = launch.getProcesses()[0];
		assertTrue(p instanceof TrainerProcess, p.getClass().getName());
		assertTrue(p.canTerminate());
		p.terminate();
		assertFalse(p.canTerminate(), "Terminate stays enabled while the trainer stops");
		p.terminate(); // the second press: no error
		assertTrue(TestFiles.waitUntil(p::isTerminated, 30_000), "terminate did not stop the process");
		DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
	}

	@Test
	void anExportedJarShowsInTheWorkspaceWithoutARefresh() throws Exception {
		LaunchAndExportTest.assumeTrainer();
		IFile f = TestFiles.create("exported.potential", LaunchAndExportTest.SOURCE);
		IFile jar = f.getParent().getFile(IPath.fromOSString("exported-optimizer.jar"));
		assertFalse(jar.exists());
		OptimizerJarExport.Result r = OptimizerJarExport.export(f, List.of("QNorm"), jar.getLocation().toFile().toPath(),
				null);
		assertTrue(r.ok(), r.output());
		assertTrue(jar.exists(), "the jar is not in the workspace until a refresh");
	}
}
