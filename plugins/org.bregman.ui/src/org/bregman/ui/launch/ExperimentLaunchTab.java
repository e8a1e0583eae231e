package org.bregman.ui.launch;

import java.util.List;

import org.bregman.ui.Icons;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;
import org.eclipse.ui.dialogs.ElementTreeSelectionDialog;
import org.eclipse.ui.model.BaseWorkbenchContentProvider;
import org.eclipse.ui.model.WorkbenchLabelProvider;

/**
 * File (Browse: the workspace's .potential files), experiment (the file's experiments, or all of them),
 * output folder (Browse) and JVM arguments of a "Potential Experiment" configuration; each checked.
 */
public class ExperimentLaunchTab extends AbstractLaunchConfigurationTab {
	/** The experiment list's first entry: run every experiment of the file. */
	public static final String ALL = "(all experiments)";

	private Text file;
	private Combo experiment;
	private Text output;
	private Text vmArgs;

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(3, false));
		file = field(c, "File (workspace path):");
		button(c, "Browse...", this::browseFile);
		new Label(c, SWT.NONE).setText("Experiment:");
		experiment = new Combo(c, SWT.READ_ONLY | SWT.DROP_DOWN);
		experiment.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		experiment.addModifyListener(e -> updateLaunchConfigurationDialog());
		file.addModifyListener(e -> fillExperiments(experiment.getText()));
		output = field(c, "Output folder (empty: results/ next to the file):");
		button(c, "Browse...", this::browseOutput);
		vmArgs = field(c, "JVM arguments:");
		new Label(c, SWT.NONE);
		setControl(c);
	}

	private Text field(Composite c, String label) {
		new Label(c, SWT.NONE).setText(label);
		Text t = new Text(c, SWT.BORDER);
		t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		t.addModifyListener(e -> updateLaunchConfigurationDialog());
		return t;
	}

	private static void button(Composite c, String label, Runnable action) {
		Button b = new Button(c, SWT.PUSH);
		b.setText(label);
		b.addListener(SWT.Selection, e -> action.run());
	}

	private IFile chosenFile() {
		String path = file.getText().strip();
		IResource r = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(path));
		return r instanceof IFile f && "potential".equals(f.getFileExtension()) ? f : null;
	}

	/** The experiment list of the chosen file, keeping {@code keep} selected if it is one of them. */
	private void fillExperiments(String keep) {
		IFile f = chosenFile();
		List<String> names = f == null ? List.of() : ExperimentLaunchShortcut.experimentNames(f);
		experiment.removeAll();
		experiment.add(ALL);
		names.forEach(experiment::add);
		int at = names.indexOf(keep);
		experiment.select(at < 0 ? 0 : at + 1);
	}

	private void browseFile() {
		ElementTreeSelectionDialog d = new ElementTreeSelectionDialog(getShell(), new WorkbenchLabelProvider(),
				new BaseWorkbenchContentProvider());
		d.setTitle("Potential File");
		d.setMessage("Choose a .potential file:");
		d.setInput(ResourcesPlugin.getWorkspace().getRoot());
		d.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer viewer, Object parent, Object element) {
				return element instanceof IContainer c && c.isAccessible()
						|| element instanceof IFile f && "potential".equals(f.getFileExtension());
			}
		});
		d.setValidator(sel -> sel.length == 1 && sel[0] instanceof IFile
				? org.eclipse.core.runtime.Status.OK_STATUS
				: org.eclipse.core.runtime.Status.error("Choose a .potential file"));
		IFile current = chosenFile();
		if (current != null)
			d.setInitialSelection(current);
		if (d.open() == ElementTreeSelectionDialog.OK && d.getFirstResult() instanceof IFile f)
			file.setText(f.getFullPath().toString());
	}

	private void browseOutput() {
		ContainerSelectionDialog d = new ContainerSelectionDialog(getShell(), ResourcesPlugin.getWorkspace().getRoot(),
				true, "Choose the output folder (each experiment writes into a subfolder):");
		if (d.open() == ContainerSelectionDialog.OK && d.getResult().length == 1 && d.getResult()[0] instanceof IPath p)
			output.setText(p.toString());
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(ExperimentLaunch.VM_ARGS, ExperimentLaunch.DEFAULT_VM_ARGS);
	}

	@Override
	public void initializeFrom(ILaunchConfiguration config) {
		try {
			file.setText(config.getAttribute(ExperimentLaunch.FILE, ""));
			fillExperiments(config.getAttribute(ExperimentLaunch.EXPERIMENT, ""));
			output.setText(config.getAttribute(ExperimentLaunch.OUTPUT, ""));
			vmArgs.setText(config.getAttribute(ExperimentLaunch.VM_ARGS, ExperimentLaunch.DEFAULT_VM_ARGS));
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(ExperimentLaunch.FILE, file.getText().strip());
		String x = experiment.getText();
		config.setAttribute(ExperimentLaunch.EXPERIMENT, ALL.equals(x) ? "" : x);
		config.setAttribute(ExperimentLaunch.OUTPUT, output.getText().strip());
		config.setAttribute(ExperimentLaunch.VM_ARGS, vmArgs.getText().strip());
	}

	@Override
	public boolean isValid(ILaunchConfiguration config) {
		String problem = problem();
		setErrorMessage(problem);
		return problem == null;
	}

	/** What is wrong with the fields, or null. */
	private String problem() {
		IFile f = chosenFile();
		if (f == null)
			return "Choose a .potential file of the workspace, e.g. /project/experiments.potential";
		if (experiment.getItemCount() <= 1)
			return f.getName() + " declares no experiment";
		String out = output.getText().strip();
		if (!out.isEmpty()) {
			IPath p = IPath.fromOSString(out);
			if (!p.isAbsolute() || p.segmentCount() == 0)
				return "The output folder is a workspace path such as /project/results";
			IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(p.segment(0));
			if (!project.isOpen())
				return "The output folder's project " + p.segment(0) + " is not an open project";
			if (ResourcesPlugin.getWorkspace().getRoot().findMember(p) instanceof IFile)
				return out + " is a file, not a folder";
		}
		return null;
	}

	@Override
	public String getName() {
		return "Experiment";
	}

	@Override
	public Image getImage() {
		return Icons.get(Icons.EXPERIMENT);
	}
}
