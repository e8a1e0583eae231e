package org.bregman.potential.tests;

import static org.bregman.potential.tests.DiagnosticsTest.with;
import static org.bregman.potential.tests.Texts.*;
import static org.junit.jupiter.api.Assertions.*;

import org.bregman.potential.api.ResolvedExperiment;
import org.junit.jupiter.api.Test;

/** {@code lr auto} and {@code lr RATE safeguarded}: parsed, validated, and resolved for the trainer. */
class StepSizeSyntaxTest {

    private static ResolvedExperiment resolve(String text) {
        assertClean(text);
        return check(text).experiment("X");
    }

    @Test
    void lrAutoIsRateOneSafeguarded() {
        ResolvedExperiment x = resolve(with(4, " lr auto"));
        assertTrue(x.safeguarded());
        assertEquals(1.0, x.lr());
        assertEquals(1.0, x.mirrors().get(0).lr());
    }

    @Test
    void safeguardedKeepsTheRateAndThePerMirrorRates() {
        ResolvedExperiment x = resolve(with(4, " lr 0.05 safeguarded per mirror { QNorm(q = 2): 0.5 }"));
        assertTrue(x.safeguarded());
        assertEquals(0.05, x.lr());
        assertEquals(java.util.List.of(0.5, 0.05), x.mirrors().stream().map(ResolvedExperiment.Mirror::lr).toList());
    }

    @Test
    void aPlainRateIsNotSafeguarded() {
        assertFalse(resolve(with(4, " lr 0.1")).safeguarded());
    }

    @Test
    void aSafeguardedRateMustStillBePositive() {
        assertErrorAt(with(4, " lr 0 safeguarded"), 9, "0", "the learning rate must be > 0, not 0");
    }

    @Test
    void autoTakesNoNumber() {
        assertErrorAt(with(4, " lr auto 0.1"), 9, "0.1", "syntax error");
    }
}
