package org.bregman.train;

import java.nio.file.Path;

/** A test-only command line: {@code RunFileMain FILE OUTDIR} (what the CLI's {@code bregman run} does). */
public final class RunFileMain {

    private RunFileMain() {
    }

    public static void main(String[] args) {
        int status = ExperimentRunner.run(Path.of(args[0]), null, Path.of(args[1]), null, false, new ConsoleProgress(System.out, false),
                System.err);
        System.exit(status);
    }
}
