package org.bregman.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * {@code -Dbregman.open=/path/to/file.potential}: at start-up, make the file's folder a workspace project
 * (named after the folder) and open the file in the editor. Used by releng/screenshot.sh and handy for
 * demos; without the property nothing happens.
 */
public class OpenOnStartup implements IStartup {

	@Override
	public void earlyStartup() {
		String arg = System.getProperty("bregman.open");
		if (arg == null || arg.isBlank())
			return;
		Path file = Path.of(arg).toAbsolutePath().normalize();
		if (!Files.isRegularFile(file)) {
			BregmanUi.log("bregman.open: no such file " + file, null);
			return;
		}
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			try {
				IWorkspace ws = ResourcesPlugin.getWorkspace();
				Path dir = file.getParent();
				IProject p = ws.getRoot().getProject(dir.getFileName().toString());
				if (!p.exists()) {
					IProjectDescription d = ws.newProjectDescription(p.getName());
					d.setLocationURI(dir.toUri());
					p.create(d, new NullProgressMonitor());
				}
				if (!p.isOpen())
					p.open(new NullProgressMonitor());
				IFile f = p.getFile(file.getFileName().toString());
				IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
				IDE.openEditor(page, f);
				page.showView("org.eclipse.ui.views.ContentOutline");
				page.showView("org.eclipse.ui.views.ProblemView");
			} catch (Exception e) {
				BregmanUi.log("bregman.open: cannot open " + file, e);
			}
		});
	}
}
