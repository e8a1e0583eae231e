package org.bregman.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;

/** What every verb shares: its output streams and the preamble load → print the diagnostics → stop on errors. */
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
}
