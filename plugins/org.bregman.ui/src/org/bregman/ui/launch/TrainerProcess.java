package org.bregman.ui.launch;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.RuntimeProcess;

/**
 * The trainer's process in the Console. Terminate asks it to stop (SIGTERM: the trainer's shutdown hook
 * finishes its output) and returns at once; the Console keeps reading until the process has ended, so
 * its last lines arrive, and nothing is closed under the stream readers ("Stream closed"). A second
 * Terminate is a no-op instead of an error dialog; a trainer that has not ended after
 * {@link #GRACE_SECONDS} is killed.
 */
public class TrainerProcess extends RuntimeProcess {
	/** How long a terminated trainer may take to finish its output before it is killed. */
	static final int GRACE_SECONDS = 15;

	private volatile boolean terminating;

	public TrainerProcess(ILaunch launch, Process process, String name, Map<String, String> attributes) {
		super(launch, process, name, attributes);
	}

	@Override
	public boolean canTerminate() {
		return !terminating && super.canTerminate();
	}

	/** Whether Terminate was asked for (the run was cancelled, not ended by itself). */
	public boolean isTerminating() {
		return terminating;
	}

	@Override
	public void terminate() {
		if (terminating || isTerminated())
			return;
		terminating = true;
		Process p = getSystemProcess();
		if (p == null)
			return;
		p.destroy();
		CompletableFuture.runAsync(() -> {
			try {
				if (!p.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
					p.descendants().forEach(ProcessHandle::destroyForcibly);
					p.destroyForcibly();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				p.destroyForcibly();
			}
		});
	}
}
