package org.bregman.train;

import org.bregman.train.data.Dataset;

/** Progress of an experiment, for a console display or an Eclipse progress monitor. All methods are optional. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    default void experimentStarted(ExperimentSpec spec, Dataset data, int runs) {
    }

    default void runStarted(MirrorSpec mirror, long seed, int index, int total) {
    }

    /**
     * After every epoch of the current run.
     *
     * @param trainAccuracy NaN for regression; @param etaSeconds time left for this run from the epoch
     *     budget (NaN when the budget is unbounded)
     */
    default void epoch(MirrorSpec mirror, long seed, long epoch, double loss, double trainAccuracy, double etaSeconds) {
    }

    /**
     * After every step of the current run (a long epoch shows progress inside it).
     *
     * @param etaSeconds time left for this run from the step budget at this run's pace (NaN when unbounded)
     */
    default void step(MirrorSpec mirror, long seed, long steps, double etaSeconds) {
    }

    /** The run in progress was saved ({@code --checkpoint-every}, or Ctrl-C with a run store). */
    default void checkpointed(MirrorSpec mirror, long seed, long epochs, long steps) {
    }

    /** A run ended; {@code result.line()} is its one-line summary. */
    default void runFinished(RunResult result) {
    }

    /** Free text (data loaded, reports written, …). */
    default void message(String line) {
    }
}
