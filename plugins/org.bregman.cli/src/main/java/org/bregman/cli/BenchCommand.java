package org.bregman.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.bregman.train.report.Json;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bregman.codegen.Optimizers;
import org.bregman.runtime.Interval;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.TimeVaryingMirrorMap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Times the generated in-place step of one potential against plain SGD ({@code w -= lr*g}) and a plain
 * copy (the memory-bandwidth bound) over the same float arrays, with the same number of threads.
 * Medians over repeated runs after a warm-up; ratios are what to compare across machines.
 */
@Command(name = "bench",
        description = "Time the generated in-place step against plain SGD and a plain copy (medians, ns per element).")
final class BenchCommand extends Verb {

    @Mixin
    SourceFile source;

    @Option(names = "--potential", required = true, paramLabel = "NAME")
    String potential;

    @Mixin
    ParameterValues parameters;

    @Option(names = "--size", paramLabel = "N", description = "elements per buffer, e.g. 670k, 10M (default: ${DEFAULT-VALUE})",
            defaultValue = "10M")
    String size;

    @Option(names = "--threads", paramLabel = "N", description = "threads (default: the number of processors)")
    Integer threads;

    @Option(names = "--runs", paramLabel = "N", description = "timed runs per kernel (default: ${DEFAULT-VALUE})", defaultValue = "15")
    int runs;

    @Mixin
    JsonOutput output;

    @Option(names = "--epoch", description = "time whole training epochs (SGD and the mirror step) instead of the step alone")
    boolean epoch;

    @Option(names = "--model", paramLabel = "MODEL", description = "with --epoch: the model, as in an experiment (default: ${DEFAULT-VALUE})",
            defaultValue = "mlp(512, 512)")
    String model;

    @Option(names = "--data", paramLabel = "DATA", description = "with --epoch: the data (default: ${DEFAULT-VALUE})",
            defaultValue = "fashionMnist(limit = 2048)")
    String data;

    @Option(names = "--loss", paramLabel = "LOSS", description = "with --epoch: the loss (default: ${DEFAULT-VALUE})", defaultValue = "crossEntropy")
    String loss;

