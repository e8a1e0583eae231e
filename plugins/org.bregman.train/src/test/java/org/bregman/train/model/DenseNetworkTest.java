package org.bregman.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bregman.train.InitSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.data.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sgemm network against the DL4J network it replaced for {@code mlp}: the same parameter layout and names, and
 * the same summed gradients, batch losses and metrics from the same parameters (both float32; DL4J's products
 * and ours round differently, so they agree to float tolerance, not bit for bit).
 */
class DenseNetworkTest {

    private static void assertClose(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * (1 + Math.abs(expected)), what);
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void gradientLossAndMetricsMatchTheDl4jNetwork(Loss loss) {
        Dataset data = Datasets.teacher(37, 11, 3, 4);
        List<Integer> hidden = List.of(7, 5);
        try (Dl4jModel ref = Dl4jModel.mlp(hidden, true, false, loss, data); DenseNetwork net = new DenseNetwork(hidden, true, true, loss, data)) {
            assertEquals(ref.size(), net.size(), "parameter count");
            float[] p = new InitSpec.Normal(0, 0.4).draw(net.size(), 7);
            ref.setParams(p);
            net.setParams(p);
            int[] order = new int[data.n()];
            for (int i = 0; i < order.length; i++) order[i] = (i * 17) % order.length;
            for (int from = 0; from < order.length; from += 16) {
                int to = Math.min(order.length, from + 16);
                ref.gradient(order, from, to);
                net.gradient(order, from, to);
                ref.sgdStep(1f); // reads DL4J's gradient back: w − 1·g
                float[] moved = ref.params();
                float[] g = net.gradients();
                for (int j = 0; j < p.length; j++) {
                    // float32 products of ≤ 16 terms of size ≤ ~10: 1e-4 relative to the coordinate's scale
                    assertClose(p[j] - moved[j], g[j], 1e-4, loss + " batch " + from + " " + net.coordinate(j));
                }
                ref.setParams(p);
                assertClose(ref.lastBatchLoss(), net.lastBatchLoss(), 1e-5, loss + " batch loss");
                assertClose(ref.batchLoss(order, from, to), net.batchLoss(order, from, to), 1e-5, loss + " summed loss");
            }
            Model.Metrics a = ref.evaluate(data), b = net.evaluate(data);
            assertClose(a.loss(), b.loss(), 1e-5, "mean loss");
            assertEquals(a.accuracy(), b.accuracy(), 0.0, "accuracy");
            if (data.classification()) assertClose(a.margin(), b.margin(), 1e-4, "margin");
            for (int j : new int[] {0, 76, 77, 83, 84, 118, 119, net.size() - 1}) {
                assertEquals(ref.coordinate(j), net.coordinate(j), "name of coordinate " + j);
            }
        }
    }

    /** Random images, 2 channels (so the channel order of DL4J's flat input is tested), odd sizes (truncated pooling). */
    private static Dataset images(int n, int side, int channels, int classes) {
        java.util.Random r = new java.util.Random(3);
        int d = side * side * channels;
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = r.nextInt(classes);
        return new Dataset("images", n, d, x, y, null, classes, new int[] {side, side, channels}, true, null);
    }

    @Test
    void convolutionsMatchTheDl4jGraph() {
        Dataset data = images(10, 15, 2, 3);
        List<Integer> channels = List.of(3, 4), dense = List.of(6);
        int kernel = 3;
        try (Model ref = Architectures.model("cnn", in -> Architectures.cnn(channels, dense, kernel, in), Loss.CROSS_ENTROPY, data);
                DenseNetwork net = DenseNetwork.cnn(channels, dense, kernel, Loss.CROSS_ENTROPY, data)) {
            assertEquals(ref.size(), net.size(), "parameter count");
            float[] p = new InitSpec.Normal(0, 0.5).draw(net.size(), 2);
            for (int j = 0; j < p.length; j++) p[j] += 0.05f; // biases away from 0: fewer dead ReLUs, more paths tested
            ref.setParams(p);
            net.setParams(p);
            int[] order = {3, 1, 4, 0, 5, 9, 2, 6, 8, 7};
            for (int from = 0; from < 10; from += 5) {
                ref.gradient(order, from, from + 5);
                net.gradient(order, from, from + 5);
                ref.sgdStep(1f);
                float[] moved = ref.params();
                float[] g = net.gradients();
                double scale = 0;
                for (int j = 0; j < p.length; j++) scale = Math.max(scale, Math.abs(p[j] - moved[j]));
                int nonzero = 0;
                for (int j = 0; j < p.length; j++) {
                    // float32 sums of ≤ 5·13·13 products: 1e-4 of the largest gradient
                    assertEquals(p[j] - moved[j], g[j], 1e-4 * scale, "batch " + from + " " + net.coordinate(j));
                    if (g[j] != 0) nonzero++;
                }
                org.junit.jupiter.api.Assertions.assertTrue(nonzero > p.length / 2, nonzero + " of " + p.length + " gradients are not 0");
                ref.setParams(p);
                assertClose(ref.batchLoss(order, from, from + 5), net.batchLoss(order, from, from + 5), 1e-5, "summed loss");
            }
            for (int j = 0; j < p.length; j += 7) assertEquals(ref.coordinate(j), net.coordinate(j), "name of coordinate " + j);
            assertClose(ref.evaluate(data).loss(), net.evaluate(data).loss(), 1e-5, "mean loss");
        }
    }

    @Test
    void trainingFromTheSameStartFollowsTheDl4jNetwork() {
        Dataset data = Datasets.teacher(64, 20, 4, 2);
        List<Integer> hidden = List.of(16);
        try (Dl4jModel ref = Dl4jModel.mlp(hidden, true, false, Loss.CROSS_ENTROPY, data);
                DenseNetwork net = new DenseNetwork(hidden, true, true, Loss.CROSS_ENTROPY, data)) {
            float[] p = new InitSpec.Normal(0, 0.3).draw(net.size(), 1);
            ref.setParams(p);
            net.setParams(p);
            int[] order = new int[data.n()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            double start = net.evaluate(data).loss();
            for (int epoch = 0; epoch < 20; epoch++) {
                for (int from = 0; from < order.length; from += 8) {
                    ref.gradient(order, from, from + 8);
                    ref.sgdStep(0.05f / 8);
                    net.gradient(order, from, from + 8);
                    net.sgdStep(0.05f / 8);
                }
            }
            float[] a = ref.params(), b = net.params();
            double diff = 0, norm = 0;
            for (int j = 0; j < a.length; j++) {
                diff += (a[j] - b[j]) * (double) (a[j] - b[j]);
                norm += a[j] * (double) a[j];
            }
            // 160 float32 steps: the two roundings drift apart by far less than 1e-4 of the weights' norm
            assertEquals(0, Math.sqrt(diff / norm), 1e-4, "relative distance of the final weights");
            double end = net.evaluate(data).loss();
            assertEquals(ref.evaluate(data).loss(), end, 1e-4, "final loss");
            org.junit.jupiter.api.Assertions.assertTrue(end < 0.5 * start, "the loss fell: " + start + " → " + end);
        }
    }
}
