package org.bregman.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.train.ExperimentRunner;
import org.bregman.train.ExperimentSpec;
import org.bregman.train.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ResNet-18 and VGG-16 from an experiment file, on CIFAR-10 files in the official format written here: one SMD step
 * each, through the language, the registries, the trainer and the report writer.
 */
class CifarModelsRunTest {

    @Test
    void resnet18AndVgg16TrainOnCifarFilesAndReport(@TempDir Path dir) throws Exception {
        Path cifar = Files.createDirectories(dir.resolve("cifar"));
        Cifar10Test.folder(cifar);
        StringBuilder text = new StringBuilder("potential QNorm(q = 3 where q > 1) {\n    psi(w) = |w|^q / q\n}\n");
        for (String[] x : new String[][] {{"Res", "resnet18"}, {"Vgg", "vgg16"}}) {
            text.append("""
                    experiment %s {
                        data    cifar10(dir = "cifar", limit = 4, test = 2)
                        model   %s
                        loss    crossEntropy
                        mirrors QNorm
                        init    normal(std = 0.05) seeds 1
                        lr      1e-4
                        batch   4
                        until   epochs >= 1
                        report  bregman, accuracy
                    }
                    """.formatted(x[0], x[1]));
        }
        Path file = dir.resolve("cifar.potential");
        Files.writeString(file, text);
        PotentialWorkspace ws = PotentialWorkspace.load(file);
        assertFalse(ws.hasErrors(), ws.diagnostics().toString());
        for (String name : new String[] {"Res", "Vgg"}) {
            ExperimentSpec spec = ExperimentSpec.of(ws.experiment(name));
            Path out = dir.resolve("results").resolve(name);
            ExperimentRunner.Outcome o = ExperimentRunner.run(spec, new ExperimentRunner.Options(out, null, false), null, new ExperimentRunner.Stop());
            RunResult r = o.result().runs().get(0);
            assertEquals(RunResult.Status.COMPLETED, r.status(), r.line());
            assertEquals(1, r.steps());
            // the step moved the weights (running statistics aside, every optimised parameter; ArchitecturesTest checks each)
            int moved = 0;
            for (int i = 0; i < r.fin().length; i++) if (r.fin()[i] != r.init()[i]) moved++;
            assertTrue(moved > r.fin().length / 2, name + ": " + moved + " of " + r.fin().length + " moved");
            assertTrue(Double.isFinite(r.testAccuracy()), name + ": test accuracy " + r.testAccuracy());
            String summary = Files.readString(out.resolve("summary.md"));
            assertTrue(summary.contains("cifar10(limit = 4, test = 2)"), summary);
            assertTrue(summary.contains(name.equals("Res") ? "resnet18" : "vgg16"), summary);
        }
    }
}
