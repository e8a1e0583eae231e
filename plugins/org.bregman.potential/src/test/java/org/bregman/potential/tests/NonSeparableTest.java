package org.bregman.potential.tests;

import static org.bregman.potential.tests.Texts.*;
import static org.junit.jupiter.api.Assertions.*;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.symbolic.PotentialSpec;
import org.junit.jupiter.api.Test;

/** Non-separable potentials in the language: sum(…) and norm(w, p) translate to F(S) with S = Σ_j g(w_j). */
class NonSeparableTest {

    static final String PNORM = "potential PNorm(q = 3 where q > 1) {\n    psi(w) = 0.5 * norm(w, q)^2\n}\n";

    @Test
    void thePNormPotentialIsCleanAndTranslatesToAReduction() {
        assertClean(PNORM);
        PotentialSpec spec = PotentialWorkspace.fromString(PNORM, java.nio.file.Path.of("p.potential")).potential("PNorm").spec();
        assertTrue(spec.isComposite());
        assertEquals("S", spec.reduction().variable());
        assertEquals("|w|^q", org.bregman.symbolic.Printer.print(spec.reduction().inner()));
    }

    @Test
    void aConvexIncreasingFunctionOfASumIsClean() {
        assertClean("potential CoshSum {\n    psi(w) = sum(cosh(w)) + sum(cosh(w))^2 / 2\n}\n");
    }

    @Test
    void aUseSiteWithPAtOneIsAnErrorThere() {
        assertErrorAt(PNORM + "experiment X {\n data regression\n model linear\n loss squared\n mirrors PNorm(q = 1)\n lr 0.1\n until epochs >= 1\n}", 8, "1)", "q must satisfy q > 1");
    }

    @Test
    void theSumVariableAvoidsTheParametersNames() {
        String t = "potential P(S = 2 where S > 1) {\n    psi(w) = 0.5 * norm(w, S)^2\n}\n";
        assertClean(t);
        assertEquals("S1", PotentialWorkspace.fromString(t, java.nio.file.Path.of("p.potential")).potential("P").spec().reduction().variable());
    }
}
