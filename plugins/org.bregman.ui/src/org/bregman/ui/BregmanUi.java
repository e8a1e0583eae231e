package org.bregman.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;

/**
 * The plug-in's id, content type and log, shared by every package of the bundle. The activator
 * ({@code activator.BregmanUiPlugin}) sits above the packages it starts, so this one imports none of them.
 */
public final class BregmanUi {
	public static final String PLUGIN_ID = "org.bregman.ui";
	/** Content type of {@code *.potential} files (declared in plugin.xml). */
	public static final String CONTENT_TYPE = "org.bregman.ui.potential";

	private static volatile AbstractUIPlugin instance;

	private BregmanUi() {
	}

	/** The running plug-in (set by its activator), or null when the bundle is not started. */
	public static AbstractUIPlugin getDefault() {
		return instance;
	}

	/** Called by the activator only. */
	public static void started(AbstractUIPlugin plugin) {
		instance = plugin;
	}

	public static void log(String message, Throwable t) {
		ILog.of(BregmanUi.class).log(new Status(IStatus.ERROR, PLUGIN_ID, message, t));
	}
}
