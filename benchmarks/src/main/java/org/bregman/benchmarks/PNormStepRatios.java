package org.bregman.benchmarks;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.CompositeMirrorMap;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.RealInterval;

/**
 * The non-separable p-norm step (seed 000, ψ(w) = ½‖w‖_q², {@code 0.5 * norm(w, q)^2}) against the plain SGD loop at
 * 10 M floats, interleaved as {@link StepRatios}: each round times every kernel once and takes the ratio to SGD within
 * the round; medians over the rounds. The separable |w|^q/q step of the same q is timed alongside.
 * {@code java --add-modules jdk.incubator.vector -Xmx3g -cp benchmarks/target/benchmarks.jar org.bregman.benchmarks.PNormStepRatios [rounds]}
 */
public final class PNormStepRatios {

    static PotentialSpec pNorm() {
        return new PotentialSpec("PNorm", List.of(new PotentialSpec.Parameter("q", 3)), "w", RealInterval.REALS,
                mul(num(0.5), pow(pow(var("S"), div(num(1), var("q"))), num(2))), null, null)
                .withReduction("S", pow(abs(var("w")), var("q")));
    }

    /** The weights ±[0.5, 1.5) and the gradients N(0, 1e-3) of every p-norm step benchmark (seed 1): {weights, gradients}. */
    static float[][] data(int size) {
        Random r = new Random(1);
        float[] g = new float[size], base = new float[size];
        for (int i = 0; i < size; i++) {
            base[i] = (r.nextBoolean() ? 1 : -1) * (0.5f + r.nextFloat());
            g[i] = (float) (r.nextGaussian() * 1e-3);
        }
        return new float[][] {base, g};
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int size = 10_000_000;
        float[][] data = data(size);
        float[] base = data[0], g = data[1];
        List<String> names = new ArrayList<>();
        List<StepRatios.Step> steps = new ArrayList<>();
        for (double q : new double[] {3, 1.5}) {
            MirrorMap m = Optimizers.compile(CompositeDerivation.derive(pNorm(), Map.of("q", q)), null, new Optimizers.Options(true, 1));
            // the same step three ways: a stepper (S carried: two passes), the map (a reduction and two passes), and the
            // four passes around the vector coordinate kernel that the fused passes replaced
            MirrorMap stepper = m.stepper(), four = m instanceof CompositeMirrorMap c ? c.withPasses(null) : m;
            float[] w = base.clone(), w3 = base.clone(), w4 = base.clone();
            names.add("p-norm q = " + q + ", stepper (S carried), " + Optimizers.kernelKind(m));
            steps.add(lr -> stepper.step(w, g, lr));
            names.add("p-norm q = " + q + ", reduction + fused passes");
            steps.add(lr -> m.step(w3, g, lr));
            names.add("p-norm q = " + q + ", four passes (before)");
            steps.add(lr -> four.step(w4, g, lr));
        }
        MirrorMap sep = Optimizers.compile(Potentials.byName("q3"), new Optimizers.Options(true, 1));
        float[] wq = base.clone();
        names.add("separable |w|^3/3, " + Optimizers.kernelKind(sep));
        steps.add(lr -> sep.step(wq, g, lr));
        StepRatios.addPlainSgd(names, steps, base, g);
        StepRatios.timeInterleaved(names, steps, steps.size() - 1, size, rounds, 5, 75);
    }
}
