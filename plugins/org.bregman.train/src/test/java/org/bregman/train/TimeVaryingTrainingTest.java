package org.bregman.train;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.SpecialFunctions;
import org.bregman.potential.api.Until;
import org.bregman.runtime.TimeVaryingMirrorMap;
import org.bregman.symbolic.Condition;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.RowSpace;
import org.junit.jupiter.api.Test;

/**
 * SMD with a time-varying potential ψ(w; t) = hyperbolic entropy at scale β(t) = b/(1 + t): the trainer against a
 * straightforward double-precision loop of z = ψ'(w_k; t_k) − η g_k, w_{k+1} = (ψ'(·; t_{k+1}))⁻¹(z), t_k = η·k, with
 * the same examples in the same order; and the conservation law of a linear model, ∇ψ_{t_K}(w_K) − ∇ψ_0(w_0) ∈ row(X).
 */
class TimeVaryingTrainingTest {

    static final Expr W = var("w"), T = var("t"), B = var("b");

    static PotentialSpec shrinkingHyperbolic() {
        Expr beta = div(B, add(num(1), T));
        return PotentialSpec.of("ShrinkingHyperbolic", List.of(new PotentialSpec.Parameter("b", 1, new Condition.Compare(B, Condition.Op.GT, num(0)))),
                "w", sub(mul(W, call(Func.ASINH, div(W, beta))), sqrt(add(pow(W, num(2)), pow(beta, num(2)))))).withTime("t");
    }

    @Test
    void trainerFollowsTheReferenceLoopAndKeepsTheConservationLaw() {
        PotentialSpec spec = shrinkingHyperbolic();
        MirrorMap map = Optimizers.compile(Derivation.derive(spec, Map.of()), null);
        TimeVaryingMirrorMap tv = assertInstanceOf(TimeVaryingMirrorMap.class, map);
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        double lr = 0.05;
        int epochs = 40;
        ExperimentSpec es = new ExperimentSpec("TimeVarying", dataSpec, new ModelSpec.Linear(), Loss.SQUARED,
                List.of(new MirrorSpec("ShrinkingHyperbolic", Map.of(), map)), new InitSpec.Uniform(-0.5, 0.5), List.of(3L), lr, 1,
                Until.of("epochs", ">=", epochs), Set.of(), null);
        RunResult run = new Trainer(es, data, null, null).run().runs().get(0);
        assertEquals(RunResult.Status.COMPLETED, run.status(), run.line());

        // the reference: the same examples in the same order, everything in double
        int n = data.n(), d = data.d();
        double[] w = new double[d];
        for (int j = 0; j < d; j++) w[j] = run.init()[j];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random shuffle = new Random(3L * 0x9E3779B97F4A7C15L + 1);
        double t = 0, step = (float) lr; // the trainer's per-example rate is a float
        for (int e = 0; e < epochs; e++) {
            Trainer.shuffle(order, shuffle);
            for (int b = 0; b < n; b++) {
                int i = order[b];
                double f = 0;
                for (int j = 0; j < d; j++) f += data.x()[i * d + j] * w[j];
                double r = f - data.targets()[i];
                // ψ'(w; t) = asinh(w/β(t)), its inverse β(t)·sinh(z), β(t) = 1/(1 + t): written out, not derived
                double betaFrom = 1 / (1 + t), betaTo = 1 / (1 + t + step);
                for (int j = 0; j < d; j++) w[j] = betaTo * Math.sinh(SpecialFunctions.asinh(w[j] / betaFrom) - step * r * data.x()[i * d + j]);
                t += step;
            }
        }
        double diff = 0, norm = 0;
        for (int j = 0; j < d; j++) {
            diff += (run.fin()[j] - w[j]) * (run.fin()[j] - w[j]);
            norm += w[j] * w[j];
        }
        assertTrue(Math.sqrt(diff / norm) < 1e-4, "trainer vs reference loop: relative difference " + Math.sqrt(diff / norm));
        assertTrue(run.message().contains("t = " + Num.short4(t) + " at the end"), run.message());

        // ψ_t changed a lot over the run (β from 1 to 1/(1 + t)), yet the mirror coordinate moved only inside row(X)
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = data.x()[i];
        double[] v = new double[d];
        MirrorMap end = tv.at(t);
        for (int j = 0; j < d; j++) v[j] = end.grad(run.fin()[j]) - tv.grad(run.init()[j]);
        double outside = new RowSpace(x, n, d).relativeOutside(v);
        assertTrue(outside < 1e-5, "∇ψ_T(w_T) − ∇ψ_0(w_0) outside row(X): " + outside);
        // with the potential fixed at its start, the same final point is far from the condition: the time matters
        for (int j = 0; j < d; j++) v[j] = tv.grad(run.fin()[j]) - tv.grad(run.init()[j]);
        assertTrue(new RowSpace(x, n, d).relativeOutside(v) > 100 * outside, "ψ_0 at the end would not keep the law");
    }
}
