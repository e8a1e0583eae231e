package org.bregman.ui.launch;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.resources.IFile;

/** {@code org.bregman.ui.hasExperiments}: the .potential file declares at least one experiment (Run As is offered). */
public class HasExperimentsTester extends PropertyTester {

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		return receiver instanceof IFile f && f.exists() && f.getLocation() != null
				&& !ExperimentLaunchShortcut.experimentNames(f).isEmpty();
	}
}
