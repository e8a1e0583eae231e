package org.bregman.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * @param store where finished runs and checkpoints are kept and resumed from, or {@code null}; a store of a shard
     *     gets the shard's runs and no report (the report of all shards: {@link #report})
     */
    public record Options(Path out, Path dataDir, boolean saveWeights, RunStore store) {
        public Options(Path out, Path dataDir, boolean saveWeights) {
            this(out, dataDir, saveWeights, null);
        }
    }

    /** What an experiment produced and where its report folder is ({@code report} null for a shard: no report). */
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
        Dataset data = load(spec, options);
        progress.message("data: " + data.description() + " (" + data.n() + " rows, " + data.d() + " features"
                + (data.test() != null ? ", " + data.test().n() + " test rows" : "") + ")");
        Trainer trainer = new Trainer(spec, data, progress, options.store());
        stop.attach(trainer);
        ExperimentResult result;
        try {
            result = trainer.run();
        } catch (IllegalArgumentException e) {
            throw new ExperimentException("experiment " + spec.name() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ExperimentException("cannot use the runs in " + options.store().folder() + ": " + AtomicFiles.describe(e.getCause()), e);
        }
        if (options.store() != null && options.store().manifest().shard() != null) return new Outcome(result, null);
        return publish(result, options);
    }

    private static Dataset load(ExperimentSpec spec, Options options) throws ExperimentException {
        try {
            return spec.data().load(options.dataDir());
        } catch (DataException | IllegalArgumentException e) {
            throw new ExperimentException("experiment " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The report of an experiment whose runs were made in parts ({@code --shard}): every run is taken from one of the
     * stores (whose manifests the caller has checked to be of this experiment), none is trained.
     *
     * @throws ExperimentException when a run is in no store (all missing runs are listed), the data cannot be loaded or
     *     the folder cannot be written
     */
    public static Outcome report(ExperimentSpec unbound, List<RunStore> stores, Options options) throws ExperimentException {
        Dataset data = load(unbound, options);
        String names;
        List<Layer> layers;
        try (Model model = Model.create(unbound.model(), unbound.loss(), data)) {
            names = String.format(java.util.Locale.ROOT, "%,d", model.size());
            layers = model.layers();
        }
        ExperimentSpec spec = Trainer.bound(unbound, layers); // as the trainer ran it
        List<RunResult> runs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<Long, float[]> inits = new LinkedHashMap<>();
        int index = 0;
        int total = spec.seeds().size() * spec.mirrors().size();
        double seconds = 0;
        for (long seed : spec.seeds()) {
            for (MirrorSpec m : spec.mirrors()) {
                index++;
                RunResult r = null;
                for (RunStore s : stores) {
                    try {
                        if (r == null) r = s.finished(m, seed);
                    } catch (IOException e) {
                        throw new ExperimentException("cannot read the runs in " + s.folder() + ": " + AtomicFiles.describe(e), e);
                    }
                }
                if (r == null) {
                    missing.add(m.label() + ", seed " + seed + " (run " + index + " of " + total + ")");
                    continue;
                }
                runs.add(r);
                inits.putIfAbsent(seed, r.init());
                seconds += r.seconds();
            }
        }
        if (!missing.isEmpty()) {
            throw new ExperimentException("experiment " + spec.name() + ": the tables need all " + total + " runs; " + missing.size()
                    + " are in none of the folders given (a shard not given, or not finished): " + String.join("; ", missing), null);
        }
        return publish(new ExperimentResult(spec, data, List.copyOf(runs), inits, false, names, seconds, layers), options);
    }

    private static Outcome publish(ExperimentResult result, Options options) throws ExperimentException {
        try {
            return new Outcome(result, ReportWriter.publish(result, options.out(), options.saveWeights()));
        } catch (IOException e) {
            throw new ExperimentException("cannot write " + options.out() + ": " + AtomicFiles.describe(e), e);
        }
    }
}
