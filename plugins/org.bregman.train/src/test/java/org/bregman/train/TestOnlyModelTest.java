package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.potential.experiment.Vocabulary;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.Model;
import org.bregman.train.model.ModelSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model seam: a model added from this one file, its description (name, argument, default, lower bound) in the
 * language's registry and its factory in the trainer's, is validated, resolved, translated and trained like a
 * built-in one. {@code deepDiagonal(depth = 3)}: the diagonal network under its own name and default depth.
 */
class TestOnlyModelTest {

    /** The test's model: owns its description and how it is built. */
    record DeepDiagonal(int depth) implements ModelSpec {
        public String describe() { return "deepDiagonal(depth = " + depth + ")"; }
        public Model create(Loss loss, Dataset data) { return new ModelSpec.Diagonal(depth).create(loss, data); }
    }

    @BeforeEach
    void register() {
        Vocabulary.MODELS.register(new Vocabulary.Entry("deepDiagonal",
                List.of(new Vocabulary.Param("depth", Vocabulary.Kind.INTEGER, false, 3.0, 1, false)), false, true,
                "a diagonal linear network, depth 3 unless given"));
        TrainingRegistry.MODELS.register("deepDiagonal", (call, loss) -> new DeepDiagonal(call.integer("depth")));
    }

    @AfterEach
    void unregister() {
        Vocabulary.MODELS.unregister("deepDiagonal");
        TrainingRegistry.MODELS.unregister("deepDiagonal");
    }

    private static String experiment(String model) {
        return """
                potential QNorm(q = 2 where q > 1) {
                    psi(w) = |w|^q / q
                }
                experiment Deep {
                    data    regression(n = 4, d = 12, seed = 2)
                    model   %s
                    loss    squared
                    mirrors QNorm
                    init    uniform(a = 0.1, b = 0.2) seeds 1
                    lr      0.05
                    until   loss < 1e-12 or epochs >= 200
                    report  bregman
                }
                """.formatted(model);
    }

    @Test
    void aRegisteredModelIsValidatedLikeABuiltInOne() {
        PotentialWorkspace bad = PotentialWorkspace.fromString(experiment("deepDiagonal(depth = 0)"), Path.of("deep.potential"));
        assertTrue(bad.diagnostics().stream().anyMatch(d -> d.message().equals("depth must be >= 1, not 0")), bad.diagnostics().toString());
        PotentialWorkspace unknown = PotentialWorkspace.fromString(experiment("deepDiagonals"), Path.of("deep.potential"));
        assertTrue(unknown.diagnostics().stream().anyMatch(d -> d.message().startsWith("unknown model 'deepDiagonals'; did you mean 'deepDiagonal'?")),
                unknown.diagnostics().toString());
    }

    @Test
    void aRegisteredModelTrainsThroughItsFactoryWithItsDefault() {
        PotentialWorkspace ws = PotentialWorkspace.fromString(experiment("deepDiagonal"), Path.of("deep.potential"));
        assertFalse(ws.hasErrors(), ws.diagnostics().toString());
        ExperimentSpec spec = ExperimentSpec.of(ws.experiment("Deep"));
        assertEquals(new DeepDiagonal(3), spec.model());
        ExperimentResult deep = new Trainer(spec, spec.data().load(null), null, null).run();

        PotentialWorkspace builtIn = PotentialWorkspace.fromString(experiment("diagonal(depth = 3)"), Path.of("deep.potential"));
        ExperimentSpec reference = ExperimentSpec.of(builtIn.experiment("Deep"));
        ExperimentResult diagonal = new Trainer(reference, reference.data().load(null), null, null).run();
        assertEquals(diagonal.runs().get(0).steps(), deep.runs().get(0).steps());
        assertArrayEquals(diagonal.runs().get(0).fin(), deep.runs().get(0).fin());
    }
}
