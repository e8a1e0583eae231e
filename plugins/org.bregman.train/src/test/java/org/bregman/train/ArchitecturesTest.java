package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;

import org.bregman.train.data.Dataset;
import org.bregman.train.model.Architectures;
import org.bregman.train.model.Loss;
import org.bregman.train.model.Model;
import org.junit.jupiter.api.Test;

/**
 * The seed-000 architectures: parameter counts against the published ones (computed here layer by layer,
 * independently of DL4J), and a few mirror steps on CIFAR-shaped data that move every optimised parameter,
 * decrease the batch loss and leave batch normalisation's running statistics to their moving average.
 */
class ArchitecturesTest {

    static Dataset images(int n, int side, int channels, long seed) {
        Random r = new Random(seed);
        int d = side * side * channels;
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = i % 10;
        return new Dataset("images", n, d, x, y, null, 10, new int[] {side, side, channels}, true, null);
    }

    static int optimisedCount(Model m) {
        boolean[] o = m.optimised();
        if (o == null) return m.size();
        int c = 0;
        for (boolean b : o) if (b) c++;
        return c;
    }

    @Test
    void parameterCountsAreThePublishedOnes() {
        // the default CNN on MNIST: conv 5x5x1x32 (+bias), pool, conv 5x5x32x64 (+bias), pool (28 -> 24 -> 12 -> 8 -> 4),
        // dense 4*4*64 -> 2048, output 2048 -> 10
        long cnn = (25L * 32 + 32) + (25L * 32 * 64 + 64) + (1024L * 2048 + 2048) + (2048L * 10 + 10);
        assertEquals(2_171_786, cnn);
        try (Model m = Architectures.model("cnn", in -> Architectures.cnn(List.of(32, 64), List.of(2048), 5, in),
                Loss.CROSS_ENTROPY, images(2, 28, 1, 1))) {
            assertEquals(cnn, m.size());
            assertEquals(cnn, optimisedCount(m));
        }
        // ResNet-18 (CIFAR) and VGG-16-BN (CIFAR), 10 classes: the counts of kuangliu/pytorch-cifar (trainable
        // parameters: convolutions, batch-norm scale and shift, the output layer); DL4J also stores 2 running
        // statistics per batch-norm channel, which are not optimised
        try (Model m = Architectures.model("resnet18", Architectures::resnet18, Loss.CROSS_ENTROPY, images(2, 32, 3, 1))) {
            assertEquals(11_173_962, optimisedCount(m));
            assertEquals(11_173_962 + 2 * 4_800, m.size()); // 4,800 batch-norm channels
        }
        try (Model m = Architectures.model("vgg16", Architectures::vgg16, Loss.CROSS_ENTROPY, images(2, 32, 3, 1))) {
            assertEquals(14_728_266, optimisedCount(m));
            assertEquals(14_728_266 + 2 * 4_224, m.size()); // 2*64 + 2*128 + 3*256 + 6*512 channels
        }
    }

    @Test
    void mirrorStepsTrainResNet18OnCifarShapedData() {
        // 16 x 16 images keep the test short: the network is the same (global pooling), the counts too
        Dataset data = images(4, 16, 3, 7);
        org.bregman.runtime.MirrorMap q3 = TestMirrors.qnorm(3);
        try (Model m = Architectures.model("resnet18", Architectures::resnet18, Loss.CROSS_ENTROPY, data)) {
            m.setParams(m.initial(new InitSpec.Normal(0, 0.05).draw(m.size(), 3)));
            boolean[] optimised = m.optimised();
            int[] all = {0, 1, 2, 3};
            m.gradient(all, 0, 4);
            double first = m.lastBatchLoss();
            float[] before = m.params();
            m.mark();
            m.sgdStep(1f); // reads the gradient back: w - 1 * g
            float[] minusG = m.params();
            m.reset();
            assertEquals(-1, m.step(q3, 2e-4f));
            float[] after = m.params();
            int statistics = 0;
            for (int i = 0; i < after.length; i++) {
                if (optimised[i]) {
                    // the mirror step on every optimised parameter: w' = (grad psi)^-1(grad psi(w) - lr g), in double
                    double g = (double) before[i] - minusG[i];
                    double expected = q3.inverse(q3.grad(before[i]) - 2e-4 * g);
                    double tolerance = 1e-6 * Math.max(1, Math.abs(expected)) + 2 * Math.ulp(before[i]) * 2e-4 / Math.max(1e-3, Math.abs(before[i]));
                    if (!(Math.abs(expected - after[i]) <= tolerance)) fail(m.coordinate(i) + ": " + after[i] + ", expected " + expected);
                } else {
                    statistics++;
                    // running statistics follow DL4J's moving average (here also w - g), never the mirror
                    if (minusG[i] != after[i]) fail(m.coordinate(i) + ": " + after[i] + ", expected " + minusG[i]);
                }
            }
            assertEquals(9_600, statistics);
            for (int k = 0; k < 2; k++) {
                m.gradient(all, 0, 4);
                assertEquals(-1, m.step(q3, 2e-4f));
            }
            m.gradient(all, 0, 4);
            assertTrue(m.lastBatchLoss() < first, "batch loss " + first + " -> " + m.lastBatchLoss());
        }
    }
}
