package org.bregman.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.CompositeDerivation;

/**
 * The p-norm stepper of this build against that of another benchmarks jar (an earlier commit, loaded in a class loader
 * of its own) in one JVM, with the separable |w|³/3 kernel and the plain SGD loop, interleaved as {@link PNormStepRatios}
 * on the same data; medians of thread CPU time and of wall time per element, and of their per-round ratios to SGD
 * (CPU time varies less than wall time on a loaded machine).
 * {@code java --add-modules jdk.incubator.vector -Xmx3g -cp benchmarks/target/benchmarks.jar org.bregman.benchmarks.PNormBeforeAfter OLD.jar [rounds]}
 */
public final class PNormBeforeAfter {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int size = 10_000_000;
        float[][] data = PNormStepRatios.data(size);
        float[] base = data[0], g = data[1];
        ClassLoader old = new URLClassLoader(new URL[] {new File(args[0]).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
        List<String> names = new ArrayList<>();
        List<StepRatios.Step> steps = new ArrayList<>();
        for (double q : new double[] {3, 1.5}) {
            MirrorMap stepper = Optimizers.compile(CompositeDerivation.derive(PNormStepRatios.pNorm(), Map.of("q", q)), null, new Optimizers.Options(true, 1)).stepper();
            float[] w = base.clone(), wo = base.clone();
            names.add("p-norm q = " + q + ", stepper, this build");
            steps.add(lr -> stepper.step(w, g, lr));
            Object oldStepper = oldStepper(old, q);
            Method step = old.loadClass("org.bregman.runtime.MirrorMap").getMethod("step", float[].class, float[].class, float.class);
            names.add("p-norm q = " + q + ", stepper, " + new File(args[0]).getName());
            steps.add(lr -> {
                try {
                    step.invoke(oldStepper, wo, g, lr);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        MirrorMap sep = Optimizers.compile(Potentials.byName("q3"), new Optimizers.Options(true, 1));
        float[] wq = base.clone();
        names.add("separable |w|^3/3, vector");
        steps.add(lr -> sep.step(wq, g, lr));
        StepRatios.addPlainSgd(names, steps, base, g);
        time(names, steps, size, rounds, 5);
    }

    /** The p-norm stepper of exponent q compiled by the classes of {@code old}. */
    static Object oldStepper(ClassLoader old, double q) throws ReflectiveOperationException {
        Method spec = old.loadClass("org.bregman.benchmarks.PNormStepRatios").getDeclaredMethod("pNorm");
        spec.setAccessible(true);
        Class<?> derivation = old.loadClass("org.bregman.symbolic.CompositeDerivation");
        Object d = derivation.getMethod("derive", old.loadClass("org.bregman.symbolic.PotentialSpec"), Map.class).invoke(null, spec.invoke(null), Map.of("q", q));
        Class<?> options = old.loadClass("org.bregman.codegen.Optimizers$Options");
        Object map = old.loadClass("org.bregman.codegen.Optimizers").getMethod("compile", derivation, String.class, options)
                .invoke(null, d, null, options.getConstructor(boolean.class, int.class).newInstance(true, 1));
        return old.loadClass("org.bregman.runtime.MirrorMap").getMethod("stepper").invoke(map);
    }

    /** Every step once per round (the last is SGD), medians of CPU and wall ns per element and of their ratios to SGD. */
    static void time(List<String> names, List<StepRatios.Step> steps, int size, int rounds, int warmup) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int k = steps.size();
        double[][] cpu = new double[k][rounds], wall = new double[k][rounds];
        for (int round = -warmup; round < rounds; round++) {
            float lr = (round & 1) == 0 ? 0.01f : -0.01f;
            for (int j = 0; j < k; j++) {
                long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                steps.get(j).run(lr);
                if (round >= 0) {
                    cpu[j][round] = (mx.getCurrentThreadCpuTime() - c0) / (double) size;
                    wall[j][round] = (System.nanoTime() - t0) / (double) size;
                }
            }
        }
        System.out.printf("size %d, %d rounds (medians; CPU: thread CPU time)%n", size, rounds);
        for (int j = 0; j < k; j++) {
            double[] rc = new double[rounds], rw = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                rc[i] = cpu[j][i] / cpu[k - 1][i];
                rw[i] = wall[j][i] / wall[k - 1][i];
            }
            System.out.printf("%-52s CPU %.3f ns/el %5.2f x SGD | wall %.3f ns/el %5.2f x SGD%n", names.get(j), median(cpu[j]), median(rc),
                    median(wall[j]), median(rw));
        }
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
