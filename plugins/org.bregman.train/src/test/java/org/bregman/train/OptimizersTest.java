package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.runtime.rules.UpdateRules;
import org.bregman.train.data.DataSpec;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bregman.potential.api.Until;

/** Update rules (`optimizers`) train next to mirrors and appear as columns of the Bregman tables. */
class OptimizersTest {

    @TempDir
    Path dir;

    private static MirrorSpec rule(String name, Map<String, Double> args, Double lr) {
        return MirrorSpec.optimizer(name, args, UpdateRules.get(name).create(args), lr);
    }

    @Test
    void rulesTrainAndAreComparedWithTheMirrors() throws Exception {
        List<MirrorSpec> ms = List.of(rule("NormalizedGD", Map.of(), 0.01), TestMirrors.q(2), rule("SmoothedSign", Map.of("eps", 1.0), null),
                TestMirrors.q(3));
        ExperimentSpec spec = new ExperimentSpec("Rules", new DataSpec.Regression(5, 20, 0, 3), new ModelSpec.Linear(), Loss.SQUARED, ms,
                new InitSpec.Uniform(0.5, 1.0), List.of(1L, 2L), 0.2, 1, Until.of("loss", "<", 1e-8).or(Until.of("epochs", ">=", 3000)),
                Set.of("bregman", "closest", "exact", "kkt"));
        ExperimentResult result = new Trainer(spec, spec.data().load(null), null, null).run();
        for (RunResult r : result.runs()) {
            // normalised GD at a fixed lr stalls at a loss ~ lr² (steps of length lr); the others converge
            if (r.mirror().name().equals("NormalizedGD")) assertEquals(RunResult.Status.STOPPED, r.status(), r.line());
            else assertEquals(RunResult.Status.CONVERGED, r.status(), r.line());
        }
        Path out = dir.resolve("rules");
        ReportWriter.write(result, out, false);
        String summary = Files.readString(out.resolve("summary.md"));
        // rows are the potentials, columns their final points then the rules' (the rows' order of the spec is kept)
        assertTrue(summary.contains("| D_ψ \\ final of | QNorm(q = 2) | QNorm(q = 3) | NormalizedGD | SmoothedSign(eps = 1) |"), summary);
        assertTrue(summary.contains("**Bregman tables: diagonal is the row minimum in 4 of 4 rows.**"), summary);
        assertTrue(!summary.contains("### NormalizedGD") && !summary.contains("### SmoothedSign"), "no closest table for a rule");
        assertTrue(summary.contains("| SmoothedSign(eps = 1) | 1 | converged |"), summary);
        // with eps = 1 ≫ |g| late in training the rule is nearly GD with rate lr/eps: w − w0 stays close to row(X) but not exactly
        String csv = Files.readString(out.resolve("kkt.csv"));
        assertTrue(csv.contains("SmoothedSign(eps = 1),1,converged,"), csv);
    }

    @Test
    void aDivergingRuleNamesTheCoordinate() {
        List<MirrorSpec> ms = List.of(rule("SteepestLinf", Map.of(), 1e6));
        ExperimentSpec spec = new ExperimentSpec("Big", new DataSpec.Regression(5, 20, 0, 3), new ModelSpec.Linear(), Loss.SQUARED, ms,
                new InitSpec.Uniform(0.5, 1.0), List.of(1L), 0.2, 1, Until.of("epochs", ">=", 200), Set.of());
        RunResult r = new Trainer(spec, spec.data().load(null), null, null).run().runs().get(0);
        assertEquals(RunResult.Status.DIVERGED, r.status(), r.line());
        assertTrue(r.message().contains("SteepestLinf, seed 1: diverged") && r.message().contains("try a smaller lr"), r.message());
    }
}
