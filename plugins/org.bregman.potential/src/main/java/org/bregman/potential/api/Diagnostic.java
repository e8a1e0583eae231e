package org.bregman.potential.api;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One problem in a {@code .potential} file, at {@code file:line:column} (both 1-based).
 * {@link #toString()} is the CLI's format: {@code FILE:LINE:COL: error: MESSAGE}. {@code code} is a
 * stable identifier of the kind of problem (the validator's issue code, e.g. {@code badValue},
 * {@code syntax}, {@code unresolvedReference}; {@value #UNSPECIFIED} where none was given).
 */
public record Diagnostic(Path file, int line, int column, Severity severity, String code, String message) implements Comparable<Diagnostic> {

    /** The code of a diagnostic made without one. */
    public static final String UNSPECIFIED = "unspecified";

    /** The message is stored printable: control characters escaped ({@link SourceText#printable}). */
    public Diagnostic {
        if (code == null) code = UNSPECIFIED;
        message = SourceText.printable(message);
    }

    /** A diagnostic without a code ({@value #UNSPECIFIED}). */
    public Diagnostic(Path file, int line, int column, Severity severity, String message) {
        this(file, line, column, severity, UNSPECIFIED, message);
    }

    /** The same diagnostic, for another spelling of its file (e.g. relative to the working directory). */
    public Diagnostic withFile(Path other) {
        return new Diagnostic(other, line, column, severity, code, message);
    }

    public enum Severity {
        ERROR, WARNING;

        /** {@code error} or {@code warning}. */
        public String label() {
            return this == ERROR ? "error" : "warning";
        }
    }

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.file == null ? "" : d.file.toString())
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Diagnostic o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return (file == null ? "<input>" : file.toString()) + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }
}
