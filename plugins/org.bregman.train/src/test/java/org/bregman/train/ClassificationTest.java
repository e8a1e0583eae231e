package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.bregman.train.data.DataSpec;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.bregman.potential.api.Until;

/** The linear classifiers (plain-Java path) with every classification loss separate separable data. */
class ClassificationTest {

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"CROSS_ENTROPY", "LOGISTIC", "EXPONENTIAL"})
    void logisticModelSeparatesSeparableTeacherData(Loss loss) {
        DataSpec data = new DataSpec.Teacher(10, 20, 4, 2); // d > n: linearly separable
        ExperimentSpec spec = new ExperimentSpec("Cls", data, new ModelSpec.Logistic(), loss, List.of(TestMirrors.q(2), TestMirrors.q(3)),
                new InitSpec.Normal(0, 0.1), List.of(1L), 0.01, 1, // teacher X ~ N(0, 1): |x|² ≈ 20, so lr·|x|² ≈ 0.2
                Until.of("trainAccuracy", ">=", 1.0).and(Until.of("epochs", ">=", 5)).or(Until.of("epochs", ">=", 2000)),
                Set.of("margin", "accuracy"));
        ExperimentResult result = new Trainer(spec, data.load(null), null, null).run();
        for (RunResult r : result.runs()) {
            assertEquals(RunResult.Status.CONVERGED, r.status(), r.line());
            assertEquals(1.0, r.trainAccuracy(), 0.0, r.line());
            assertTrue(r.margin() > 0, "positive margin: " + r.margin());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"SQUARED", "LOGISTIC"})
    void diagonalNetworkFitsItsData(Loss loss) {
        DataSpec data = loss == Loss.SQUARED ? new DataSpec.Regression(8, 30, 0, 4) : new DataSpec.Teacher(8, 30, 4, 4);
        ExperimentSpec spec = new ExperimentSpec("Diag", data, new ModelSpec.Diagonal(2), loss, List.of(TestMirrors.q(2)),
                new InitSpec.Uniform(0.2, 0.3), List.of(1L), 0.1, 1,
                (loss == Loss.SQUARED ? Until.of("loss", "<", 1e-8) : Until.of("trainAccuracy", ">=", 1.0)).or(Until.of("epochs", ">=", 5000)),
                Set.of());
        RunResult r = new Trainer(spec, data.load(null), null, null).run().runs().get(0);
        assertEquals(RunResult.Status.CONVERGED, r.status(), r.line());
        assertEquals(60, r.fin().length, "parameters (u, v)");
        assertEquals(30, r.predictor().length, "effective predictor w = u² − v²");
    }
}
