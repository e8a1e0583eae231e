package org.bregman.ui.wizards;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.bregman.ui.BregmanUi;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.jface.wizard.Wizard;

/** File → New → Potential File: a .potential file with a commented template. */
public class NewPotentialFileWizard extends Wizard implements INewWizard {

	/** The template of a new file: a potential and a small experiment, explained. */
	public static final String TEMPLATE = """
			// A .potential file: mirror-descent potentials and experiments that compare them.
			// Write psi once; Bregman derives grad psi, its inverse and the Bregman divergence D_psi,
			// checks strict convexity on the domain, and compiles a fast mirror-descent step.

			/** The lq potential; q = 2 is plain SGD. Parameters have defaults and constraints. */
			potential QNorm(q = 3 where q > 1) {
			    psi(w) = |w|^q / q
			}

			/** Exponentiated gradient: needs a domain, log(w) is only defined for w > 0. */
			potential NegEntropy {
			    domain w > 0
			    psi(w) = w * log(w) - w
			}

			// Train one over-parameterised linear model with several mirrors from the same initial points
			// and report which minimum each mirror reached (Run As > Potential Experiment).
			experiment Compare {
			    data    regression(n = 20, d = 100, seed = 1)
			    model   linear
			    loss    squared
			    mirrors QNorm(q = 1.5), QNorm(q = 2), QNorm(q = 3)
			    init    normal(std = 0.1) seeds 1 .. 2
			    lr      0.01
			    batch   1
			    until   loss < 1e-8 or epochs >= 500
			    report  bregman, closest
			}
			""";

	private IWorkbench workbench;
	private IStructuredSelection selection;
	private WizardNewFileCreationPage page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		this.selection = selection;
		setWindowTitle("New Potential File");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		page = new WizardNewFileCreationPage("potentialFile", selection) {
			@Override
			protected java.io.InputStream getInitialContents() {
				return new ByteArrayInputStream(TEMPLATE.getBytes(StandardCharsets.UTF_8));
			}
		};
		page.setTitle("Potential File");
		page.setDescription("Create a .potential file with a commented example.");
		page.setFileExtension("potential");
		page.setFileName("potentials.potential");
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null)
			return false;
		try {
			IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file);
		} catch (PartInitException e) {
			BregmanUi.log("cannot open " + file.getFullPath(), e);
		}
		return true;
	}
}
