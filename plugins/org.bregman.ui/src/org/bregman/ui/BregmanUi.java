package org.bregman.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.bregman.ui.validation.WorkspaceValidation;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** Bundle activator: the plug-in id, logging, and validation of the workspace's .potential files. */
public class BregmanUi extends AbstractUIPlugin {
	public static final String PLUGIN_ID = "org.bregman.ui";
	/** Content type of {@code *.potential} files (declared in plugin.xml). */
	public static final String CONTENT_TYPE = "org.bregman.ui.potential";

	private static BregmanUi instance;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
		// problems of all .potential files, open or not (the workspace may not be up yet in odd launches)
		try {
			WorkspaceValidation.install();
		} catch (IllegalStateException e) {
			log("workspace validation not started", e);
		}
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		WorkspaceValidation.uninstall();
		instance = null;
		super.stop(context);
	}

	public static BregmanUi getDefault() {
		return instance;
	}

	public static void log(String message, Throwable t) {
		ILog.of(BregmanUi.class).log(new Status(IStatus.ERROR, PLUGIN_ID, message, t));
	}
}
