package org.bregman.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bregman.codegen.AtomicFiles;
import org.bregman.potential.api.ResolvedExperiment;
import org.bregman.train.ExperimentRunner;
import org.bregman.train.Backend;
import org.bregman.train.RunStore;
import org.bregman.train.Num;
import org.bregman.train.report.ReportFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Loads the file, runs the chosen experiments one after another ({@link ExperimentRunner}) and shows each report's
 * headlines. Exit status: 0 when every experiment ran (runs that diverged are results, not errors), 1 when the file has
 * errors, data cannot be loaded or a report cannot be written, 2 for an unknown experiment or an unwritable --out.
 */
@Command(name = "run",
        description = "Run the experiments of a .potential file and write each report folder "
                + "(summary.md, results.json, CSV, PNG; .npy weights with --save-weights).")
final class RunCommand extends Verb {

    @Parameters(index = "0", paramLabel = "FILE", description = "a .potential file with experiments")
    Path file;

    @Option(names = "--experiment", paramLabel = "NAME", description = "only this experiment (default: all of the file)")
    String experiment;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    RunStores.Options runStores;

    @Option(names = "--backend", paramLabel = "cpu|cuda",
            description = "ND4J's backend (default: the build's; cuda needs a build with -Pcuda, see the README)")
    String backend;

    @Option(names = "--list-layers",
            description = "list the model's layers with their parameter counts (the names of `for layers` and `per layer`) and train nothing")
    boolean listLayers;

