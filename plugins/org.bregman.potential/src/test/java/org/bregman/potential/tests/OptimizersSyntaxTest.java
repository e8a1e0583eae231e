package org.bregman.potential.tests;

import static org.bregman.potential.tests.DiagnosticsTest.experiment;
import static org.bregman.potential.tests.DiagnosticsTest.plus;
import static org.bregman.potential.tests.Texts.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.bregman.potential.api.ResolvedExperiment;
import org.bregman.potential.experiment.Vocabulary;
import org.junit.jupiter.api.Test;

/** The {@code optimizers} setting: built-in update rules next to the mirrors. */
class OptimizersSyntaxTest {

    private static String withOptimizers(String line) {
        return experiment(plus(line));
    }

    @Test
    void optimizersResolveWithDefaultsAndTheirOwnRate() {
        String t = withOptimizers(" optimizers SmoothedSign(eps = 0.01), SmoothedSign, SignDescent(lr = 0.001), SteepestL1, SteepestLinf, NormalizedGD");
        assertClean(t);
        List<ResolvedExperiment.Call> o = check(t).experiment("X").optimizers();
        assertEquals(List.of("SmoothedSign", "SmoothedSign", "SignDescent", "SteepestL1", "SteepestLinf", "NormalizedGD"),
                o.stream().map(ResolvedExperiment.Call::name).toList());
        assertEquals(Map.of("eps", 0.01), o.get(0).args());
        assertEquals(Map.of("eps", 0.1), o.get(1).args());
        assertEquals(0.001, o.get(2).number("lr"));
    }

    @Test
    void aNonPositiveEpsIsALocatedError() {
        assertErrorAt(withOptimizers(" optimizers SignDescent, SmoothedSign(eps = 0)"), 11, "0)", "eps", "> 0");
        assertErrorAt(withOptimizers(" optimizers SmoothedSign(eps = -0.5)"), 11, "-0.5", "eps", "> 0");
    }

    @Test
    void unknownNamesAndRepeatsAreErrors() {
        assertErrorAt(withOptimizers(" optimizers SignDecent"), 11, "SignDecent", "unknown optimizer 'SignDecent'", "did you mean 'SignDescent'?");
        assertErrorAt(withOptimizers(" optimizers SmoothedSign(eps = 0.1), SmoothedSign"), 11, "SmoothedSign", 1, "SmoothedSign is listed twice with the same arguments");
        assertErrorAt(withOptimizers(" optimizers NormalizedGD(lr = 0)"), 11, "0)", "lr", "> 0");
    }

    @Test
    void theVocabularyComesFromTheRegistry() {
        assertEquals(List.copyOf(org.bregman.runtime.rules.UpdateRules.ALL.keySet()), List.copyOf(Vocabulary.OPTIMIZERS.keySet()));
        assertEquals(List.of("eps", "lr"), Vocabulary.OPTIMIZERS.get("SmoothedSign").params().stream().map(Vocabulary.Param::name).toList());
    }
}
