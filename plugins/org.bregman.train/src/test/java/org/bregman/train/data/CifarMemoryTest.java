package org.bregman.train.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.train.ExperimentRunner;
import org.bregman.train.ExperimentSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: a batch larger than memory allows is a message with the estimate before training starts, not an out-of-memory error. */
class CifarMemoryTest {

    @Test
    void aBatchTooLargeForMemoryIsRefusedBeforeTrainingWithTheEstimate(@TempDir Path dir) throws Exception {
        Path cifar = Files.createDirectories(dir.resolve("cifar"));
        for (int f = 0; f < 5; f++) Cifar10Test.write(cifar.resolve(Cifar10.TRAIN_FILES[f]), 60, 60 * f);
        Cifar10Test.write(cifar.resolve(Cifar10.TEST_FILE), 2, 0);
        // ResNet-18 keeps about 2 M activation floats per 32×32 image: 300 of them need far more than the tests' -Xmx2g
        Path file = dir.resolve("big.potential");
        Files.writeString(file, """
                potential QNorm(q = 3 where q > 1) {
                    psi(w) = |w|^q / q
                }
                experiment Big {
                    data    cifar10(dir = "cifar", test = 2)
                    model   resnet18
                    loss    crossEntropy
                    mirrors QNorm
                    init    normal(std = 0.05) seeds 1
                    lr      1e-4
                    batch   300
                    until   epochs >= 1
                    report  bregman
                }
                """);
        PotentialWorkspace ws = PotentialWorkspace.load(file);
        assertFalse(ws.hasErrors(), ws.diagnostics().toString());
        Path out = dir.resolve("results/Big");
        ExperimentRunner.ExperimentException e = assertThrows(ExperimentRunner.ExperimentException.class,
                () -> ExperimentRunner.run(ExperimentSpec.of(ws.experiment("Big")), new ExperimentRunner.Options(out, null, false),
                        null, new ExperimentRunner.Stop()));
        String m = e.getMessage();
        assertTrue(m.startsWith("experiment Big: batch 300 needs about ") && m.contains(" GB to train (parameters and gradients ")
                && m.contains(" per example × 300) but ND4J may use at most ") && m.contains("use a batch of at most "), m);
        int fits = Integer.parseInt(m.replaceAll(".*use a batch of at most ([0-9,]+).*", "$1").replace(",", ""));
        assertTrue(fits > 0 && fits < 300, m);
        assertFalse(Files.exists(out), "nothing written");
    }
}
