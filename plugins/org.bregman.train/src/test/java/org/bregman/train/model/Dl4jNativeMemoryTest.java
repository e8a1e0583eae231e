package org.bregman.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bregman.train.InitSpec;
import org.bregman.train.data.Cifar10;
import org.bregman.train.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: what frees ResNet-18's native memory — a garbage collection after each big pass, DL4J's workspaces freed when
 * a network closes — changes no number: the same steps with and without them give the same bits.
 */
class Dl4jNativeMemoryTest {

    private static final int[] ORDER = {3, 0, 5, 1, 4, 2, 7, 6};

    @Test
    void collectingAfterEachPassAndClosingAnotherNetworkChangeNoBit(@TempDir Path dir) throws IOException {
        Dataset data = Cifar10.read(cifar(dir), 8, 0);
        try (Dl4jModel collecting = resnet(data); Dl4jModel plain = resnet(data)) {
            collecting.collectFrom = 0; // a collection after every pass
            plain.collectFrom = Long.MAX_VALUE; // never
            float[] init = collecting.initial(new InitSpec.Normal(0, 0.05).draw(collecting.size(), 7));
            collecting.setParams(init);
            plain.setParams(init);
            double lossBefore = collecting.evaluate(data).loss();
            assertEquals(lossBefore, plain.evaluate(data).loss());
            for (int from = 0; from < ORDER.length; from += 4) {
                collecting.gradient(ORDER, from, from + 4);
                plain.gradient(ORDER, from, from + 4);
                assertEquals(collecting.batchLoss(ORDER, from, from + 4), plain.batchLoss(ORDER, from, from + 4));
                collecting.sgdStep(1e-3f / 4);
                plain.sgdStep(1e-3f / 4);
                assertArrayEquals(collecting.params(), plain.params(), "after the step on examples " + from + ".." + (from + 4));
            }
            float[] stepped = collecting.params();
            assertTrue(!java.util.Arrays.equals(stepped, init), "the steps moved the weights");
            double lossAfter = collecting.evaluate(data).loss();
            assertEquals(lossAfter, plain.evaluate(data).loss());
            // closing one network frees the thread's workspaces; the other trains on as if nothing happened
            try (Dl4jModel other = resnet(data)) {
                other.setParams(init);
                other.gradient(ORDER, 0, 4);
            }
            collecting.gradient(ORDER, 0, 4);
            plain.gradient(ORDER, 0, 4);
            collecting.sgdStep(1e-3f / 4);
            plain.sgdStep(1e-3f / 4);
            assertArrayEquals(collecting.params(), plain.params());
        }
    }

    private static Dl4jModel resnet(Dataset data) {
        return Dl4jModel.graph("resnet18", Loss.CROSS_ENTROPY, data, Architectures::resnet18);
    }

    /** Eight records with labels 0..7 and pixels (r + p) % 256, in the official format. */
    private static Path cifar(Path dir) throws IOException {
        byte[] b = new byte[8 * Cifar10.RECORD];
        for (int r = 0; r < 8; r++) {
            b[r * Cifar10.RECORD] = (byte) r;
            for (int p = 0; p < Cifar10.PIXELS; p++) b[r * Cifar10.RECORD + 1 + p] = (byte) ((r * 37 + p) % 256);
        }
        Files.write(dir.resolve(Cifar10.TRAIN_FILES[0]), b);
        return dir;
    }
}
