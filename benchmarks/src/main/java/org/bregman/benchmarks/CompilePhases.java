package org.bregman.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.bregman.codegen.JaninoCompiler;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;

/**
 * Where a warm compile of a new binding spends its CPU time, phase by phase (CPU time of this thread; medians of the
 * last half of the rounds): {@code java -cp benchmarks/target/benchmarks.jar org.bregman.benchmarks.CompilePhases [rounds]}.
 * Phases: derive (a new binding of QNorm), lower (bound forms to the generator's tree), template (kernel-only source),
 * Janino (parse and compile to bytecode; every source is new, so nothing comes from the cache), load (define the class,
 * instantiate); and what the live compile does instead of the last two when the binding's shape was compiled before
 * ({@code JaninoCompiler.compileReusing}: take the literals out, define the shape's classes with them, instantiate); and
 * the live entry point ({@code Optimizers.compile}, scalar) on a potential of a new name each round: all of it for a
 * shape never compiled before (its literals hoisted into fields), and for a second binding of that shape (reused).
 */
public final class CompilePhases {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String[] phases = {"derive", "lower", "template", "janino", "load", "total", "reuse", "total, shape known",
            "live, new shape", "live, its 2nd binding"};
        double[][] ms = new double[phases.length][rounds];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int lines = 0, chars = 0;
        JaninoCompiler compiler = new JaninoCompiler(CompilePhases.class.getClassLoader());
        JaninoCompiler reusing = new JaninoCompiler(CompilePhases.class.getClassLoader());
        for (int i = 0; i < rounds; i++) {
            CompileInterleaved.NewSource n = CompileInterleaved.newSource(i, compiler, mx);
            MirrorMap m = n.map();
            String src = n.source();
            long[] t = n.times();
            long t0 = t[0], t3 = t[3], t5 = t[5];
            MirrorMap r = (MirrorMap) reusing.compileReusing(src).load(Optimizers.className(n.spec())).getDeclaredConstructor().newInstance();
            long t6 = mx.getCurrentThreadCpuTime();
            // the live entry point on a potential never seen (a new class name: a new shape, nothing from a cache)
            MirrorMap fresh = CompileInterleaved.live(i, 3.0);
            long t7 = mx.getCurrentThreadCpuTime();
            // a second binding of that shape: its bytecode reused
            MirrorMap second = CompileInterleaved.live(i, 3.5);
            long t8 = mx.getCurrentThreadCpuTime();
            if (!(m.grad(2.0) > 0) || m.grad(2.0) != r.grad(2.0) || !"scalar".equals(Optimizers.kernelKind(fresh))
                    || !"scalar".equals(Optimizers.kernelKind(second))) {
                throw new AssertionError("compiled map is wrong");
            }
            for (int p = 0; p < 5; p++) ms[p][i] = (t[p + 1] - t[p]) / 1e6;
            ms[5][i] = (t5 - t0) / 1e6;
            ms[6][i] = (t6 - t5) / 1e6;
            ms[7][i] = (t3 - t0 + t6 - t5) / 1e6;
            ms[8][i] = (t7 - t6) / 1e6;
            ms[9][i] = (t8 - t7) / 1e6;
            lines = (int) src.lines().count();
            chars = src.length();
        }
        System.out.printf("kernel-only source: %d lines, %d characters; %d rounds, medians of the last %d (CPU ms of this thread)%n",
                lines, chars, rounds, rounds - rounds / 2);
        for (int p = 0; p < phases.length; p++) {
            double[] x = Arrays.copyOfRange(ms[p], rounds / 2, rounds);
            Arrays.sort(x);
            System.out.printf("%-19s %7.3f ms  (quartiles %.3f–%.3f)%n", phases[p], x[x.length / 2], x[x.length / 4], x[3 * x.length / 4]);
        }
    }
}
