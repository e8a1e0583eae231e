package org.bregman.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.openjdk.jmh.annotations.*;

/**
 * One in-place SMD step over {@code size} floats (issue 5): the generated kernels (QNorm q = 3 and
 * 2.5, NegEntropy, HyperbolicEntropy; Vector API or scalar, one thread) against a plain float SGD
 * loop ({@code w[i] -= lr * g[i]}) and a plain array copy (the bandwidth bound: read one array,
 * write one), which are in {@link PlainStepBenchmark}. Report ratios to {@code plainSgd}: {@code nsPerElement = time / size}.
 *
 * <p>ND4J comparisons (axpy SGD and the same SMD step as an ND4J op chain) belong to the trainer side
 * (it has the ND4J dependency): add them as {@code Nd4jStepBenchmark} in this package with the same
 * {@code size} parameter so that the numbers sit in one table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class StepKernelBenchmark {

    @Param({"670000", "10000000"})
    public int size;

    /** {@code potential/kernel}: potential in q3, q2.5, negentropy, hyperbolic; kernel vector or scalar. */
    @Param({"q3/vector", "q3/scalar", "q2.5/vector", "q2.5/scalar", "negentropy/vector", "negentropy/scalar",
            "hyperbolic/vector", "hyperbolic/scalar"})
    public String kernel;

    private MirrorMap map;
    private float[] w;
    private float[] g;
    private int steps;

    @Setup(Level.Trial)
    public void setup() {
        String[] parts = kernel.split("/");
        map = Optimizers.compile(Potentials.byName(parts[0]), new Optimizers.Options(parts[1].equals("vector"), 1));
        String kind = Optimizers.kernelKind(map);
        if (parts[1].equals("vector") != kind.startsWith("vector")) {
            throw new IllegalStateException(kernel + " asked for, got " + kind);
        }
        Random r = new Random(1);
        w = new float[size];
        g = new float[size];
        for (int i = 0; i < size; i++) {
            w[i] = parts[0].equals("negentropy") ? 0.5f + r.nextFloat() : (float) r.nextGaussian();
            g[i] = (float) (r.nextGaussian() * 1e-3);
        }
    }

    @Benchmark
    public int smdStep() {
        // alternate the sign of lr so that the weights stay where they started
        float lr = (steps++ & 1) == 0 ? 0.01f : -0.01f;
        return map.step(w, g, lr);
    }
}
