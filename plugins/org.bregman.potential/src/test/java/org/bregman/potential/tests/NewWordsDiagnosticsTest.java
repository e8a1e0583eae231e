package org.bregman.potential.tests;

import static org.bregman.potential.tests.Texts.assertError;
import static org.bregman.potential.tests.Texts.check;
import static org.bregman.potential.tests.Texts.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bregman.potential.api.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Bad uses of issue 10's words get one located error each, which says what to write: a reduction or the time t in a
 * domain is not reported a second time as a malformed comparison; t in a psi without a time variable points to psi(w; t).
 */
class NewWordsDiagnosticsTest {

    private static List<Diagnostic> errors(String text) {
        return check(text).diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    /** {@code text} has exactly one error, the one at line:column with {@code message}. */
    private static void assertOnlyError(String text, int line, int column, String message) {
        List<Diagnostic> errors = errors(text);
        assertEquals(1, errors.size(), dump(errors));
        assertError(text, line, column, message);
    }

    @Test
    void theTimeInADomainIsOneError() {
        String text = "potential P {\n    domain t >= 0\n    psi(w; t) = w^2 / (1 + t)\n}\n";
        assertOnlyError(text, 2, 12, "'t' is the time of psi(w; t): only the body of psi can use it");
    }

    @Test
    void aReductionInADomainIsOneError() {
        String text = "potential P {\n    domain sum(w^2) > 0\n    psi(w) = w^2 / 2\n}\n";
        assertOnlyError(text, 2, 12, "sum(…) reduces over the whole parameter vector: it may appear in psi only, not in a domain");
    }

    @Test
    void aDomainThatComparesTwoNumbersIsStillReported() {
        assertError("potential P {\n    domain 1 < 2\n    psi(w) = w^2 / 2\n}\n", 2, 12, "each comparison of a domain must compare w with a number");
    }

    @Test
    void theTimeInAPsiWithoutATimeVariablePointsToPsiWT() {
        assertError("potential P {\n    psi(w) = w^2 * t\n}\n", 2, 20, "unknown name 't'", "write psi(w; t)");
    }

    @Test
    void anUnknownNameThatIsNotTIsNotToldAboutTheTime() {
        String text = "potential P {\n    psi(w) = w^2 * beta\n}\n";
        Diagnostic d = assertError(text, 2, 20, "unknown name 'beta'");
        assertEquals(-1, d.message().indexOf("psi(w; "), d.message());
    }
}
