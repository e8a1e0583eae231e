package org.bregman.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bregman.potential.api.Diagnostic;
import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.train.data.DataException;
import org.bregman.train.data.Dataset;
import org.bregman.train.report.ReportFolder;
import org.bregman.train.report.ReportWriter;

/**
 * {@code bregman run}: loads a {@code .potential} file, runs its experiments and writes each report folder.
 *
 * <pre>{@code
 * int status = ExperimentRunner.run(Path.of("examples/experiments/implicit-bias-linear.potential"), null,
 *         null, null, false, new ConsoleProgress(System.out), System.err);
 * }</pre>
 */
public final class ExperimentRunner {

    /** Exit statuses of spec section 4. */
    public static final int OK = 0, INPUT_ERROR = 1, USAGE_ERROR = 2;

    private ExperimentRunner() {
    }

    /**
     * @param experiment the experiment to run, or {@code null} for every experiment of the file
     * @param outDir where report folders go: {@code outDir/<Experiment>/}; {@code null}: {@code results/<Experiment>/}
     * @param dataDir {@code --data-dir}: where data files (and Fashion-MNIST) are looked up, or {@code null}
     * @param saveWeights {@code --save-weights}: initial and final weights (and X, y of synthetic data) as .npy
     * @param progress progress display (e.g. {@link ConsoleProgress}); {@code err} receives diagnostics and errors
     * @return 0 when every experiment ran (runs that diverged are results, not errors), 1 when the file has errors or
     *     data cannot be loaded, 2 when {@code experiment} names no experiment of the file
     */
    public static int run(Path file, String experiment, Path outDir, Path dataDir, boolean saveWeights, ProgressListener progress,
            PrintStream err) {
        PotentialWorkspace ws = PotentialWorkspace.load(file);
        for (Diagnostic d : ws.diagnostics()) err.println(d);
        if (ws.hasErrors()) return INPUT_ERROR;
        List<org.bregman.potential.api.ResolvedExperiment> all = ws.experiments();
        if (all.isEmpty()) {
            err.println(file + ":1:1: error: the file defines no experiment");
            return INPUT_ERROR;
        }
        List<org.bregman.potential.api.ResolvedExperiment> chosen = experiment == null ? all
                : all.stream().filter(x -> x.name().equals(experiment)).toList();
        if (chosen.isEmpty()) {
            err.println("no experiment named '" + experiment + "' in " + file + "; it defines: "
                    + String.join(", ", all.stream().map(org.bregman.potential.api.ResolvedExperiment::name).toList()));
            return USAGE_ERROR;
        }
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        Path base = outDir != null ? outDir : Path.of("results");
        try {
            // before any training: an output folder that cannot be written is reported now, not after hours
            for (var x : chosen) ReportFolder.checkWritable(base.resolve(Num.safe(x.name())));
        } catch (IOException e) {
            err.println("error: cannot write the report under " + base + ": " + org.bregman.codegen.AtomicFiles.describe(e));
            return USAGE_ERROR;
        }
        for (var x : chosen) {
            ExperimentSpec spec;
            try {
                spec = ExperimentTranslator.translate(x);
            } catch (RuntimeException e) {
                err.println(file + ":1:1: error: experiment " + x.name() + ": " + e.getMessage());
                return INPUT_ERROR;
            }
            Path out = base.resolve(Num.safe(spec.name()));
            int status = run(spec, out, dataDir, saveWeights, listener, err);
            if (status != OK) return status;
        }
        return OK;
    }

    /**
     * Runs one experiment and writes its folder. Ctrl-C (a shutdown hook) ends the current run; the runs already
     * finished are written before the JVM exits.
     */
    public static int run(ExperimentSpec spec, Path out, Path dataDir, boolean saveWeights, ProgressListener listener, PrintStream err) {
        Dataset data;
        try {
            data = spec.data().load(dataDir);
        } catch (DataException | IllegalArgumentException e) {
            err.println("error: experiment " + spec.name() + ": " + e.getMessage());
            return INPUT_ERROR;
        }
        listener.message("data: " + data.description() + " (" + data.n() + " rows, " + data.d() + " features"
                + (data.test() != null ? ", " + data.test().n() + " test rows" : "") + ")");
        Trainer trainer = new Trainer(spec, data, listener);
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            trainer.requestStop();
            try {
                // keep the JVM alive until the finished runs are on disk
                written.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bregman-ctrl-c");
        boolean hooked = addHook(hook);
        try {
            ExperimentResult result;
            try {
                result = trainer.run();
            } catch (IllegalArgumentException e) {
                err.println("error: experiment " + spec.name() + ": " + e.getMessage());
                return INPUT_ERROR;
            }
            try {
                ReportWriter.write(result, out, saveWeights);
            } catch (IOException e) {
                err.println("error: cannot write " + out + ": " + org.bregman.codegen.AtomicFiles.describe(e));
                return INPUT_ERROR;
            }
            try {
                listener.message(consoleSummary(java.nio.file.Files.readString(out.resolve("summary.md"))));
            } catch (IOException e) {
                // the folder is written; the console excerpt is a convenience
            }
            listener.message("report: " + out.resolve("summary.md") + (result.interrupted() ? " (interrupted: finished runs kept)" : ""));
            return OK;
        } finally {
            written.countDown();
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook is running and sees the latch
                }
            }
        }
    }

    /** The part of summary.md worth seeing in a terminal: the Bregman tables, every verdict, sparsity and exactness lines. */
    static String consoleSummary(String md) {
        StringBuilder b = new StringBuilder();
        boolean inBregman = false;
        for (String line : md.split("\n")) {
            if (line.startsWith("## ")) inBregman = line.startsWith("## Bregman divergences");
            if (line.startsWith("![")) continue;
            if (inBregman && !line.startsWith("Row ψ") || line.startsWith("**") || line.startsWith("Sparsest") || line.startsWith("Largest relative")) {
                b.append(line).append('\n');
            }
        }
        return b.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }
}
