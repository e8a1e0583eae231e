package org.bregman.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What every verb shares: --help and --version, its output streams, the preamble load → print the diagnostics →
 * stop on errors, and the arguments several verbs take (mixins).
 */
@Command(mixinStandardHelpOptions = true)
abstract class Verb implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Loads the files; when they have errors, prints their diagnostics to stderr and ends the verb with status 1. */
    Loader.Loaded loadValid(List<Path> files) {
        return loadValid(files, false);
    }

    /**
     * @param everyDiagnostic print the warnings too, errors or not (the verb has no other place to show them)
     */
    Loader.Loaded loadValid(List<Path> files, boolean everyDiagnostic) {
        Loader.Loaded loaded = Loader.load(files);
        boolean errors = loaded.errorCount() > 0;
        if (errors || everyDiagnostic) loaded.printDiagnostics(err());
        if (errors) throw new Main.Exit(Main.INPUT_ERROR);
        return loaded;
    }

    /** FILE: the one .potential file a verb reads. */
    static final class SourceFile {
        @Parameters(index = "0", paramLabel = "FILE", description = "a .potential file")
        Path file;
    }

    /** --set NAME=VALUE: parameter values of the chosen potential. */
    static final class ParameterValues {
        @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a parameter value (repeatable), e.g. q=3")
        List<String> set = new ArrayList<>();

        Map<String, Double> values() {
            return Values.parameters(set);
        }
    }

    /** --json: machine-readable output. */
    static final class JsonOutput {
        @Option(names = "--json", description = "machine-readable output")
        boolean json;
    }

    /** --out DIR, --data-dir DIR, --save-weights: where report folders go, where data is read from, whether weights are kept. */
    static final class ReportOptions {
        @Option(names = "--out", paramLabel = "DIR", description = "report folders go to DIR/<Experiment>/ (default: results/)")
        Path out;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "where data files are looked up (Fashion-MNIST default: /usr/share/datasets/fashion-mnist)")
        Path dataDir;

        @Option(names = "--save-weights", description = "also write initial and final weights (and synthetic X, y) as .npy")
        boolean saveWeights;

        /** The folder the report folders go to. */
        Path base() {
            return out != null ? out : Path.of("results");
        }
    }
}
