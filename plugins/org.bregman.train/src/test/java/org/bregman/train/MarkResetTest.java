package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.bregman.runtime.MirrorMap;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.Model;
import org.bregman.train.model.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * {@link Model#reset()} after a rejected step restores the exact iterate, the compensated linear model's low word
 * included: a model that tried a step, reset, then stepped goes on bit for bit like one that never tried.
 */
class MarkResetTest {

    private static final MirrorMap Q3 = TestMirrors.qnorm(3);

    @Test
    void aRejectedStepLeavesNoTrace() {
        Dataset data = new DataSpec.Regression(6, 30, 0, 7).load(null);
        float[] init = new InitSpec.Uniform(0.5, 1.0).draw(30, 1);
        int[] order = {0, 1, 2, 3, 4, 5};
        try (Model tried = Model.create(new ModelSpec.Linear(), Loss.SQUARED, data);
                Model plain = Model.create(new ModelSpec.Linear(), Loss.SQUARED, data)) {
            tried.setParams(init);
            plain.setParams(init);
            for (int s = 0; s < 50; s++) {
                int i = s % 6;
                tried.gradient(order, i, i + 1);
                plain.gradient(order, i, i + 1);
                tried.mark();
                tried.step(Q3, 7.3f);
                assertFalse(Arrays.equals(tried.params(), plain.params()), "the rejected step moved the point");
                tried.reset();
                tried.step(Q3, 0.3f);
                plain.step(Q3, 0.3f);
                assertArrayEquals(plain.params(), tried.params(), "step " + s);
            }
        }
    }
}
