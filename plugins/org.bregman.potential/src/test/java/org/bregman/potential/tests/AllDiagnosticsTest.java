package org.bregman.potential.tests;

import static org.bregman.potential.tests.Texts.col;
import static org.bregman.potential.tests.Texts.dump;
import static org.bregman.potential.tests.Texts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.bregman.potential.api.Diagnostic;
import org.bregman.potential.api.PotentialWorkspace;
import org.junit.jupiter.api.Test;

/**
 * Issue #9, item 6: a syntax or linking error in one construct hides nothing else. The file has 21
 * problems of mixed kinds (two syntax errors, unknown names, symbolic errors of potentials and of a
 * use site, bad settings, an initial point outside a domain); each is reported exactly once, at its
 * line:column, and nothing else is (no "cannot derive" or convexity noise from the broken ones).
 */
class AllDiagnosticsTest {

    /** A row of diagnostics/many-problems.expected: {@code line | token | message fragment}. */
    private record Expected(int line, String token, String fragment) {

        static Expected parse(String row) {
            String[] f = row.split("\\|", 3);
            if (f.length != 3) throw new AssertionError("not line | token | fragment: " + row);
            return new Expected(Integer.parseInt(f[0].trim()), f[1].trim(), f[2].trim());
        }

        /** The column of the token's first occurrence on its line; "end of line": the column after the line. */
        int column(String text) {
            return token.equals("end of line") ? text.split("\n", -1)[line - 1].length() + 1 : col(text, line, token);
        }
    }

    @Test
    void everyProblemOfTheFileIsReportedOnceAtItsPlace() {
        String t = resource("diagnostics/many-problems.potential");
        List<Expected> expected = resource("diagnostics/many-problems.expected").lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(Expected::parse).toList();
        assertEquals(21, expected.size(), "the rows of many-problems.expected");
        PotentialWorkspace ws = PotentialWorkspace.fromString(t, Texts.FILE);
        List<Diagnostic> got = new ArrayList<>(ws.diagnostics());
        List<String> missing = new ArrayList<>();
        for (Expected e : expected) {
            int column = e.column(t);
            Diagnostic match = null;
            for (Diagnostic d : got) {
                if (d.line() == e.line() && d.column() == column && d.isError() && d.message().contains(e.fragment())) {
                    match = d;
                    break;
                }
            }
            if (match == null) missing.add(e.line() + ":" + column + ": " + e.fragment());
            else got.remove(match);
        }
        assertTrue(missing.isEmpty(), () -> "not reported:\n" + String.join("\n", missing) + "\ngot:\n" + dump(ws.diagnostics()));
        assertTrue(got.isEmpty(), () -> "reported more than once, or not expected:\n" + dump(got));
        assertEquals(expected.size(), ws.diagnostics().size());
    }

    @Test
    void aPotentialThatDoesNotParseIsSkippedByTheDerivationChecksAndTheOthersAreNot() {
        String cubic = "potential Cubic {\n    psi(w) = w^3\n}\n";
        String broken = "potential Broken {\n    psi(w) = log(w) *\n}\n";
        PotentialWorkspace ws = PotentialWorkspace.fromString(broken + cubic, Texts.FILE);
        // Broken: log(w) without a domain would be a symbolic error if its body had parsed; only the syntax error is reported
        assertEquals(2, ws.diagnostics().size(), () -> dump(ws.diagnostics()));
        assertTrue(ws.diagnostics().get(0).message().startsWith("syntax error"), () -> dump(ws.diagnostics()));
        assertEquals(3, ws.diagnostics().get(0).line());
        assertEquals(5, ws.diagnostics().get(1).line());
        assertTrue(ws.diagnostics().get(1).message().contains("not strictly convex"), () -> dump(ws.diagnostics()));
    }
}
