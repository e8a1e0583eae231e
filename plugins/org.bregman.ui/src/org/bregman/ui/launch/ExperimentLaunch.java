package org.bregman.ui.launch;

/** Attribute names and the type id of "Potential Experiment" launch configurations. */
public final class ExperimentLaunch {
	private ExperimentLaunch() {
	}

	public static final String TYPE_ID = "org.bregman.ui.experimentLaunch";
	/** workspace path of the .potential file, e.g. /project/experiments.potential */
	public static final String FILE = "org.bregman.ui.file";
	/** experiment name (empty: every experiment of the file) */
	public static final String EXPERIMENT = "org.bregman.ui.experiment";
	/** output folder, workspace path (empty: results next to the file); each experiment writes into a subfolder */
	public static final String OUTPUT = "org.bregman.ui.output";
	/** extra JVM arguments, blank-separated */
	public static final String VM_ARGS = "org.bregman.ui.vmArgs";

	public static final String DEFAULT_VM_ARGS = "-Xmx2g";
}
