package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.bregman.potential.api.Until;

/**
 * The safeguarded step ({@link Safeguard}) changes only the rates, and every rate moves ∇ψ(w) along the same
 * gradient in the row space of X: so a run that the safeguard rescues still ends at argmin_{Xw=y} D_ψ(w, w0),
 * checked against the exact solver (double precision, independent of the trainer).
 */
class SafeguardTest {

    private static ExperimentResult train(List<MirrorSpec> mirrors, DataSpec dataSpec, Dataset data, InitSpec init, double lr,
            Safeguard guard) {
        ExperimentSpec spec = new ExperimentSpec("Guard", dataSpec, new ModelSpec.Linear(), Loss.SQUARED, mirrors, init, List.of(1L, 2L), lr, 1,
                Until.of("loss", "<", 1e-13).or(Until.of("epochs", ">=", 3000)), Set.of("exact"), guard);
        return new Trainer(spec, data, null, null).run();
    }

    /**
     * lr 20 at batch 1 (rows of norm ≈ 1) overshoots every mirror: without the safeguard no run converges;
     * with it every run converges and ends within 1e-6 (relative) of the exact minimiser — measured 1e-7 to 5e-7.
     */
    @Test
    void aRateTooLargeConvergesWithTheSafeguardToTheExactMinimiser() {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        List<MirrorSpec> mirrors = List.of(TestMirrors.q(1.5), TestMirrors.q(2), TestMirrors.q(3),
                new MirrorSpec("NegEntropy", Map.of(), TestMirrors.negEntropy()));
        InitSpec init = new InitSpec.Uniform(0.5, 1.0);
        for (RunResult r : train(mirrors, dataSpec, data, init, 20, null).runs()) {
            assertNotEquals(RunResult.Status.CONVERGED, r.status(), "the premise: lr 20 is too large without the safeguard: " + r.line());
        }
        double worst = 0;
        StringBuilder lines = new StringBuilder();
        for (RunResult r : train(mirrors, dataSpec, data, init, 20, Safeguard.DEFAULT).runs()) {
            assertTrue(r.status() == RunResult.Status.CONVERGED, r.line());
            assertTrue(r.message().contains("halvings"), "the summary names the halvings: " + r.message());
            double rel = LinearExactTest.relativeDistance(r, data);
            lines.append(r.line()).append(" relative distance ").append(rel).append('\n');
            worst = Math.max(worst, rel);
        }
        System.out.println(lines);
        assertTrue(worst <= 1e-6, "largest relative distance " + worst + "\n" + lines);
    }

    /** No growth and no halvings allowed: a step that increases the loss is skipped, so the run never moves. */
    @Test
    void withNoHalvingsAllowedAnOvershootingStepIsSkipped() {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        InitSpec init = new InitSpec.Uniform(0.5, 1.0);
        // lr 1000 with q = 2 overshoots every example by far: every step increases the loss of its example
        RunResult r = new Trainer(new ExperimentSpec("Skip", dataSpec, new ModelSpec.Linear(), Loss.SQUARED, List.of(TestMirrors.q(2)), init,
                List.of(1L), 1000, 1, Until.of("epochs", ">=", 2), Set.of(), new Safeguard(1, 0)), data, null, null).run().runs().get(0);
        assertTrue(java.util.Arrays.equals(r.init(), r.fin()), "every step skipped: the point never moved");
        assertTrue(r.message().contains("12 skipped steps"), r.message());
    }

    @Test
    void parametersAreChecked() {
        assertTrue(assertThrowsMessage(() -> new Safeguard(0.5, 3)).contains("growth"));
        assertTrue(assertThrowsMessage(() -> new Safeguard(2, -1)).contains("maxHalvings"));
    }

    private static String assertThrowsMessage(org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
