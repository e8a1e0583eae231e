package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bregman.ui.validation.WorkspaceValidation;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

/**
 * How long the Problems view is incomplete after a start-up: the validation of every .potential file of
 * a project that opens (the queue start-up fills for every project), 20 files of 500 lines with one
 * error. Reported (printed and written to target/startup-validation.txt for BENCHMARKS.md), not
 * asserted beyond a generous bound.
 */
public class StartupValidationTest {

	@Test
	void validatesAWorkspaceOf20FilesOf500Lines() throws Exception {
		IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("bregman-startup");
		if (!p.exists())
			p.create(null);
		p.open(null);
		String text = EditorLatencyTest.fiveHundredLines();
		int files = 20;
		for (int i = 0; i < files; i++) {
			String t = i == files - 1 ? text + "potential Broken {\n    psi(w) = w * log(w)\n}\n" : text;
			IFile f = p.getFile("f" + i + ".potential");
			var in = new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8));
			if (f.exists())
				f.setContents(in, true, false, null);
			else
				f.create(in, true, null);
		}
		IFile broken = p.getFile("f" + (files - 1) + ".potential");
		assertTrue(TestFiles.waitUntil(WorkspaceValidation::isIdle, 300_000));
		p.close(new NullProgressMonitor());
		long t0 = System.nanoTime();
		p.open(new NullProgressMonitor());
		TestFiles.waitUntil(() -> !WorkspaceValidation.isIdle(), 2_000);
		assertTrue(TestFiles.waitUntil(WorkspaceValidation::isIdle, 300_000), "validation did not end in 5 minutes");
		double s = (System.nanoTime() - t0) / 1e9;
		assertTrue(TestFiles.markers(broken).length > 0, "the error of the last file is a marker");
		int lines = files * text.split("\n", -1).length;
		String line = String.format(java.util.Locale.ROOT,
				"start-up validation: %d files, %d lines: %.2f s (%.0f ms per file) until the Problems view is complete",
				files, lines, s, 1000 * s / files);
		System.out.println(line);
		Files.writeString(Path.of("target/startup-validation.txt"), line + "\n");
		p.delete(true, null);
	}
}
