package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.bregman.train.data.Dataset;
import org.bregman.train.data.SeparableData;
import org.bregman.train.model.Loss;
import org.bregman.train.model.Model;
import org.bregman.train.model.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mlp without biases is homogeneous of degree L = layers: scaling every weight by c scales each score by c^L. */
class HomogeneousMlpTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void scoresScaleWithTheDegree(boolean linear) {
        Dataset data = SeparableData.generate(12, 4, 0.1, 2);
        ModelSpec spec = new ModelSpec.Mlp(List.of(5, 3), false, linear);
        assertEquals(3, spec.homogeneity());
        assertEquals(0, new ModelSpec.Mlp(List.of(5, 3)).homogeneity(), "biases break homogeneity");
        try (Model m = Model.create(spec, Loss.EXPONENTIAL, data)) {
            assertEquals(4 * 5 + 5 * 3 + 3, m.size(), "weights only");
            float[] p = new float[m.size()];
            Random r = new Random(1);
            for (int j = 0; j < p.length; j++) p[j] = (float) r.nextGaussian();
            m.setParams(p);
            double margin = m.evaluate(data).margin();
            float[] p0 = p.clone();
            for (int j = 0; j < p.length; j++) p[j] *= 2;
            m.setParams(p);
            double doubled = m.evaluate(data).margin();
            assertEquals(8 * margin, doubled, 1e-5 * Math.abs(margin));
            Geometry l3 = new Geometry(3, "l3", true);
            assertEquals(l3.normalise(margin, p0, null, 3), l3.normalise(doubled, p, null, 3), 1e-5 * Math.abs(l3.normalise(margin, p0, null, 3)),
                    "the normalised margin does not see the scale");
        }
    }
}
