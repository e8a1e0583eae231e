package org.bregman.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.ILaunchable;

/**
 * Makes .potential files "launchable": the Run As menu of the Project Explorer (debug.ui's contextual
 * launch) is only shown for objects that adapt to {@link ILaunchable}; which shortcut it then offers
 * is the shortcut's own enablement (a file with an experiment).
 */
public class LaunchableAdapterFactory implements IAdapterFactory {
	private static final ILaunchable LAUNCHABLE = new ILaunchable() {
	};

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType == ILaunchable.class && adaptable instanceof IFile f && "potential".equals(f.getFileExtension()))
			return adapterType.cast(LAUNCHABLE);
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { ILaunchable.class };
	}
}
