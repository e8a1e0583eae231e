package org.bregman.ui.launch;

import java.util.List;

import org.bregman.potential.potential.Experiment;
import org.bregman.potential.util.PotentialModels;
import org.bregman.ui.BregmanUi;
import org.bregman.ui.PotentialLanguage;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Run As → Potential Experiment, on a .potential file (its first experiment) or in the editor (the
 * experiment under the caret, else the first). Reuses the configuration of the same file and experiment.
 */
public class ExperimentLaunchShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof org.eclipse.core.runtime.IAdaptable a) {
			IFile f = a.getAdapter(IFile.class);
			if (f != null)
				launch(f, -1, mode);
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		IFile f = editor.getEditorInput().getAdapter(IFile.class);
		int caret = -1;
		if (editor instanceof ITextEditor te && te.getSelectionProvider().getSelection() instanceof ITextSelection ts)
			caret = ts.getOffset();
		if (f != null)
			launch(f, caret, mode);
	}

	private void launch(IFile file, int caret, String mode) {
		try {
			String experiment = experimentAt(file, caret);
			DebugUITools.launch(configuration(file, experiment), mode);
		} catch (CoreException e) {
			BregmanUi.log("cannot launch " + file.getFullPath(), e);
		}
	}

	/** The experiment containing {@code caret} (or the file's first experiment); "" if it has none. */
	public static String experimentAt(IFile file, int caret) throws CoreException {
		List<Experiment> xs = experiments(file);
		for (Experiment x : xs) {
			ICompositeNode n = NodeModelUtils.getNode(x);
			if (n != null && caret >= n.getOffset() && caret <= n.getEndOffset())
				return x.getName();
		}
		return xs.isEmpty() ? "" : xs.get(0).getName();
	}

	/** The names of the file's experiments, in order (none for a file that cannot be read). */
	public static List<String> experimentNames(IFile file) {
		try {
			return experiments(file).stream().map(Experiment::getName).filter(n -> n != null).toList();
		} catch (CoreException e) {
			return List.of();
		}
	}

	private static List<Experiment> experiments(IFile file) throws CoreException {
		String text;
		try (var in = file.getContents()) {
			text = new String(in.readAllBytes(), file.getCharset());
		} catch (java.io.IOException e) {
			throw BundledCli.error("cannot read " + file.getFullPath() + ": " + e.getMessage());
		}
		XtextResource r = PotentialLanguage.parse(text, URI.createFileURI(file.getLocation().toOSString()));
		return PotentialModels.experiments(PotentialModels.model(r));
	}

	/** The saved configuration for this file and experiment, created on first use. */
	public static ILaunchConfiguration configuration(IFile file, String experiment) throws CoreException {
		ILaunchManager m = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = m.getLaunchConfigurationType(ExperimentLaunch.TYPE_ID);
		String path = file.getFullPath().toString();
		for (ILaunchConfiguration c : m.getLaunchConfigurations(type))
			if (path.equals(c.getAttribute(ExperimentLaunch.FILE, ""))
					&& experiment.equals(c.getAttribute(ExperimentLaunch.EXPERIMENT, "")))
				return c;
		String name = m.generateLaunchConfigurationName(experiment.isEmpty() ? file.getName() : experiment);
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, name);
		wc.setAttribute(ExperimentLaunch.FILE, path);
		wc.setAttribute(ExperimentLaunch.EXPERIMENT, experiment);
		wc.setAttribute(ExperimentLaunch.OUTPUT, "");
		wc.setAttribute(ExperimentLaunch.VM_ARGS, ExperimentLaunch.DEFAULT_VM_ARGS);
		return wc.doSave();
	}
}
