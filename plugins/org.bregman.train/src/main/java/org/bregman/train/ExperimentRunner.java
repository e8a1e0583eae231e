package org.bregman.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bregman.codegen.AtomicFiles;
import org.bregman.train.data.DataException;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Layer;
import org.bregman.train.model.Model;
import org.bregman.train.report.ReportWriter;
import org.bregman.train.report.WrittenReport;

/**
 * Runs one experiment: loads its data, trains every mirror from every seed and writes the report folder. Loading
 * files, diagnostics, exit statuses and the console are the command line's ({@code bregman run}).
 *
 * <pre>{@code
 * ExperimentRunner.Outcome o = ExperimentRunner.run(spec, new ExperimentRunner.Options(Path.of("results/X"), null, false),
 *         listener, new ExperimentRunner.Stop());
 * o.report().headlines().forEach(System.out::println);
 * }</pre>
 */
public final class ExperimentRunner {

    private ExperimentRunner() {
    }

    /**
     * @param out the report folder (replaced as a whole)
     * @param dataDir where data files (and Fashion-MNIST) are looked up, or {@code null}
     * @param saveWeights initial and final weights (and X, y of synthetic data) as .npy
     */
    public record Options(Path out, Path dataDir, boolean saveWeights) {
    }

    /** What an experiment produced and where its report folder is. */
    public record Outcome(ExperimentResult result, WrittenReport report) {
    }

    /** The experiment cannot run or its report cannot be written; the message says why, for the user. */
    public static final class ExperimentException extends Exception {
        private static final long serialVersionUID = 1L;

        ExperimentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Ctrl-C: {@link #request()} (e.g. from a shutdown hook) ends the current run; the finished runs are still written. */
    public static final class Stop {
        private boolean requested;
        private Trainer trainer;

        public synchronized void request() {
            requested = true;
            if (trainer != null) trainer.requestStop();
        }

        public synchronized boolean requested() {
            return requested;
        }

        synchronized void attach(Trainer t) {
            trainer = t;
            if (requested) t.requestStop();
        }
    }

    /**
     * The model's layers on the experiment's data (loaded, the model built, nothing trained): {@code bregman run --list-layers}.
     *
     * @throws ExperimentException when the data cannot be loaded or the model does not fit it
     */
    public static List<Layer> layers(ExperimentSpec spec, Path dataDir) throws ExperimentException {
        try {
            Dataset data = spec.data().load(dataDir);
            try (Model model = Model.create(spec.model(), spec.loss(), data)) {
                return model.layers();
            }
        } catch (DataException | IllegalArgumentException e) {
            throw new ExperimentException("experiment " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs one experiment and writes its folder. Runs that diverge are results, not errors.
     *
     * @throws ExperimentException when the data cannot be loaded, a setting cannot be used or the folder cannot be written
     */
    public static Outcome run(ExperimentSpec spec, Options options, ProgressListener listener, Stop stop) throws ExperimentException {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        Dataset data;
        try {
            data = spec.data().load(options.dataDir());
        } catch (DataException | IllegalArgumentException e) {
            throw new ExperimentException("experiment " + spec.name() + ": " + e.getMessage(), e);
        }
        progress.message("data: " + data.description() + " (" + data.n() + " rows, " + data.d() + " features"
                + (data.test() != null ? ", " + data.test().n() + " test rows" : "") + ")");
        Trainer trainer = new Trainer(spec, data, progress);
        stop.attach(trainer);
        ExperimentResult result;
        try {
            result = trainer.run();
        } catch (IllegalArgumentException e) {
            throw new ExperimentException("experiment " + spec.name() + ": " + e.getMessage(), e);
        }
        try {
            return new Outcome(result, ReportWriter.publish(result, options.out(), options.saveWeights()));
        } catch (IOException e) {
            throw new ExperimentException("cannot write " + options.out() + ": " + AtomicFiles.describe(e), e);
        }
    }
}
