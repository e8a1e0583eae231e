package org.bregman.potential.tests;

import static org.bregman.potential.tests.Texts.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bregman.potential.testing.TestSources;
import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.potential.api.ResolvedExperiment;
import org.junit.jupiter.api.Test;

/**
 * Issue #9, item 5: exact initial points ({@code zeros}, {@code constant(c = …)}, {@code normal(std = 0)},
 * {@code uniform(a = b)}) and initial points outside a mirror's domain, reported at the mirror.
 */
class InitDiagnosticsTest {

    static final String POTENTIALS = TestSources.QNORM + """
            potential NegEntropy {
                domain w > 0
                psi(w) = w * log(w) - w
            }
            potential Box {
                domain -1 < w and w < 1
                psi(w) = -log(1 - w^2)
            }
            """;

    /** Line 13 holds the mirrors, line 14 the init. */
    static String experiment(String mirrors, String init) {
        return POTENTIALS + "experiment X {\n"
                + "    mirrors " + mirrors + "\n"
                + (init == null ? "" : "    init    " + init + "\n")
                + "    data    regression(n = 4, d = 8)\n    model   linear\n    loss    squared\n    lr      0.1\n"
                + "    until   epochs >= 10\n}\n";
    }

    static final int MIRRORS = 13;

    @Test
    void exactInitialisationsAreAccepted() {
        for (String init : new String[] { "zeros", "constant(c = 0.5)", "constant(-0.25)", "normal(std = 0)", "normal(mean = 0.5, std = 0)",
                "uniform(a = 0.5, b = 0.5)", "uniform(a = -0.5, b = 0.5)" }) {
            String t = experiment("QNorm, QNorm(q = 2)", init);
            assertClean(t);
        }
        assertClean(experiment("NegEntropy", "constant(c = 1)"));
        assertClean(experiment("NegEntropy", "normal(mean = 1, std = 0)"));
        assertClean(experiment("NegEntropy, Box", "uniform(a = 0.25, b = 0.5)"));
        assertClean(experiment("NegEntropy", "uniform(a = 0, b = 1)")); // the draws are > 0 (a itself has probability 0)
        assertClean(experiment("NegEntropy", "normal(mean = 1, std = 0.1)"));
    }

    @Test
    void theExperimentGetsTheExactValues() {
        PotentialWorkspace ws = check(experiment("QNorm", "constant(c = -0.25) seeds 1 .. 2"));
        assertTrue(ws.diagnostics().isEmpty(), () -> dump(ws.diagnostics()));
        ResolvedExperiment.Call init = ws.experiment("X").init();
        assertEquals("constant", init.name());
        assertEquals(-0.25, init.number("c"));
        PotentialWorkspace z = check(experiment("QNorm", "zeros"));
        assertEquals("zeros", z.experiment("X").init().name());
    }

    @Test
    void zerosOutsideTheDomainIsAnErrorAtTheMirror() {
        String t = experiment("QNorm, NegEntropy", "zeros");
        assertError(t, MIRRORS, col(t, MIRRORS, "NegEntropy"),
                "NegEntropy: init zeros puts every initial weight at 0, outside its domain (0, ∞) (domain w > 0)");
        assertEquals(1, check(t).diagnostics().size(), () -> dump(check(t).diagnostics())); // QNorm is fine
    }

    @Test
    void constantAndPointDistributionsOutsideTheDomain() {
        String t = experiment("NegEntropy", "constant(c = -1)");
        assertErrorAt(t, MIRRORS, "NegEntropy", "init constant(c = -1) puts every initial weight at -1", "(0, ∞)");
        t = experiment("QNorm(q = 2), Box", "constant(c = 1)");
        assertErrorAt(t, MIRRORS, "Box", "Box: init constant(c = 1) puts every initial weight at 1, outside its domain (-1, 1)",
                "domain -1 < w < 1");
        t = experiment("NegEntropy", "normal(mean = -2, std = 0)");
        assertErrorAt(t, MIRRORS, "NegEntropy", "init normal(mean = -2, std = 0) puts every initial weight at -2");
        // float32 is what the trainer stores: 1e-50 becomes 0, outside w > 0
        t = experiment("NegEntropy", "constant(c = 1e-50)");
        assertErrorAt(t, MIRRORS, "NegEntropy", "puts every initial weight at 0");
    }

    @Test
    void rangesThatLeaveTheDomain() {
        String t = experiment("NegEntropy", "uniform(a = -1, b = 1)");
        assertErrorAt(t, MIRRORS, "NegEntropy", "NegEntropy: init uniform(a = -1, b = 1) draws initial weights in [-1, 1], outside its domain (0, ∞)");
        t = experiment("NegEntropy", "normal(std = 0.1)");
        assertErrorAt(t, MIRRORS, "NegEntropy", "init normal(mean = 0, std = 0.1) is centred at 0 and so draws half of the initial weights or more outside its domain");
        // no init setting: the default normal(mean = 0, std = 0.01) is named as the default
        t = experiment("NegEntropy", null);
        assertErrorAt(t, MIRRORS, "NegEntropy", "init normal(mean = 0, std = 0.01) (the default)");
    }

    @Test
    void badArgumentsOfTheNewInitialisations() {
        String t = experiment("QNorm", "constant");
        assertError(t, MIRRORS + 1, col(t, MIRRORS + 1, "constant"), "constant needs the argument 'c'");
        t = experiment("QNorm", "zeros(1)");
        assertError(t, MIRRORS + 1, col(t, MIRRORS + 1, "1"), "zeros takes no arguments");
        t = experiment("QNorm", "normal(std = -1)");
        assertError(t, MIRRORS + 1, col(t, MIRRORS + 1, "-1"), "std must be >= 0, not -1");
        t = experiment("QNorm", "uniform(a = 1, b = 0)");
        assertError(t, MIRRORS + 1, col(t, MIRRORS + 1, "uniform"), "uniform(a, b) needs a <= b");
        // a bad initialisation is reported once, not again against the domains
        assertEquals(1, check(experiment("NegEntropy", "uniform(a = 1, b = 0)")).diagnostics().size());
        assertEquals(1, check(experiment("NegEntropy", "constant")).diagnostics().size());
    }
}
