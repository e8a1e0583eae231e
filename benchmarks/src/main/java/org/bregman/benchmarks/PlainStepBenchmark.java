package org.bregman.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/** The baselines of {@link StepKernelBenchmark}: a plain float SGD loop and a plain array copy. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PlainStepBenchmark {

    @Param({"670000", "10000000"})
    public int size;

    private float[] w;
    private float[] g;
    private int steps;

    @Setup(Level.Trial)
    public void setup() {
        Random r = new Random(1);
        w = new float[size];
        g = new float[size];
        for (int i = 0; i < size; i++) {
            w[i] = (float) r.nextGaussian();
            g[i] = (float) (r.nextGaussian() * 1e-3);
        }
    }

    /** What SMD with q = 2 computes, written by hand. */
    @Benchmark
    public float[] plainSgd() {
        float lr = (steps++ & 1) == 0 ? 0.01f : -0.01f;
        float[] w = this.w;
        float[] g = this.g;
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] - lr * g[i];
        }
        return w;
    }

    /** Reads one array and writes another: the memory-bandwidth bound of an in-place step. */
    @Benchmark
    public float[] plainCopy() {
        System.arraycopy(g, 0, w, 0, size);
        return w;
    }
}
