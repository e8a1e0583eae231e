package org.bregman.potential.tests;

import static org.bregman.potential.tests.Texts.col;
import static org.bregman.potential.tests.Texts.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    private record Expected(int line, String token, int occurrence, String fragment) {
    }

    private static Expected at(int line, String token, String fragment) {
        return new Expected(line, token, 0, fragment);
    }

    private static Expected at(int line, String token, int occurrence, String fragment) {
        return new Expected(line, token, occurrence, fragment);
    }

    static String text() {
        try (InputStream in = AllDiagnosticsTest.class.getResourceAsStream("/diagnostics/many-problems.potential")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("missing test resource diagnostics/many-problems.potential", e);
        }
    }

    @Test
    void everyProblemOfTheFileIsReportedOnceAtItsPlace() {
        String t = text();
        List<Expected> expected = List.of(
                at(10, "}", "syntax error at '}'"),                                   // Broken: psi(w) = w *
                at(13, "w^3", "psi is not strictly convex"),                          // Cubic, checked although Broken did not parse
                at(17, "log", "log needs its argument > 0"),                           // Entropy
                at(21, "qq", "unknown name 'qq'"),                                    // Typo: only the linking error
                at(26, "lg", "unknown function 'lg'"),
                at(29, "0 where", "the default q = 0 violates its constraint q > 1"), // Bad: no convexity error with q = 0
                at(33, "NoPsi", "has no psi"),
                at(36, "QNorm", "duplicate potential name 'QNorm'"),
                at(50, "regresion", "unknown data source 'regresion'"),
                at(53, "0.5", "QNorm(q = 0.5): q must satisfy q > 1"),
                at(53, "Missing", "unknown potential 'Missing'"),
                at(53, "r =", "QNorm has no parameter 'r'"),
                at(53, "Free", "Free(q = 1): psi is not strictly convex"),            // a use site's symbolic check
                at(54, "-1", "std must be >= 0, not -1"),
                at(54, "3 ..", "seeds 3 .. 1 is empty"),
                at(55, "-0.1", "the learning rate must be > 0"),
                at(56, "0.5", "batch must be a whole number >= 1"),
                at(57, "loss", "this until may never stop"),
                at(58, "exat", "unknown report 'exat'"),
                at(65, "NegEntropy", "NegEntropy: init zeros puts every initial weight at 0, outside its domain (0, ∞)"),
                at(68, "\n", "a number is missing here"));                            // Cut: until epochs >=
        PotentialWorkspace ws = PotentialWorkspace.fromString(t, Texts.FILE);
        List<Diagnostic> got = new ArrayList<>(ws.diagnostics());
        List<String> missing = new ArrayList<>();
        for (Expected e : expected) {
            int column = "\n".equals(e.token()) ? t.split("\n", -1)[e.line() - 1].length() + 1 : col(t, e.line(), e.token(), e.occurrence());
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