    @Override
    public Integer call() {
        if (reportOptions.dataDir != null && !Files.isDirectory(reportOptions.dataDir)) {
            throw new Main.UserError("--data-dir " + reportOptions.dataDir + " is not a directory", Main.USAGE_ERROR);
        }
        Path resume = runStores.resume;
        if (resume != null && reportOptions.out != null && !resume.toAbsolutePath().normalize().equals(reportOptions.out.toAbsolutePath().normalize())) {
            throw new Main.UserError("--resume " + resume + " and --out " + reportOptions.out + " name different folders; --resume DIR writes to DIR",
                    Main.USAGE_ERROR);
        }
        RunStores stores = runStores.stores();
        List<ResolvedExperiment> chosen = chosen(loadValid(List.of(file), true).workspace().experiments());
        if (backend != null) {
            Backend b = parse(backend, Backend::parse, "--backend");
            try {
                b.check(); // before any training: a build without the backend says so now
            } catch (IllegalArgumentException e) {
                throw new Main.UserError("error: " + e.getMessage(), Main.INPUT_ERROR, true);
            }
        }
        if (listLayers) {
            for (ResolvedExperiment x : chosen) listLayers(x);
            return 0;
        }
        Path base = resume != null ? resume : reportOptions.base();
        try {
            // before any training: an output folder that cannot be written is reported now, not after hours
            for (ResolvedExperiment x : chosen) ReportFolder.checkWritable(base.resolve(Num.safe(x.name())));
        } catch (IOException e) {
            throw new Main.UserError("error: cannot write the report under " + base + ": " + AtomicFiles.describe(e),
                    Main.USAGE_ERROR, true);
        }
        // progress goes to stdout as it happens; diagnostics and errors to stderr
        ConsoleProgress progress = new ConsoleProgress(WriterStream.of(out()));
        ExperimentRunner.Stop stop = new ExperimentRunner.Stop();
        CountDownLatch finished = new CountDownLatch(1);
        Thread ctrlC = new Thread(() -> {
            stop.request();
            try {
                // keep the JVM alive until the finished runs are on disk
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bregman-ctrl-c");
        boolean hooked = addHook(ctrlC);
        try {
            for (ResolvedExperiment x : chosen) {
                run(x, base, stores, progress, stop);
                if (stop.requested()) break;
            }
            return 0;
        } finally {
            finished.countDown();
            if (hooked) removeHook(ctrlC);
        }
    }

    /** The experiments to run: all of the file, or the one --experiment names. */
    private List<ResolvedExperiment> chosen(List<ResolvedExperiment> all) {
        if (all.isEmpty()) {
            throw new Main.UserError(file + ":1:1: error: the file defines no experiment", Main.INPUT_ERROR, true);
        }
        List<ResolvedExperiment> chosen = experiment == null ? all : all.stream().filter(x -> x.name().equals(experiment)).toList();
        if (chosen.isEmpty()) {
            throw new Main.UserError("no experiment named '" + experiment + "' in " + file + "; it defines: "
                    + String.join(", ", all.stream().map(ResolvedExperiment::name).toList()), Main.USAGE_ERROR, true);
        }
        return chosen;
    }

    /** A value of an option parsed by {@code parser}; a bad one is an input error (status 1) before anything is written. */
    static <T> T parse(String value, java.util.function.Function<String, T> parser, String option) {
        try {
            return value == null ? null : parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(option + ": " + e.getMessage(), Main.INPUT_ERROR);
        }
    }

    private void run(ResolvedExperiment x, Path base, RunStores stores, ConsoleProgress progress, ExperimentRunner.Stop stop) {
        org.bregman.train.ExperimentSpec spec = translate(file, x);
        Path report = base.resolve(Num.safe(spec.name()));
        RunStore store = stores.open(file, x, report, spec.seeds().size() * spec.mirrors().size());
        ExperimentRunner.Outcome o;
        try {
            o = ExperimentRunner.run(spec, new ExperimentRunner.Options(report, reportOptions.dataDir, reportOptions.saveWeights, store), progress, stop);
        } catch (ExperimentRunner.ExperimentException e) {
            throw new Main.UserError("error: " + e.getMessage(), Main.INPUT_ERROR, true);
        }
        if (o.report() == null) {
            progress.message("shard " + store.manifest().shard() + " of " + spec.name() + ": " + o.result().runs().size() + " runs in "
                    + store.folder() + (o.result().interrupted() ? " (interrupted: continue with --resume " + base + ")" : "")
                    + "; the report of all shards: bregman report DIR…");
            return;
        }
        printReport(o, progress);
    }

    /** The typed experiment; a setting the trainer cannot use is an input error located at the file. */
    static org.bregman.train.ExperimentSpec translate(Path file, ResolvedExperiment x) {
        try {
            return org.bregman.train.ExperimentSpec.of(x);
        } catch (RuntimeException e) {
            throw new Main.UserError(file + ":1:1: error: experiment " + x.name() + ": " + e.getMessage(), Main.INPUT_ERROR, true);
        }
    }

    static void printReport(ExperimentRunner.Outcome o, org.bregman.train.ProgressListener progress) {
        progress.message(consoleSummary(o.report().headlines()));
        progress.message("report: " + o.report().summary() + (o.result().interrupted() ? " (interrupted: finished runs kept)" : ""));
    }

    /** {@code --list-layers}: one line per block of the parameter vector, name and count; running statistics marked. */
    private void listLayers(ResolvedExperiment x) {
        org.bregman.train.ExperimentSpec spec = translate(file, x);
        List<org.bregman.train.model.Layer> layers;
        try {
            layers = ExperimentRunner.layers(spec, reportOptions.dataDir);
        } catch (ExperimentRunner.ExperimentException e) {
            throw new Main.UserError("error: " + e.getMessage(), Main.INPUT_ERROR, true);
        }
        long total = layers.stream().filter(org.bregman.train.model.Layer::optimised).mapToLong(org.bregman.train.model.Layer::length).sum();
        int width = layers.stream().mapToInt(l -> l.name().length()).max().orElse(0);
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "experiment %s: %s, %,d parameters%n", x.name(),
                spec.model().describe(), total));
        for (org.bregman.train.model.Layer l : layers) {
            b.append(String.format(java.util.Locale.ROOT, "  %-" + width + "s %,12d%s%n", l.name(), l.length(),
                    l.optimised() ? "" : "  (batch-norm running statistic, not optimised)"));
        }
        out().print(b);
        out().flush();
    }

    /** A report's headlines for the terminal: one-line verdicts line by line; a block (the Bregman tables) set apart by a blank line. */
    static String consoleSummary(List<String> headlines) {
        StringBuilder b = new StringBuilder();
        for (String h : headlines) b.append(h).append(h.contains("\n") ? "\n\n" : "\n");
        return b.toString().strip();
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and sees the latch
        }
    }
}