    @Option(names = "--batch", paramLabel = "N", description = "with --epoch: the mini-batch size (default: ${DEFAULT-VALUE})", defaultValue = "64")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "with --epoch: the learning rate (default: ${DEFAULT-VALUE})", defaultValue = "0.01")
    double lr;

    @Option(names = "--rounds", paramLabel = "N", description = "with --epoch: timed rounds after the warm-up rounds (default: ${DEFAULT-VALUE})",
            defaultValue = "5")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", description = "with --epoch: untimed rounds first (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int warmup;

    /** --threads, or the number of processors; between 1 and 1024. */
    private int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) throw new Main.UserError("--threads must be between 1 and 1024", Main.USAGE_ERROR);
        return t;
    }

    @Override
    public Integer call() throws Exception {
        if (epoch) {
            int t = threads();
            if (rounds < 1) throw new Main.UserError("--rounds must be at least 1", Main.USAGE_ERROR);
            if (warmup < 0) throw new Main.UserError("--warmup must be at least 0", Main.USAGE_ERROR);
            if (batch < 1) throw new Main.UserError("--batch must be at least 1", Main.USAGE_ERROR);
            if (!(lr > 0) || Double.isInfinite(lr)) throw new Main.UserError("--lr must be a positive number", Main.USAGE_ERROR);
            loadValid(List.of(source.file)).one(potential); // the file itself is valid and has the potential
            return EpochBench.run(source.file, new EpochBench.Settings(potential, parameters.values(), model, data, loss, batch, lr, rounds, warmup, t),
                    output.json, out(), err());
        }
        int n = (int) Values.size("--size", size);
        long need = 2L * 4 * n; // w and g, float32
        long max = Runtime.getRuntime().maxMemory();
        if (need > max / 10 * 8) {
            throw new Main.UserError(String.format(java.util.Locale.ROOT,
                    "--size %s: two buffers of %,d floats need about %,d MiB; this JVM may use %,d MiB (raise -Xmx or use a smaller size)",
                    Values.shown(size), n, need >> 20, max >> 20), Main.USAGE_ERROR);
        }
        int t = threads();
        if (runs < 1) {
            throw new Main.UserError("--runs must be at least 1", Main.USAGE_ERROR);
        }
        Loader.Potential p = loadValid(List.of(source.file)).one(potential);
        MirrorMap smd = Loader.compile(p, parameters.values(), new Optimizers.Options(true, t));
        PrintWriter err = err();
        err.printf("bregman: %s %s, kernel: %s, %,d floats, %d thread%s%n", p.name(), smd.parameters(),
                Optimizers.kernelKind(smd), n, t, t == 1 ? "" : "s");

        float[] w = new float[n];
        float[] g = new float[n];
        fill(w, g, smd.domain());
        float lr = 1e-6f;
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "bench");
            th.setDaemon(true);
            return th;
        });
        try {
            Kernel smdK = () -> smd.step(w, 0, g, 0, n, lr);
            double[] clock = {0};
            Kernel sgdK = () -> parallel(pool, t, n, (a, b) -> {
                for (int i = a; i < b; i++) w[i] -= lr * g[i];
            });
            Kernel copyK = () -> parallel(pool, t, n, (a, b) -> System.arraycopy(g, a, w, a, b - a));
            // warm-up: let the JIT compile all three before anything is timed
            for (int i = 0; i < 5; i++) {
                smdK.run();
                sgdK.run();
                copyK.run();
                fill(w, g, smd.domain());
            }
            // a time-varying potential: its step between two times against the same potential fixed at t = 0 (the class
            // specialised there), interleaved run by run so that both see the same machine load
            double[] timed = smd instanceof TimeVaryingMirrorMap tv ? interleaved(smdK, () -> {
                tv.between(clock[0], clock[0] + lr).step(w, 0, g, 0, n, lr);
                clock[0] += lr;
            }, w, g, smd.domain(), n) : null;
            double smdNs = timed != null ? timed[0] : median(smdK, w, g, smd.domain(), n);
            double sgdNs = median(sgdK, w, g, smd.domain(), n);
            double copyNs = median(copyK, w, g, smd.domain(), n);
            if (output.json) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("size", n);
                r.put("threads", t);
                r.put("kernelKind", Optimizers.kernelKind(smd));
                List<Object> results = new ArrayList<>();
                results.add(row("smd", smdNs));
                results.add(row("sgd", sgdNs));
                results.add(row("copy", copyNs));
                if (timed != null) results.add(row("smd-time-varying", timed[1]));
                r.put("results", results);
                out().print(Json.write(r));
            } else {
                PrintWriter out = out();
                out.printf("%-6s %12s %10s%n", "kernel", "ns/element", "vs SGD");
                out.printf("%-6s %12.3f %9.2fx%n", "smd", smdNs, smdNs / sgdNs);
                out.printf("%-6s %12.3f %9.2fx%n", "sgd", sgdNs, 1.0);
                out.printf("%-6s %12.3f %9.2fx%n", "copy", copyNs, copyNs / sgdNs);
                if (timed != null) {
                    out.printf("%-6s %12.3f %9.2fx%n", "smd(t)", timed[1], timed[1] / sgdNs);
                    out.printf("smd(t), the step from t to t + lr, is %.2fx smd, the same potential fixed at t = 0 (interleaved)%n", timed[1] / timed[0]);
                }
                out.printf("medians of %d runs; smd is %.2fx the copy bound%n", runs, smdNs / copyNs);
            }
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private static Map<String, Object> row(String kernel, double ns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kernel", kernel);
        m.put("nsPerElement", Math.round(ns * 1e4) / 1e4);
        return m;
    }

    /** The medians of two kernels timed alternately, run by run. */
    private double[] interleaved(Kernel a, Kernel b, float[] w, float[] g, Interval domain, int n) throws Exception {
        double[] na = new double[runs], nb = new double[runs];
        for (int r = 0; r < 5; r++) { // warm-up of both
            a.run();
            b.run();
        }
        for (int r = 0; r < runs; r++) {
            if (r % 5 == 0) fill(w, g, domain);
            long t0 = System.nanoTime();
            a.run();
            long t1 = System.nanoTime();
            b.run();
            na[r] = (t1 - t0) / (double) n;
            nb[r] = (System.nanoTime() - t1) / (double) n;
        }
        Arrays.sort(na);
        Arrays.sort(nb);
        return new double[] {na[runs / 2], nb[runs / 2]};
    }

    private double median(Kernel k, float[] w, float[] g, Interval domain, int n) throws Exception {
        double[] ns = new double[runs];
        for (int r = 0; r < runs; r++) {
            if (r % 5 == 0) {
                fill(w, g, domain); // keep the weights where they started (many steps drift them)
            }
            long t0 = System.nanoTime();
            k.run();
            ns[r] = (System.nanoTime() - t0) / (double) n;
        }
        Arrays.sort(ns);
        return ns[runs / 2];
    }

    /** Weights inside the domain (away from its ends), small gradients: no step leaves the domain. */
    private static void fill(float[] w, float[] g, Interval domain) {
        double lo = Math.max(domain.lower(), -1.0);
        double hi = Math.min(domain.upper(), 1.0);
        if (hi - lo <= 0 || !Double.isFinite(hi - lo)) {
            lo = domain.lower();
            hi = domain.lower() + 1;
        }
        double a = lo + 0.05 * (hi - lo);
        double b = hi - 0.05 * (hi - lo);
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (a + (b - a) * rnd.nextDouble());
            g[i] = (float) rnd.nextDouble(-1, 1);
        }
    }

    private interface Kernel {
        void run() throws Exception;
    }

    private interface Range {
        void run(int from, int to);
    }

    private static void parallel(ExecutorService pool, int t, int n, Range body) throws Exception {
        if (t == 1) {
            body.run(0, n);
            return;
        }
        List<Future<?>> fs = new ArrayList<>(t);
        int chunk = (n + t - 1) / t;
        for (int i = 0; i < t; i++) {
            int a = i * chunk;
            int b = Math.min(n, a + chunk);
            if (a < b) fs.add(pool.submit(() -> body.run(a, b)));
        }
        for (Future<?> f : fs) f.get();
    }
}
