package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bregman.train.data.Dataset;
import org.bregman.train.data.Datasets;
import org.bregman.train.model.Loss;
import org.bregman.train.model.Model;
import org.bregman.train.model.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The DL4J path: our loss on DL4J's output layer gives the right summed gradient, and the in-place step hits the right floats. */
class Dl4jModelTest {

    @ParameterizedTest
    @EnumSource(Loss.class)
    void summedGradientMatchesFiniteDifferencesOfTheMeanLoss(Loss loss) {
        Dataset data = Datasets.teacher(6, 3, 2, 5);
        try (Model m = Model.create(new ModelSpec.Mlp(List.of(4)), loss, data)) {
            float[] p = new InitSpec.Normal(0, 0.5).draw(m.size(), 3);
            m.setParams(p);
            int[] all = {0, 1, 2, 3, 4, 5};
            m.gradient(all, 0, 6);
            // read the gradient back through a zero-lr-free route: an SGD step of lr 1 moves w by exactly −g
            m.sgdStep(1f);
            float[] moved = m.params();
            for (int j = 0; j < m.size(); j += 3) {
                double g = p[j] - moved[j];
                double h = 1e-2;
                float[] plus = p.clone(), minus = p.clone();
                plus[j] += (float) h;
                minus[j] -= (float) h;
                m.setParams(plus);
                double lp = m.evaluate(data).loss() * data.n();
                m.setParams(minus);
                double lm = m.evaluate(data).loss() * data.n();
                double fd = (lp - lm) / (plus[j] - minus[j]);
                // float32 network, central difference with h = 1e-2: agree to 2e-2 absolute + 5 % relative
                assertEquals(fd, g, 2e-2 + 0.05 * Math.abs(fd), loss + " parameter " + j + " (" + m.coordinate(j) + ")");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void mirrorStepOnTheDirectBuffersUpdatesEveryLayerInPlace() {
        Dataset data = Datasets.teacher(8, 4, 2, 1);
        try (Model a = Model.create(new ModelSpec.Mlp(List.of(5, 3)), Loss.CROSS_ENTROPY, data);
                Model b = Model.create(new ModelSpec.Mlp(List.of(5, 3)), Loss.CROSS_ENTROPY, data)) {
            float[] p = new InitSpec.Normal(0, 0.3).draw(a.size(), 2);
            a.setParams(p);
            b.setParams(p);
            int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
            a.gradient(all, 0, 8);
            b.gradient(all, 0, 8);
            assertEquals(-1, a.step(TestMirrors.qnorm(2), 0.1f));
            b.sgdStep(0.1f);
            float[] pa = a.params(), pb = b.params();
            int changed = 0;
            for (int j = 0; j < pa.length; j++) {
                // q = 2 mirror step = SGD; the fixture rounds once from double, ND4J's axpy in float: ≤ 1 ulp apart
                assertEquals(pb[j], pa[j], 2 * Math.ulp(Math.abs(pb[j])) + 1e-12f, "parameter " + j);
                if (pa[j] != p[j]) changed++;
            }
            // the output layer's bias (the last floats of the flat buffer, never a dead ReLU) moved too, not just the first view
            assertTrue(pa[pa.length - 1] != p[pa.length - 1] && pa[pa.length - 2] != p[pa.length - 2], "output bias moved");
            assertTrue(changed > pa.length / 2, changed + " of " + pa.length + " changed");
        }
    }
}
