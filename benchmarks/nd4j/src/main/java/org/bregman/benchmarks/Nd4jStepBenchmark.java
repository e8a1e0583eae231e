package org.bregman.benchmarks;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ASinh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.openjdk.jmh.annotations.*;

/**
 * One in-place SMD step over {@code size} floats held in ND4J's off-heap memory (issue 5): ND4J's
 * BLAS axpy SGD ({@code w += -lr * g}, what a DL4J user's fastest SGD is), the same SMD steps written
 * as ND4J op chains the way a DL4J user would ({@code Transforms.abs/pow/sign/exp/sinh}, in place
 * where the API allows), and the generated Bregman kernels stepping the SAME off-heap buffers
 * through {@link MirrorMap#step(FloatBuffer, FloatBuffer, float)}.
 *
 * <p>Warm-up is longer than in StepKernelBenchmark: the first calls of a Vector API kernel run
 * interpreted (seconds per call at 10 M), so two 1-s iterations are not enough for C2 to take over.
 *
 * <p>Threads: ND4J's OpenMP and BLAS thread counts and the generated kernel's thread count are all
 * set to {@code threads} (printed at set-up). Report ratios: {@code nsPerElement = time / size}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g",
        "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class Nd4jStepBenchmark {

    @Param({"670000", "10000000"})
    public int size;

    /** OpenMP/BLAS threads for ND4J and worker threads for the generated kernel (the same number). */
    @Param({"1"})
    public int threads;

    // weights for the signed potentials (q-norms, hyperbolic entropy) and for NegEntropy (w > 0)
    private INDArray w;
    private INDArray wPos;
    private INDArray g;
    private FloatBuffer wBuf;
    private FloatBuffer wPosBuf;
    private FloatBuffer gBuf;
    private float[] wHeap;
    private float[] gHeap;
    /** Each potential of {@link Step}: its generated kernel and its ND4J op chain. */
    private final Map<String, Kernel> kernels = new LinkedHashMap<>();
    private int steps;

    /** The SMD step written with ND4J ops, in place on {@code w}. */
    interface Chain {
        void step(INDArray w, INDArray g, float lr);
    }

    /** @param positive whether the potential's domain is w > 0 (the weights are then {@code wPos}) */
    record Kernel(MirrorMap map, Chain chain, boolean positive) {
    }

    /** Which potential {@link #nd4jChain} and {@link #generated} step (the baselines run once, without it). */
    @State(Scope.Benchmark)
    public static class Step {
        @Param({"q3", "q2.5", "negentropy", "hyperbolic"})
        public String potential;

        static String[] potentials() {
            try {
                return Step.class.getField("potential").getAnnotation(Param.class).value();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Chain chain(String potential) {
        return switch (potential) {
            case "q3" -> (w, g, lr) -> qnormChain(w, g, lr, 3);
            case "q2.5" -> (w, g, lr) -> qnormChain(w, g, lr, 2.5);
            case "negentropy" -> Nd4jStepBenchmark::negEntropyChain;
            case "hyperbolic" -> Nd4jStepBenchmark::hyperbolicChain;
            default -> throw new IllegalArgumentException("no ND4J op chain for " + potential);
        };
    }

    @Setup(Level.Trial)
    public void setup() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        // Environment.setMaxThreads alone leaves OpenMP at its default (one per core): set OpenMP itself
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        Optimizers.Options opts = new Optimizers.Options(true, threads);
        for (String p : Step.potentials()) {
            kernels.put(p, new Kernel(Optimizers.compile(Potentials.byName(p), opts), chain(p), p.equals("negentropy")));
        }
        System.out.printf("%nND4J threads: OpenMP=%d, BLAS=%d; generated: %s%n",
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(), Nd4j.factory().blas().getMaxThreads(),
                String.join(" / ", kernels.values().stream().map(k -> Optimizers.kernelKind(k.map())).toList()));

        Random r = new Random(1);
        float[] ws = new float[size];
        float[] wp = new float[size];
        float[] gs = new float[size];
        for (int i = 0; i < size; i++) {
            ws[i] = (float) r.nextGaussian();
            wp[i] = 0.5f + r.nextFloat();
            gs[i] = (float) (r.nextGaussian() * 1e-3);
        }
        wHeap = ws.clone();
        gHeap = gs.clone();
        w = Nd4j.createFromArray(ws);
        wPos = Nd4j.createFromArray(wp);
        g = Nd4j.createFromArray(gs);
        wBuf = floats(w);
        wPosBuf = floats(wPos);
        gBuf = floats(g);
        if (!wBuf.isDirect() || wBuf.order() != java.nio.ByteOrder.nativeOrder()) {
            // the vector kernel needs direct native-order buffers, or it falls back to its scalar loop
            throw new IllegalStateException("ND4J buffer is not direct/native-order: " + wBuf.order());
        }
        checkSameStep();
        for (Kernel k : kernels.values()) warmUp(k.map(), k.positive());
    }

    /**
     * Many short calls, so that C2 compiles the kernels before JMH's warm-up: interpreted or C1
     * Vector API code takes seconds per call at these sizes, and a trainer calls the step thousands
     * of times anyway.
     */
    private static void warmUp(MirrorMap map, boolean positive) {
        INDArray w = Nd4j.createFromArray(new float[64]).addi(positive ? 1 : 0.5);
        INDArray g = Nd4j.createFromArray(new float[64]).addi(1e-3);
        FloatBuffer wb = floats(w);
        FloatBuffer gb = floats(g);
        for (int i = 0; i < 30_000; i++) {
            map.step(wb, gb, (i & 1) == 0 ? 0.01f : -0.01f);
        }
    }

    /**
     * The direct buffer over an INDArray's own floats. {@code data().asNioFloat()} starts at the
     * underlying buffer, not at the view: a view's floats begin {@code offset()} elements later.
     */
    static FloatBuffer floats(INDArray a) {
        if (a.dataType() != DataType.FLOAT || !a.isVector() || a.elementWiseStride() != 1) {
            throw new IllegalArgumentException("expected a contiguous float32 vector");
        }
        FloatBuffer b = a.data().asNioFloat();
        int off = Math.toIntExact(a.offset());
        b.limit(off + Math.toIntExact(a.length()));
        b.position(off);
        return b.slice();
    }

    /**
     * Guards the comparison: on views at a non-zero offset (the trap above), every op chain must
     * compute what the generated kernel computes (relative error ≤ 1e-4, float32 op chains vs a
     * fused kernel), and the kernel must leave the floats before the view alone.
     */
    private void checkSameStep() {
        int n = 4099;
        int off = 5;
        Random r = new Random(2);
        float[] all = new float[n + off];
        float[] allPos = new float[n + off];
        float[] gs = new float[n];
        for (int i = 0; i < all.length; i++) {
            all[i] = (float) r.nextGaussian();
            allPos[i] = 0.5f + r.nextFloat();
        }
        for (int i = 0; i < n; i++) {
            gs[i] = (float) r.nextGaussian();
        }
        INDArray gv = Nd4j.createFromArray(gs);
        float lr = 0.05f;
        kernels.forEach((name, k) -> compare(name, k.positive() ? allPos : all, off, gv, lr, k.map(), v -> k.chain().step(v, gv, lr)));
    }

    private static void compare(String name, float[] all, int off, INDArray g, float lr, MirrorMap map,
            java.util.function.Consumer<INDArray> chain) {
        INDArray base = Nd4j.createFromArray(all.clone());
        INDArray view = base.get(NDArrayIndex.interval(off, all.length));
        int bad = map.step(floats(view), floats(g), lr);
        if (bad != -1) throw new IllegalStateException(name + ": generated step failed at " + bad);
        INDArray expected = Nd4j.createFromArray(all.clone()).get(NDArrayIndex.interval(off, all.length)).dup();
        chain.accept(expected);
        for (int i = 0; i < off; i++) {
            if (base.getFloat(i) != all[i]) throw new IllegalStateException(name + ": wrote before the view at " + i);
        }
        for (int i = 0; i < expected.length(); i++) {
            double a = view.getFloat(i);
            double e = expected.getFloat(i);
            if (Math.abs(a - e) > 1e-4 * Math.max(1, Math.abs(e))) {
                throw new IllegalStateException(name + ": generated " + a + " vs ND4J chain " + e + " at " + i);
            }
        }
    }

    /** SMD for ψ = |w|^q / q written with ND4J ops: ψ'(w) = sign(w)|w|^(q-1), (ψ')⁻¹(θ) = sign(θ)|θ|^(1/(q-1)). */
    static void qnormChain(INDArray w, INDArray g, float lr, double q) {
        INDArray theta = Transforms.pow(Transforms.abs(w, true), q - 1, false).muli(Transforms.sign(w, true));
        Nd4j.getBlasWrapper().level1().axpy(theta.length(), -lr, g, theta);
        INDArray mag = Transforms.pow(Transforms.abs(theta, true), 1 / (q - 1), false);
        w.assign(mag.muli(Transforms.sign(theta, false)));
    }

    /** ψ = w log w − w: (ψ')⁻¹(log w − lr g) = w · exp(−lr g), the cheapest form (exponentiated gradient). */
    static void negEntropyChain(INDArray w, INDArray g, float lr) {
        w.muli(Transforms.exp(g.mul(-lr), false));
    }

    /** ψ = w asinh(w) − sqrt(w² + 1) (β = 1): ψ' = asinh, (ψ')⁻¹ = sinh. */
    static void hyperbolicChain(INDArray w, INDArray g, float lr) {
        INDArray theta = Nd4j.getExecutioner().exec(new ASinh(w, w.ulike()));
        Nd4j.getBlasWrapper().level1().axpy(theta.length(), -lr, g, theta);
        Transforms.sinh(theta, false);
        w.assign(theta);
    }

    // alternate the sign of lr so that the weights stay where they started
    private float lr() {
        return (steps++ & 1) == 0 ? 0.01f : -0.01f;
    }

    /** The fastest SGD a DL4J user writes: in-place BLAS saxpy, w ← w − lr·g. */
    @Benchmark
    public INDArray sgdAxpyNd4j() {
        Nd4j.getBlasWrapper().level1().axpy(size, -lr(), g, w);
        return w;
    }

    /** Reads g, writes w on ND4J buffers: the bandwidth bound of an in-place step. */
    @Benchmark
    public INDArray copyNd4j() {
        return w.assign(g);
    }

    /** The SMD step as a DL4J user writes it with ND4J ops. */
    @Benchmark
    public INDArray nd4jChain(Step s) {
        Kernel k = kernels.get(s.potential);
        INDArray target = k.positive() ? wPos : w;
        k.chain().step(target, g, lr());
        return target;
    }

    /** The generated kernel on the same ND4J buffers. */
    @Benchmark
    public int generated(Step s) {
        Kernel k = kernels.get(s.potential);
        return k.map().step(k.positive() ? wPosBuf : wBuf, gBuf, lr());
    }

    /** The q = 3 kernel on Java heap arrays: what the off-heap (MemorySegment) path costs, if anything. */
    @Benchmark
    public int q3GeneratedHeapArrays() {
        return kernels.get("q3").map().step(wHeap, gHeap, lr());
    }
}
