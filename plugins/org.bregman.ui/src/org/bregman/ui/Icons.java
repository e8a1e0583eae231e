package org.bregman.ui;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.plugin.AbstractUIPlugin;

/** The plug-in's icons (icons/NAME.png, with an @2x variant), shared through the bundle's image registry. */
public final class Icons {
	public static final String POTENTIAL = "potential";
	public static final String PARAMETER = "parameter";
	public static final String EXPERIMENT = "experiment";
	public static final String FILE = "file";
	public static final String LAUNCH = "launch";

	private Icons() {
	}

	public static ImageDescriptor descriptor(String name) {
		return AbstractUIPlugin.imageDescriptorFromPlugin(BregmanUi.PLUGIN_ID, "icons/" + name + ".png");
	}

	/** The image (owned by the registry: do not dispose), or null outside a running UI plug-in. */
	public static Image get(String name) {
		AbstractUIPlugin ui = BregmanUi.getDefault();
		if (ui == null || name == null)
			return null;
		ImageRegistry reg = ui.getImageRegistry();
		Image i = reg.get(name);
		if (i == null) {
			reg.put(name, descriptor(name));
			i = reg.get(name);
		}
		return i;
	}
}
