package org.bregman.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bregman.codegen.FromSymbolic;
import org.bregman.codegen.KernelSpec;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.Derivation;
import org.openjdk.jmh.annotations.*;

/**
 * The first compile of a potential in a fresh JVM (derive, bind, generate, Janino, load): one shot
 * per fork and no setup that could warm anything. Run with {@code -wi 0 -i 1 -f N}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 8, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdCompileBenchmark {

    private static final AtomicLong COUNTER = new AtomicLong();

    @Benchmark
    public MirrorMap firstCompile() {
        double q = 3.0 + COUNTER.incrementAndGet() * 1e-9; // extra shots would be new sources, never cache hits
        KernelSpec s = FromSymbolic.spec(Derivation.derive(Potentials.qnorm(), Map.of("q", q)), null);
        return Optimizers.compile(s, Optimizers.Options.SCALAR);
    }
}
