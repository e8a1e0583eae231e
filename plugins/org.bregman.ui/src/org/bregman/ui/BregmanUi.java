package org.bregman.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** Bundle activator: the plug-in id and logging. */
public class BregmanUi extends AbstractUIPlugin {
	public static final String PLUGIN_ID = "org.bregman.ui";
	/** Content type of {@code *.potential} files (declared in plugin.xml). */
	public static final String CONTENT_TYPE = "org.bregman.ui.potential";

	private static BregmanUi instance;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
	}

	@Override
	public void stop(BundleContext context) throws Exception {
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
