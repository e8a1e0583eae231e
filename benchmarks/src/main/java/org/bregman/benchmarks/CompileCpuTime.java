package org.bregman.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import org.bregman.codegen.JaninoCompiler;
import org.bregman.codegen.Optimizers;
import org.bregman.symbolic.Derivation;

/**
 * Compile latency in CPU time of the compiling thread as well as wall time, for a shared machine
 * where wall time mostly measures the other processes:
 * {@code java -cp benchmarks/target/benchmarks.jar org.bregman.benchmarks.CompileCpuTime [rounds]}.
 * Each round compiles a never-seen binding of QNorm (derive, bind, lower, generate, Janino, load) through the live
 * compile's entry point; "warm" is the median of the last half of the rounds (400 by default: the JIT has compiled the
 * compiler by then).
 */
public final class CompileCpuTime {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Optimizers.compile(Derivation.derive(Potentials.qnorm(), Map.of("q", 3.0 + i * 1e-9)), null, Optimizers.Options.SCALAR);
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            wall[i] = (System.nanoTime() - t0) / 1e6;
        }
        // the last bindings again (still in the cache; the first rounds' were dropped from it long ago): the median of 50
        // hits, the first of which runs code that no round before took
        int hits = Math.min(50, rounds);
        double[] hitCpus = new double[hits], hitWalls = new double[hits];
        for (int k = 0; k < hits; k++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Optimizers.compile(Derivation.derive(Potentials.qnorm(), Map.of("q", 3.0 + (rounds - hits + k) * 1e-9)), null, Optimizers.Options.SCALAR);
            hitCpus[k] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            hitWalls[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(hitCpus);
        Arrays.sort(hitWalls);
        double hitCpu = hitCpus[hits / 2], hitWall = hitWalls[hits / 2];
        System.out.printf("first compile in this JVM: cpu %.1f ms, wall %.1f ms%n", cpu[0], wall[0]);
        double[] c = Arrays.copyOfRange(cpu, rounds / 2, rounds);
        double[] w = Arrays.copyOfRange(wall, rounds / 2, rounds);
        Arrays.sort(c);
        Arrays.sort(w);
        System.out.printf("new source, warm (median of the last %d): cpu %.1f ms, wall %.1f ms%n", c.length, c[c.length / 2], w[w.length / 2]);
        System.out.printf("cache hit (same source again, median of %d): cpu %.2f ms, wall %.2f ms%n", hits, hitCpu, hitWall);
        System.out.println("compiled sources cached: " + JaninoCompiler.shared().cacheSize());
    }
}
