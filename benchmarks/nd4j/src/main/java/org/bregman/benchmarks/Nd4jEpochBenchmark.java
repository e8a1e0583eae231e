package org.bregman.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.train.InitSpec;
import org.bregman.train.Trainer;
import org.bregman.train.data.Dataset;
import org.bregman.train.data.Datasets;
import org.bregman.train.model.Loss;
import org.bregman.train.model.Model;
import org.bregman.train.model.ModelSpec;

/**
 * A training-epoch harness: the same MLP, data and mini-batch order, one epoch at a time with (a) plain SGD (ND4J axpy
 * on the flat buffer), (b) the generated SMD step for {@code QNorm(q = 3)}, (c) the generated step for {@code q = 2};
 * variants are interleaved round by round so that machine load hits them alike; medians are reported.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks/nd4j/target/nd4j-benchmarks.jar \
 *     org.bregman.benchmarks.Nd4jEpochBenchmark [rounds] [n] [hidden] [teacher|fashion]</pre>
 *
 * {@code teacher}: synthetic two-class data with 784 features (nothing to install); {@code fashion}: the first n
 * Fashion-MNIST training images, 10 classes (issue 5's 784-512-512-10 network with hidden = 512).
 */
public final class Nd4jEpochBenchmark {

    private Nd4jEpochBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
        int hidden = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int batch = 64;
        boolean fashion = args.length > 3 && args[3].equals("fashion");
        Dataset data = fashion ? Datasets.fashionMnist(null, n, 0) : Datasets.teacher(n, 784, 32, 1);
        PotentialSpec q = Potentials.qnorm();
        MirrorMap q3 = Optimizers.compile(Derivation.derive(q, Map.of("q", 3.0)), null);
        MirrorMap q2 = Optimizers.compile(Derivation.derive(q, Map.of("q", 2.0)), null);
        String[] names = {"sgd (ND4J axpy)", "smd QNorm(q = 3), " + Optimizers.kernelKind(q3), "smd QNorm(q = 2), " + Optimizers.kernelKind(q2)};
        MirrorMap[] maps = {null, q3, q2};
        try (Model model = Model.create(new ModelSpec.Mlp(List.of(hidden, hidden)), Loss.CROSS_ENTROPY, data)) {
            float[] init = new InitSpec.Normal(0, 0.01).draw(model.size(), 1);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Trainer.shuffle(order, new Random(1));
            System.out.printf(Locale.ROOT, "MLP 784-%d-%d-%d (%,d parameters), %s, %d examples, batch %d (%d steps per epoch), %d rounds%n",
                    hidden, hidden, data.classes(), model.size(), fashion ? "Fashion-MNIST" : "teacher data", n, batch,
                    (n + batch - 1) / batch, rounds);
            List<List<Double>> epoch = new ArrayList<>();
            List<List<Double>> cpu = new ArrayList<>();
            List<List<Double>> step = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                epoch.add(new ArrayList<>());
                cpu.add(new ArrayList<>());
                step.add(new ArrayList<>());
            }
            // the process's CPU time (all threads: ND4J's and BLAS's included) as well as wall time: on a shared
            // machine CPU time is far less disturbed by other processes than wall time
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int r = -2; r < rounds; r++) { // two warm-up rounds
                for (int k0 = 0; k0 < 3; k0++) {
                    int k = (k0 + Math.max(r, 0)) % 3; // rotate the order every round
                    model.setParams(init);
                    long stepNs = 0;
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    for (int from = 0; from < n; from += batch) {
                        int to = Math.min(n, from + batch);
                        model.gradient(order, from, to);
                        long s0 = System.nanoTime();
                        if (maps[k] == null) model.sgdStep(0.01f / (to - from));
                        else model.step(maps[k], 0.01f / (to - from));
                        stepNs += System.nanoTime() - s0;
                    }
                    double secs = (System.nanoTime() - t0) / 1e9;
                    double cpuSecs = (os.getProcessCpuTime() - c0) / 1e9;
                    if (r >= 0) {
                        epoch.get(k).add(secs);
                        cpu.get(k).add(cpuSecs);
                        step.get(k).add(stepNs / 1e9);
                    }
                }
            }
            // the ratio is taken within each round (the variants of one round ran back to back, so load that
            // drifts over minutes cancels), then the median and quartiles of those per-round ratios
            System.out.println("| step | epoch wall (median) | wall ratio to SGD, median of rounds [quartiles] | epoch CPU (median) | CPU ratio to SGD [quartiles] | time in the step (median) | share of the epoch | per parameter per step |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            int steps = (n + batch - 1) / batch;
            for (int k = 0; k < 3; k++) {
                List<Double> ratios = new ArrayList<>();
                List<Double> cpuRatios = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    ratios.add(epoch.get(k).get(r) / epoch.get(0).get(r));
                    cpuRatios.add(cpu.get(k).get(r) / cpu.get(0).get(r));
                }
                double e = median(epoch.get(k)), s = median(step.get(k));
                System.out.printf(Locale.ROOT, "| %s | %.3f s | %.3f [%.3f, %.3f] | %.3f s | %.3f [%.3f, %.3f] | %.1f ms | %.2f %% | %.2f ns |%n",
                        names[k], e, median(ratios), quantile(ratios, 0.25), quantile(ratios, 0.75), median(cpu.get(k)),
                        median(cpuRatios), quantile(cpuRatios, 0.25), quantile(cpuRatios, 0.75), s * 1e3, 100 * s / e,
                        s * 1e9 / steps / model.size());
            }
            for (int k = 0; k < 3; k++) System.out.println(names[k] + " epochs: " + epoch.get(k));
        }
    }

    private static double quantile(List<Double> v, double p) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        double x = p * (a.length - 1);
        int i = (int) Math.floor(x);
        return i + 1 < a.length ? a[i] + (x - i) * (a[i + 1] - a[i]) : a[i];
    }

    private static double median(List<Double> v) {
        return quantile(v, 0.5);
    }
}
