package org.bregman.potential.tests;

import static org.bregman.potential.testing.TestSources.QNORM;
import static org.bregman.potential.tests.Texts.*;

import org.junit.jupiter.api.Test;

/** {@code test = N} / {@code testFraction = f} of a data source: where they are wrong, located at the source's name. */
class TestSplitDiagnosticsTest {

    private static String withData(String data) {
        return QNORM + "experiment X {\n data " + data + "\n model linear\n loss squared\n mirrors QNorm\n lr 0.1\n until epochs >= 1\n}\n";
    }

    @Test
    void aSplitSmallerThanTheDataIsFine() {
        assertClean(withData("regression(n = 40, test = 10)"));
        assertClean(withData("regression(n = 40, testFraction = 0.25)"));
    }

    @Test
    void aTestSplitAsLargeAsTheDataIsLocated() {
        assertErrorAt(withData("regression(n = 40, test = 40)"), 5, "regression", "test = 40 is not smaller than the 40 rows of regression");
        assertErrorAt(withData("separable(n = 20, test = 25)"), 5, "separable", "test = 25 is not smaller than the 20 rows of separable");
        assertErrorAt(withData("regression(n = 10, testFraction = 0.99)"), 5, "regression", "testFraction = 0.99 leaves no training row of the 10 rows of regression");
    }

    @Test
    void bothOrAFractionOfOneAreErrors() {
        assertErrorAt(withData("regression(test = 5, testFraction = 0.1)"), 5, "regression", "give test or testFraction, not both");
        assertErrorAt(withData("regression(testFraction = 1)"), 5, "regression", "testFraction must be below 1");
    }
}
