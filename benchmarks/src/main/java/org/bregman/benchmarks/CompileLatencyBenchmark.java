package org.bregman.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bregman.codegen.FromSymbolic;
import org.bregman.codegen.JaninoCompiler;
import org.bregman.codegen.KernelSpec;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.Derivation;
import org.openjdk.jmh.annotations.*;

/**
 * Compile latency of one potential (QNorm): derivation → Java source → Janino class → instance.
 * <ul>
 * <li>{@code ColdCompileBenchmark.firstCompile}: the first compile in a fresh JVM;
 * <li>{@code warmNewSource}: a never-seen source in a warmed-up JVM (a new q each call: derive, bind, lower,
 *     generate, Janino, load), through the live compile's entry point ({@code Optimizers.compile(derivation, …)}): a
 *     new binding of a shape compiled before;
 * <li>{@code warmNewShape}: the same for a potential of a new name each call, a shape never compiled;
 * <li>{@code warmCacheHit}: the same source again (generate, SHA-256, cache hit, instantiate);
 * <li>{@code warmJaninoOnly}: Janino alone on a new kernel-only source (one compiler, as the shared one).
 * </ul>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CompileLatencyBenchmark {

    private static final AtomicLong COUNTER = new AtomicLong();
    private KernelSpec fixed;
    private JaninoCompiler compiler;

    @Setup
    public void setup() {
        fixed = FromSymbolic.spec(Derivation.derive(Potentials.qnorm(), Map.of("q", 3.0)), null);
        Optimizers.compile(fixed, Optimizers.Options.SCALAR);
        compiler = new JaninoCompiler(getClass().getClassLoader());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public MirrorMap warmNewSource() {
        double q = 3.0 + COUNTER.incrementAndGet() * 1e-9; // a new binding: a new source, never cached
        return Optimizers.compile(Derivation.derive(Potentials.qnorm(), Map.of("q", q)), null, Optimizers.Options.SCALAR);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public MirrorMap warmNewShape() {
        long k = COUNTER.incrementAndGet(); // a potential of a new name: a new class, a shape never compiled
        return Optimizers.compile(Derivation.derive(Potentials.qnorm("QNorm" + k), Map.of("q", 3.0 + k * 1e-9)), null,
                Optimizers.Options.SCALAR);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public MirrorMap warmCacheHit() {
        return Optimizers.compile(fixed, Optimizers.Options.SCALAR);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Object warmJaninoOnly() throws Exception {
        // Janino alone on a new kernel-only source (what a live compile feeds it; generation excluded): a new source each call
        String src = org.bregman.codegen.MirrorMapTemplate.generateKernelOnly(fixed);
        return compiler.compile(src + "\n// " + COUNTER.incrementAndGet());
    }

    static List<String> names() {
        return List.of("warmNewSource", "warmNewShape", "warmCacheHit", "warmJaninoOnly");
    }
}
