package org.bregman.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** What the CLI's tests share: the command line run in-process, and files in a fresh folder per test. */
abstract class CliFixture {

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    /** Runs {@code bregman ARGS} in-process and checks that no stack trace or internal error reached the user. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Result r = new Result(status, out.toString(), err.toString());
        // never a stack trace, whatever happened
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception in thread"), r.err);
        assertFalse(r.err.contains("internal error"), r.err);
        return r;
    }

    /** Writes {@code text} to {@code name} in this test's folder. */
    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
