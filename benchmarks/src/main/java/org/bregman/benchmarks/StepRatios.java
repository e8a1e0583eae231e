package org.bregman.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;

/**
 * Interleaved timing for a shared, noisy machine: every round times each kernel once, back to back,
 * and the ratio to plain SGD is taken within the round; the medians over the rounds are printed.
 * Load that drifts between JMH trials cancels out of these ratios.
 * {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar org.bregman.benchmarks.StepRatios [rounds [potentials
 * [gScale]]]} (potentials comma-separated, e.g. {@code negentropy,hyperbolic}; all four by default; gradients
 * N(0, (1e-3·gScale)²), so c = lr·g ≈ 1e-5 by default and gScale = 1e4 puts c beyond the kernels' small-shift bound 2⁻⁵)
 */
public final class StepRatios {

    interface Step {
        void run(float lr);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String[] potentials = args.length > 1 ? args[1].split(",") : new String[] {"q3", "q2.5", "negentropy", "hyperbolic"};
        double gScale = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        for (int size : new int[] {670_000, 10_000_000}) {
            Random r = new Random(1);
            float[] g = new float[size];
            float[] base = new float[size];
            for (int i = 0; i < size; i++) {
                base[i] = 0.5f + r.nextFloat();
                g[i] = (float) (r.nextGaussian() * 1e-3 * gScale);
            }
            List<String> names = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            for (String p : potentials) {
                for (boolean vector : new boolean[] {true, false}) {
                    MirrorMap m = Optimizers.compile(Potentials.byName(p), new Optimizers.Options(vector, 1));
                    float[] w = base.clone();
                    names.add(p + " " + Optimizers.kernelKind(m));
                    steps.add(lr -> m.step(w, g, lr));
                }
            }
            addPlainSgd(names, steps, base, g);
            float[] wc = base.clone();
            names.add("plain copy");
            steps.add(lr -> System.arraycopy(g, 0, wc, 0, size));
            timeInterleaved(names, steps, steps.size() - 2, size, rounds, 10, 70);
        }
    }

    /** The plain SGD loop on a copy of {@code base}: the reference of every ratio. */
    static void addPlainSgd(List<String> names, List<Step> steps, float[] base, float[] g) {
        float[] ws = base.clone();
        names.add("plain SGD loop");
        steps.add(lr -> {
            for (int i = 0; i < ws.length; i++) ws[i] = ws[i] - lr * g[i];
        });
    }

    /**
     * Times every step once per round, back to back ({@code warmup} rounds first, not kept), and prints the median
     * ns per element and the median ratio to step {@code sgd} within a round.
     */
    static void timeInterleaved(List<String> names, List<Step> steps, int sgd, int size, int rounds, int warmup, int nameWidth) {
        int k = steps.size();
        double[][] ns = new double[k][rounds];
        for (int round = -warmup; round < rounds; round++) {
            float lr = (round & 1) == 0 ? 0.01f : -0.01f;
            for (int j = 0; j < k; j++) {
                long t0 = System.nanoTime();
                steps.get(j).run(lr);
                long t = System.nanoTime() - t0;
                if (round >= 0) ns[j][round] = (double) t / size;
            }
        }
        System.out.printf("size %d, %d rounds (medians)%n", size, rounds);
        for (int j = 0; j < k; j++) {
            double[] ratio = new double[rounds];
            for (int i = 0; i < rounds; i++) ratio[i] = ns[j][i] / ns[sgd][i];
            System.out.printf("  %-" + nameWidth + "s %8.3f ns/element  %7.2f x SGD%n", names.get(j), median(ns[j]), median(ratio));
        }
    }

    static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
