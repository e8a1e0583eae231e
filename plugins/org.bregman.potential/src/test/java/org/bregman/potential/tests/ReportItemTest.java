package org.bregman.potential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bregman.potential.experiment.ReportItem;
import org.bregman.potential.experiment.ReportItem.Setup;
import org.bregman.potential.experiment.Vocabulary;
import org.junit.jupiter.api.Test;

/** Where a report item applies: one rule, read by the validator (settings as written) and the trainer (what it ran). */
class ReportItemTest {

    private static String exact(Setup s) {
        return Vocabulary.REPORTS.get("exact").problem(s);
    }

    @Test
    void exactNeedsALinearModelTheSquaredLossAndOneOutput() {
        assertNull(exact(Setup.declared("linear", "squared", "regression")));
        assertNull(exact(new Setup("linear", "squared", null, 1, Boolean.TRUE)));
        assertEquals("report exact needs model linear (the exact Bregman minimiser is computed for linear models only)",
                exact(Setup.declared("mlp", "squared", "teacher")));
        assertEquals("report exact needs loss squared (the exact Bregman minimiser interpolates the targets: Xw = y)",
                exact(Setup.declared("linear", "logistic", "teacher")));
        assertEquals("report exact needs one output (the exact Bregman minimiser is computed for one output only)",
                exact(new Setup("linear", "squared", null, 10, Boolean.TRUE)));
    }

    @Test
    void unknownNamesAreLeftToTheirOwnChecks() {
        assertNull(exact(Setup.declared("linera", "squared", "regression")));
        assertNull(exact(Setup.declared(null, null, null)));
    }

    @Test
    void accuracyAndMarginNeedClassLabels() {
        for (String item : new String[] {"accuracy", "margin"}) {
            ReportItem r = Vocabulary.REPORTS.get(item);
            assertEquals("report " + item + " is meant for classification; regression data has real-valued targets",
                    r.problem(Setup.declared("linear", "squared", "regression")));
            assertNull(r.problem(Setup.declared("linear", "logistic", "teacher")));
        }
    }
}
