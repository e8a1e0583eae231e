package org.bregman.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check .potential files; diagnostics as FILE:LINE:COL: error|warning: MESSAGE.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".potential files")
    List<Path> files;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Loader.Loaded loaded = Loader.load(files);
        loaded.printDiagnostics(spec.commandLine().getOut());
        long errors = loaded.errorCount();
        long warnings = loaded.diagnostics().size() - errors;
        spec.commandLine().getErr().printf("bregman: checked %d file%s: %d error%s, %d warning%s%n",
                files.size(), files.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s");
        return errors > 0 ? Main.INPUT_ERROR : 0;
    }
}
