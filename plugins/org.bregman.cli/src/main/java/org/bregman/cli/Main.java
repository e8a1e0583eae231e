package org.bregman.cli;

import java.io.PrintWriter;

import org.bregman.potential.api.SourceText;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bregman} command. Exit status: 0 success, 1 the input has errors, 2 usage error.
 * No stack trace ever reaches the user: unexpected failures are reported in one line.
 */
@Command(name = "bregman", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Mirror-descent potentials: derive, check, compile, export, train.",
        subcommands = {CheckCommand.class, DeriveCommand.class, EvalCommand.class, ExportCommand.class,
                RunCommand.class, ReportCommand.class, BenchCommand.class, FormatCommand.class, LspCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status: the input (a .potential file, a value) has errors. */
    static final int INPUT_ERROR = 1;
    /** Exit status: the command line itself is wrong. */
    static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a verb is required");
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("bench"))) {
            try {
                org.bregman.train.NativeBackend.select(); // before ND4J loads its natives
            } catch (IllegalStateException e) {
                System.err.println("bregman: " + e.getMessage());
                System.exit(USAGE_ERROR);
            }
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit status (tests call this in-process). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE_ERROR : INPUT_ERROR);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("bregman: " + SourceText.printable(ex.getMessage()));
            err.println("Try 'bregman --help'" + (ex.getCommandLine() == cl ? "" : " or 'bregman "
                    + ex.getCommandLine().getCommandName() + " --help'") + ".");
            return USAGE_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof Exit x) return x.status;
            if (ex instanceof UserError u) {
                // a message that starts with FILE:LINE:COL stands alone, like check's diagnostics
                err.println((u.located ? "" : "bregman: ") + SourceText.printable(u.getMessage()));
                return u.status();
            }
            // A bug of ours: say so in one line, never a stack trace.
            err.println("bregman: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + SourceText.printable(ex.getMessage())));
            return INPUT_ERROR;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Ends a verb with an exit status; what the user needs to know is printed already. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** A failure the user can fix; its message is printed as it is. */
    static final class UserError extends RuntimeException {
        private final int status;
        private final boolean located;

        UserError(String message) {
            this(message, INPUT_ERROR);
        }

        UserError(String message, int status) {
            this(message, status, false);
        }

        UserError(String message, int status, boolean located) {
            super(message);
            this.status = status;
            this.located = located;
        }

        int status() {
            return status;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"bregman " + (v == null ? "(development build)" : v)};
        }
    }
}
