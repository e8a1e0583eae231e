package org.bregman.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.bregman.ui.editor.PotentialValidationReconciler;

/** Workspace and UI helpers shared by the workbench tests. */
final class TestFiles {
	private TestFiles() {
	}

	/** The lq potential most tests use. */
	static final String QNORM = """
			potential QNorm(q = 3 where q > 1) {
			    psi(w) = |w|^q / q
			}
			""";

	/**
	 * A small experiment as the tests write it: regression data, the linear model, QNorm mirrors, lr 0.01; {@code settings}
	 * are the lines after lr (batch, until, report), each written without its indentation.
	 */
	static String experiment(String name, String data, String mirrors, String seeds, String... settings) {
		StringBuilder b = new StringBuilder("experiment " + name + " {\n    data    regression(" + data + ", seed = 1)\n"
				+ "    model   linear\n    loss    squared\n    mirrors " + mirrors + "\n    init    normal(std = 0.1) seeds " + seeds
				+ "\n    lr      0.01\n");
		for (String s : settings)
			b.append("    ").append(s).append('\n');
		return b.append("}\n").toString();
	}

	static IProject project() throws CoreException {
		IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("bregman-tests");
		if (!p.exists())
			p.create(new NullProgressMonitor());
		if (!p.isOpen())
			p.open(new NullProgressMonitor());
		return p;
	}

	static IFile create(String name, String text) throws CoreException {
		IFile f = project().getFile(name);
		ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (f.exists())
			f.setContents(in, true, false, new NullProgressMonitor());
		else
			f.create(in, true, new NullProgressMonitor());
		return f;
	}

	/** The Bregman problem markers of a file. */
	static IMarker[] markers(IFile f) {
		try {
			return f.findMarkers(PotentialValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/**
	 * The open dialog over the workbench window (the newest visible shell other than the window's; the
	 * display's active shell is unreliable under Xvfb without a window manager), or null.
	 */
	static org.eclipse.swt.widgets.Shell dialog() {
		org.eclipse.swt.widgets.Shell window = page().getWorkbenchWindow().getShell();
		org.eclipse.swt.widgets.Shell found = null;
		for (org.eclipse.swt.widgets.Shell s : Display.getCurrent().getShells())
			if (s != window && s.isVisible() && !s.isDisposed())
				found = s;
		return found;
	}

	/** Runs the UI event loop until the condition holds or the timeout (ms) passes. */
	static boolean waitUntil(java.util.function.BooleanSupplier condition, long timeoutMs) {
		Display d = Display.getCurrent();
		long end = System.currentTimeMillis() + timeoutMs;
		while (System.currentTimeMillis() < end) {
			if (condition.getAsBoolean())
				return true;
			while (d.readAndDispatch()) {
				// drain pending UI work (reconcilers post their results here)
			}
			try {
				Thread.sleep(2);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return condition.getAsBoolean();
	}
}
