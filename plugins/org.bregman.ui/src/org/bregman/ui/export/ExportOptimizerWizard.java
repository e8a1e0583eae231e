package org.bregman.ui.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.util.PotentialModels;
import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;

/** File → Export → Potential Optimizer JAR: pick potentials of the selected file, write the jar. */
public class ExportOptimizerWizard extends Wizard implements IExportWizard {
	private IFile file;
	private Page page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		setWindowTitle("Export Potential Optimizer JAR");
		setNeedsProgressMonitor(true);
		if (selection != null && selection.getFirstElement() instanceof IAdaptable a)
			file = a.getAdapter(IFile.class);
	}

	@Override
	public void addPages() {
		page = new Page();
		addPage(page);
	}

	/** The potentials a file defines (for the page and for tests). */
	public static List<String> potentials(IFile f) {
		List<String> out = new ArrayList<>();
		try (var in = f.getContents()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (PotentialDef p : PotentialModels.potentials(PotentialModels.model(
					PotentialLanguage.parse(text, URI.createFileURI(f.getLocation().toOSString())))))
				if (p.getName() != null)
					out.add(p.getName());
		} catch (Exception e) {
			BregmanUi.log("cannot read " + f.getFullPath(), e);
		}
		return out;
	}

	@Override
	public boolean performFinish() {
		List<String> chosen = new ArrayList<>();
		for (TableItem i : page.table.getItems())
			if (i.getChecked())
				chosen.add(i.getText());
		Path jar = Path.of(page.jar.getText().strip());
		OptimizerJarExport.Result[] result = new OptimizerJarExport.Result[1];
		try {
			getContainer().run(true, true, monitor -> {
				monitor.beginTask("Exporting " + String.join(", ", chosen) + " to " + jar, -1);
				try {
					result[0] = OptimizerJarExport.export(file, chosen, jar, monitor);
				} catch (CoreException e) {
					result[0] = new OptimizerJarExport.Result(-1, e.getMessage());
				}
			});
		} catch (Exception e) {
			page.setErrorMessage(e.getMessage());
			return false;
		}
		if (!result[0].ok()) {
			MessageDialog.openError(getShell(), "Export failed", result[0].output());
			return false;
		}
		return true;
	}

	private final class Page extends WizardPage {
		Table table;
		Text jar;

		Page() {
			super("optimizerJar");
			setTitle("Potential Optimizer JAR");
			setDescription("A self-contained jar with the compiled optimizers and their runtime API (as bregman export).");
		}

		@Override
		public void createControl(Composite parent) {
			Composite c = new Composite(parent, SWT.NONE);
			c.setLayout(new GridLayout(3, false));
			new Label(c, SWT.NONE).setText("File: " + (file == null ? "(select a .potential file first)" : file.getFullPath()));
			new Label(c, SWT.NONE);
			new Label(c, SWT.NONE);
			table = new Table(c, SWT.CHECK | SWT.BORDER);
			table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
			if (file != null)
				for (String p : potentials(file)) {
					TableItem i = new TableItem(table, SWT.NONE);
					i.setText(p);
					i.setChecked(true);
				}
			new Label(c, SWT.NONE).setText("JAR file:");
			jar = new Text(c, SWT.BORDER);
			jar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			if (file != null)
				jar.setText(file.getParent().getLocation().append("optimizer.jar").toOSString());
			Button browse = new Button(c, SWT.PUSH);
			browse.setText("Browse…");
			browse.addListener(SWT.Selection, e -> {
				FileDialog d = new FileDialog(getShell(), SWT.SAVE);
				d.setFilterExtensions(new String[] { "*.jar" });
				String s = d.open();
				if (s != null)
					jar.setText(s);
			});
			jar.addModifyListener(e -> validate());
			table.addListener(SWT.Selection, e -> validate());
			setControl(c);
			validate();
		}

		private void validate() {
			boolean any = false;
			for (TableItem i : table.getItems())
				any |= i.getChecked();
			String msg = file == null ? "Select a .potential file in a project, then export."
					: !any ? "Choose at least one potential."
							: jar.getText().isBlank() || !jar.getText().endsWith(".jar") ? "Name a .jar file." : null;
			setErrorMessage(msg);
			setPageComplete(msg == null);
		}
	}
}
