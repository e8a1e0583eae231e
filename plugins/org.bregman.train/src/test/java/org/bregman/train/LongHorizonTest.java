package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.bregman.potential.api.Until;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.MaxMarginSolver;
import org.junit.jupiter.api.Test;

/**
 * Long runs on separable data: the binary losses stay positive where their naive formulas give 0, their logarithms stay
 * finite where the losses themselves underflow, the loss keeps descending over decades of steps, and {@code until margin}
 * stops a run at a normalised margin.
 */
class LongHorizonTest {

    @Test
    void theLossesDoNotUnderflowWhereTheNaiveFormulasDo() {
        double m = 40;
        assertEquals(0.0, Math.log(1 + Math.exp(-m)), "the naive logistic loss is 0 in double at margin 40");
        double logistic = Loss.LOGISTIC.lossAndDerivative(new double[] {m}, 1, 0, null);
        assertEquals(Math.exp(-m), logistic, 1e-15 * Math.exp(-m));
        assertEquals(-m, Loss.LOGISTIC.logLoss(m), 1e-12);
        assertEquals(Math.log(Math.log1p(Math.exp(-2.0))), Loss.LOGISTIC.logLoss(2), 1e-15);
        assertEquals(Math.log(Math.log1p(Math.exp(3.0))), Loss.LOGISTIC.logLoss(-3), 1e-14);
        // beyond e^-745 the losses are 0 in double; their logarithms are not
        assertEquals(0.0, Loss.EXPONENTIAL.lossAndDerivative(new double[] {800}, 1, 0, null));
        assertEquals(-800, Loss.EXPONENTIAL.logLoss(800));
        assertEquals(-800, Loss.LOGISTIC.logLoss(800));
        assertEquals(-800 + Math.log1p(Math.exp(-1)), Loss.logSumExp(new double[] {-800, -801}), 1e-12);
    }

    @Test
    void gradientDescentKeepsDescendingForDecadesAndStopsAtAMargin() {
        DataSpec spec = new DataSpec.Separable(20, 5, 0.1, 4);
        Dataset data = spec.load(null);
        long budget = 100_000;
        ExperimentSpec x = new ExperimentSpec("Long", spec, new ModelSpec.Linear(), Loss.LOGISTIC, List.of(TestMirrors.q(2)), new InitSpec.Zeros(),
                List.of(1L), 1, Integer.MAX_VALUE, Until.of("steps", ">=", budget), Set.of());
        RunResult r = new Trainer(x, data, null, null).run().runs().get(0);
        double previous = Double.POSITIVE_INFINITY;
        for (long e = 10; e <= budget; e *= 10) {
            double loss = r.curve().get((int) e)[2];
            assertTrue(loss > 0 && loss < previous, "epoch " + e + ": loss " + loss + " after " + previous);
            previous = loss;
        }
        double[] a = new double[data.n() * data.d()];
        for (int i = 0; i < data.n(); i++) for (int j = 0; j < data.d(); j++) a[i * data.d() + j] = (data.labels()[i] == 1 ? 1 : -1) * data.x()[i * data.d() + j];
        double max = MaxMarginSolver.solve(a, data.n(), data.d(), 2, 1e-10, 100_000).margin();
        double reached = r.curve().get(r.curve().size() - 1)[5];
        assertTrue(reached > 0.5 * max && reached <= max * (1 + 1e-6), "normalised margin " + reached + " of max " + max);
        // the same run stopped by until margin: at the first epoch whose normalised margin passes the target
        double target = 0.5 * max;
        ExperimentSpec stopAt = new ExperimentSpec("Stop", spec, new ModelSpec.Linear(), Loss.LOGISTIC, List.of(TestMirrors.q(2)), new InitSpec.Zeros(),
                List.of(1L), 1, Integer.MAX_VALUE, Until.of("margin", ">=", target).or(Until.of("steps", ">=", budget)), Set.of());
        RunResult s = new Trainer(stopAt, data, null, null).run().runs().get(0);
        assertEquals(RunResult.Status.CONVERGED, s.status(), s.line());
        int last = s.curve().size() - 1;
        assertTrue(s.curve().get(last)[5] >= target && s.curve().get(last - 1)[5] < target, "stopped at the first epoch past the target");
    }
}
