package org.bregman.potential.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.bregman.potential.api.Diagnostic;
import org.bregman.potential.api.PotentialWorkspace;

/** Test helpers: the spec's examples, and assertions on diagnostics with their line:column. */
final class Texts {
    private Texts() {
    }

    /** Where in-memory test files pretend to live (imports and data files resolve against it). */
    static final Path FILE = Path.of("target/test-input/test.potential").toAbsolutePath();

    /** A test resource's text, by its path under src/test/resources. */
    static String resource(String path) {
        try (InputStream in = Texts.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("missing test resource " + path, e);
        }
    }

    static String section2() {
        return resource("spec/section2.potential");
    }

    static String section3() {
        return resource("spec/section3.txt");
    }

    static PotentialWorkspace check(String text) {
        return PotentialWorkspace.fromString(text, FILE);
    }

    static String dump(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.line() + ":" + d.column() + ": " + d.severity().label() + ": " + d.message())
                .collect(Collectors.joining("\n"));
    }

    /** The 1-based column of the n-th (0-based) occurrence of {@code token} on 1-based line {@code line}. */
    static int col(String text, int line, String token, int occurrence) {
        String l = text.split("\n", -1)[line - 1];
        int idx = -1;
        for (int i = 0; i <= occurrence; i++) {
            idx = l.indexOf(token, idx + 1);
            if (idx < 0) throw new AssertionError("no '" + token + "' on line " + line + ": " + l);
        }
        return idx + 1;
    }

    static int col(String text, int line, String token) {
        return col(text, line, token, 0);
    }

    /** Asserts an error (or warning) at line:column whose message contains every fragment. */
    static Diagnostic assertDiagnostic(String text, Diagnostic.Severity severity, int line, int column, String... fragments) {
        PotentialWorkspace ws = check(text);
        for (Diagnostic d : ws.diagnostics()) {
            if (d.severity() != severity || d.line() != line || d.column() != column) continue;
            boolean all = true;
            for (String f : fragments) all &= d.message().contains(f);
            if (all) return d;
        }
        fail("expected " + severity.label() + " at " + line + ":" + column + " containing " + List.of(fragments) + "\nin:\n" + text
                + "\ngot:\n" + dump(ws.diagnostics()));
        return null;
    }

    static Diagnostic assertError(String text, int line, int column, String... fragments) {
        return assertDiagnostic(text, Diagnostic.Severity.ERROR, line, column, fragments);
    }

    /** Asserts an error on {@code line} at the {@code occurrence}-th (0-based) {@code token} of that line whose message contains every fragment. */
    static Diagnostic assertErrorAt(String text, int line, String token, int occurrence, String... fragments) {
        return assertError(text, line, col(text, line, token, occurrence), fragments);
    }

    /** {@link #assertErrorAt(String, int, String, int, String...)} at the first {@code token} of the line. */
    static Diagnostic assertErrorAt(String text, int line, String token, String... fragments) {
        return assertErrorAt(text, line, token, 0, fragments);
    }

    static void assertClean(String text) {
        PotentialWorkspace ws = check(text);
        assertTrue(ws.diagnostics().isEmpty(), () -> "expected no diagnostics, got:\n" + dump(ws.diagnostics()) + "\nin:\n" + text);
    }
}
