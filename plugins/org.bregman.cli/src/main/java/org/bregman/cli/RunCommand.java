package org.bregman.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bregman.train.ConsoleProgress;
import org.bregman.train.ExperimentRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the experiments of a .potential file and write each report folder "
                + "(summary.md, results.json, CSV, PNG; .npy weights with --save-weights).")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "a .potential file with experiments")
    Path file;

    @Option(names = "--experiment", paramLabel = "NAME", description = "only this experiment (default: all of the file)")
    String experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "report folders go to DIR/<Experiment>/ (default: results/)")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where data files are looked up (Fashion-MNIST default: /usr/share/datasets/fashion-mnist)")
    Path dataDir;

    @Option(names = "--save-weights", description = "also write initial and final weights (and synthetic X, y) as .npy")
    boolean saveWeights;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new Main.UserError("--data-dir " + dataDir + " is not a directory", Main.USAGE_ERROR);
        }
        // progress goes to stdout as it happens; diagnostics and errors to stderr
        PrintStream stdout = WriterStream.of(spec.commandLine().getOut());
        PrintStream stderr = WriterStream.of(spec.commandLine().getErr());
        return ExperimentRunner.run(file, experiment, out, dataDir, saveWeights, new ConsoleProgress(stdout), stderr);
    }
}
