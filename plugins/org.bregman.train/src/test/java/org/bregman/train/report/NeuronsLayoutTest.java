package org.bregman.train.report;

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

/** The neurons report reads the weights where DL4J keeps them: its own forward pass gives DL4J's scores. */
class NeuronsLayoutTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theReportsForwardPassMatchesTheNetwork(boolean bias) {
        Dataset data = SeparableData.generate(10, 4, 0.1, 3);
        ModelSpec.Mlp spec = new ModelSpec.Mlp(List.of(6, 5), bias, false);
        try (Model m = Model.create(spec, Loss.LOGISTIC, data)) {
            float[] p = new float[m.size()];
            Random r = new Random(2);
            for (int j = 0; j < p.length; j++) p[j] = (float) r.nextGaussian();
            m.setParams(p);
            NeuronsSection.Network net = new NeuronsSection.Network(p, 4, spec, 1);
            double min = Double.POSITIVE_INFINITY;
            double[] zeros = new double[2];
            for (int i = 0; i < data.n(); i++) min = Math.min(min, (data.labels()[i] == 1 ? 1 : -1) * net.forward(data, i, zeros)[0]);
            assertEquals(m.evaluate(data).margin(), min, 1e-5 * Math.abs(min));
        }
    }
}
