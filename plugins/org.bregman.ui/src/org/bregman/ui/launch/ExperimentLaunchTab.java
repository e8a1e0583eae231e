package org.bregman.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** File, experiment, output folder and JVM arguments of a "Potential Experiment" configuration. */
public class ExperimentLaunchTab extends AbstractLaunchConfigurationTab {
	private Text file;
	private Text experiment;
	private Text output;
	private Text vmArgs;

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		file = field(c, "File (workspace path):");
		experiment = field(c, "Experiment:");
		output = field(c, "Output folder (empty: results/ next to the file):");
		vmArgs = field(c, "JVM arguments:");
		setControl(c);
	}

	private Text field(Composite c, String label) {
		new Label(c, SWT.NONE).setText(label);
		Text t = new Text(c, SWT.BORDER);
		t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		t.addModifyListener(e -> updateLaunchConfigurationDialog());
		return t;
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(ExperimentLaunch.VM_ARGS, ExperimentLaunch.DEFAULT_VM_ARGS);
	}

	@Override
	public void initializeFrom(ILaunchConfiguration config) {
		try {
			file.setText(config.getAttribute(ExperimentLaunch.FILE, ""));
			experiment.setText(config.getAttribute(ExperimentLaunch.EXPERIMENT, ""));
			output.setText(config.getAttribute(ExperimentLaunch.OUTPUT, ""));
			vmArgs.setText(config.getAttribute(ExperimentLaunch.VM_ARGS, ExperimentLaunch.DEFAULT_VM_ARGS));
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(ExperimentLaunch.FILE, file.getText().strip());
		config.setAttribute(ExperimentLaunch.EXPERIMENT, experiment.getText().strip());
		config.setAttribute(ExperimentLaunch.OUTPUT, output.getText().strip());
		config.setAttribute(ExperimentLaunch.VM_ARGS, vmArgs.getText().strip());
	}

	@Override
	public boolean isValid(ILaunchConfiguration config) {
		setErrorMessage(null);
		String path = file.getText().strip();
		IResource r = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(path));
		if (!(r instanceof IFile f) || !"potential".equals(f.getFileExtension())) {
			setErrorMessage("Choose a .potential file of the workspace, e.g. /project/experiments.potential");
			return false;
		}
		return true;
	}

	@Override
	public String getName() {
		return "Experiment";
	}
}
