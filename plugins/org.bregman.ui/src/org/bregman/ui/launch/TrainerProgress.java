package org.bregman.ui.launch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a run of {@code bregman run} is, read from its output: "experiment NAME: …, K runs" starts an
 * experiment, "[i/N] …: epoch …" is run i under way, "[i/N] … converged/stopped …" is run i done.
 * Fed the output as it arrives (chunks need not end at a line).
 */
public final class TrainerProgress {
	private static final Pattern EXPERIMENT = Pattern.compile("^experiment (\\S+): .*, (\\d+) runs?$");
	private static final Pattern RUN = Pattern.compile("^\\[(\\d+)/(\\d+)\\] (.*)$");

	private final int experiments;
	private final StringBuilder partial = new StringBuilder();
	private int experiment;
	private int runsDone;
	private int runs = 1;
	private String status = "";

	/** @param experiments how many experiments the run has (the file's count for "all"), at least 1 */
	public TrainerProgress(int experiments) {
		this.experiments = Math.max(1, experiments);
	}

	public synchronized void append(String chunk) {
		for (int i = 0; i < chunk.length(); i++) {
			char c = chunk.charAt(i);
			// the trainer rewrites a terminal line with \r; in the Console each update ends with \n
			if (c == '\n' || c == '\r') {
				line(partial.toString().strip());
				partial.setLength(0);
			} else
				partial.append(c);
		}
	}

	private void line(String line) {
		Matcher m = EXPERIMENT.matcher(line);
		if (m.matches()) {
			experiment = Math.min(experiment + 1, experiments);
			runs = Math.max(1, Integer.parseInt(m.group(2)));
			runsDone = 0;
			status = "experiment " + m.group(1);
			return;
		}
		m = RUN.matcher(line);
		if (m.matches()) {
			int i = Integer.parseInt(m.group(1));
			runs = Math.max(1, Integer.parseInt(m.group(2)));
			boolean finished = !m.group(3).contains(": epoch ");
			runsDone = Math.max(runsDone, finished ? i : i - 1);
			status = line;
		}
	}

	/** The part done, from 0 to 1. */
	public synchronized double fraction() {
		if (experiment == 0)
			return 0;
		return Math.min(1, (experiment - 1 + Math.min(runsDone, runs) / (double) runs) / experiments);
	}

	/** The latest progress line (for the progress view), or "". */
	public synchronized String status() {
		return status;
	}
}
