package org.bregman.train;

import java.util.List;
import java.util.Map;

import org.bregman.train.data.Dataset;

/**
 * Everything an experiment produced: the runs in execution order (seed-major) and each seed's initial point.
 *
 * @param interrupted whether Ctrl-C ended it early
 * @param parameterNames a readable name per model, e.g. "4,010 parameters (0_W, 0_b, 1_W, 1_b)"
 * @param layers the named blocks of the flat parameter vector (the layout of the {@code .npy} weights)
 */
public record ExperimentResult(ExperimentSpec spec, Dataset data, List<RunResult> runs, Map<Long, float[]> inits,
        boolean interrupted, String parameterNames, double seconds, List<org.bregman.train.model.Layer> layers) {

    /** Without the model's layers (a report that does not describe the parameter layout). */
    public ExperimentResult(ExperimentSpec spec, Dataset data, List<RunResult> runs, Map<Long, float[]> inits, boolean interrupted,
            String parameterNames, double seconds) {
        this(spec, data, runs, inits, interrupted, parameterNames, seconds, List.of());
    }

    public RunResult run(MirrorSpec m, long seed) {
        for (RunResult r : runs) if (r.mirror().equals(m) && r.seed() == seed) return r;
        return null;
    }
}
