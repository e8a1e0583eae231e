package org.bregman.ui.activator;

import org.bregman.ui.BregmanUi;
import org.bregman.ui.validation.WorkspaceValidation;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** Bundle activator: starts the validation of the workspace's .potential files. */
public class BregmanUiPlugin extends AbstractUIPlugin {

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		BregmanUi.started(this);
		// problems of all .potential files, open or not (the workspace may not be up yet in odd launches)
		try {
			WorkspaceValidation.install();
		} catch (IllegalStateException e) {
			BregmanUi.log("workspace validation not started", e);
		}
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		WorkspaceValidation.uninstall();
		BregmanUi.started(null);
		super.stop(context);
	}
}
