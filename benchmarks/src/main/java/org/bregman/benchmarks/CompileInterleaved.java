package org.bregman.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.bregman.codegen.FromSymbolic;
import org.bregman.codegen.JaninoCompiler;
import org.bregman.codegen.KernelSpec;
import org.bregman.codegen.MirrorMapTemplate;
import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.bregman.symbolic.Derivation;

/**
 * {@link CompilePhases}' phases for two builds in one JVM, round by round, so that the drift of a shared machine (which
 * moves separate runs by ±30 %) falls out of the per-round ratios:
 * {@code java -cp benchmarks/target/benchmarks.jar org.bregman.benchmarks.CompileInterleaved BEFORE.jar AFTER.jar [rounds]}.
 * Each jar (a {@code benchmarks.jar}) gets its own class loader, into which this class is defined again, so that its
 * rounds run that jar's code; the two alternate which goes first. Prints medians of the last half of the rounds (CPU ms
 * of this thread) and the median and quartiles of the per-round ratio after/before.
 */
public final class CompileInterleaved {

    private static final String[] PHASES = {"derive", "lower", "template", "janino", "load", "total, new source",
        "live, new shape", "live, 2nd binding of it", "first step", "first psi + bregman"};
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    /** This loader's compiler for the janino and load phases (every source is new: nothing from its cache). */
    private static final JaninoCompiler COMPILER = new JaninoCompiler(CompileInterleaved.class.getClassLoader());

    /** A new binding of QNorm compiled phase by phase: the map, its kernel spec and source, and the CPU time (ns) before each phase and after the last. */
    record NewSource(MirrorMap map, KernelSpec spec, String source, long[] times) {
    }

    /** Round i's new binding: derive, lower, template, Janino ({@code compiler}), load (shared with {@link CompilePhases}). */
    static NewSource newSource(int i, JaninoCompiler compiler, ThreadMXBean mx) throws Exception {
        long t0 = mx.getCurrentThreadCpuTime();
        Derivation d = Derivation.derive(Potentials.qnorm(), Map.of("q", 3.0 + (i + 1) * 1e-9));
        long t1 = mx.getCurrentThreadCpuTime();
        KernelSpec s = FromSymbolic.kernelOnly(d, null);
        long t2 = mx.getCurrentThreadCpuTime();
        String src = MirrorMapTemplate.generateKernelOnly(s);
        long t3 = mx.getCurrentThreadCpuTime();
        JaninoCompiler.Unit u = compiler.compile(src);
        long t4 = mx.getCurrentThreadCpuTime();
        MirrorMap m = (MirrorMap) u.load(Optimizers.className(s)).getDeclaredConstructor().newInstance();
        long t5 = mx.getCurrentThreadCpuTime();
        return new NewSource(m, s, src, new long[] {t0, t1, t2, t3, t4, t5});
    }

    /** The live entry point (scalar) on round i's potential of its own name, QNorm with q ≈ {@code q}. */
    static MirrorMap live(int i, double q) {
        return Optimizers.compile(Derivation.derive(Potentials.qnorm("QNorm" + i), Map.of("q", q + (i + 1) * 1e-9)), null,
                Optimizers.Options.SCALAR);
    }

    /** One round in the calling loader's build: the phases' CPU ms. */
    public static double[] round(int i) throws Exception {
        NewSource n = newSource(i, COMPILER, MX);
        MirrorMap m = n.map();
        long[] t = n.times();
        long t0 = t[0], t5 = t[5];
        // the live entry point on a potential never seen (a new class name), then another binding of it
        MirrorMap fresh = live(i, 3.0);
        long t6 = MX.getCurrentThreadCpuTime();
        MirrorMap second = live(i, 3.5);
        long t7 = MX.getCurrentThreadCpuTime();
        float[] w = {0.5f, -1.5f, 2f}, g = {0.1f, 0.2f, -0.3f};
        fresh.step(w, g, 0.01f);
        long t8 = MX.getCurrentThreadCpuTime();
        double b = fresh.psi(1.5) + fresh.bregman(w, g);
        long t9 = MX.getCurrentThreadCpuTime();
        if (!(m.grad(2.0) > 0) || !(second.grad(2.0) > 0) || Double.isNaN(b)) throw new AssertionError("compiled map is wrong");
        double[] ms = new double[PHASES.length];
        for (int p = 0; p < 5; p++) ms[p] = (t[p + 1] - t[p]) / 1e6;
        ms[5] = (t5 - t0) / 1e6;
        ms[6] = (t6 - t5) / 1e6;
        ms[7] = (t7 - t6) / 1e6;
        ms[8] = (t8 - t7) / 1e6;
        ms[9] = (t9 - t8) / 1e6;
        return ms;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) throw new IllegalArgumentException("usage: CompileInterleaved BEFORE.jar AFTER.jar [rounds]");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        Method[] round = {roundIn(Path.of(args[0])), roundIn(Path.of(args[1]))};
        double[][][] ms = new double[2][PHASES.length][rounds];
        double[][] ratio = new double[PHASES.length][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int k = i % 2, n = 0; n < 2; n++, k = 1 - k) {
                double[] r = (double[]) round[k].invoke(null, i);
                for (int p = 0; p < PHASES.length; p++) ms[k][p][i] = r[p];
            }
            for (int p = 0; p < PHASES.length; p++) ratio[p][i] = ms[1][p][i] / ms[0][p][i];
        }
        System.out.printf("%d rounds interleaved, medians of the last %d, CPU ms of this thread; before = %s, after = %s%n", rounds,
                rounds - rounds / 2, args[0], args[1]);
        for (int p = 0; p < PHASES.length; p++) {
            System.out.printf("%-24s before %7.3f  after %7.3f  after/before %.2f (quartiles %.2f–%.2f)%n", PHASES[p],
                    quantile(ms[0][p], 0.5), quantile(ms[1][p], 0.5), quantile(ratio[p], 0.5), quantile(ratio[p], 0.25),
                    quantile(ratio[p], 0.75));
        }
    }

    /** {@link #round} of this class defined again in a loader of {@code jar} (and the platform classes only). */
    private static Method roundIn(Path jar) throws IOException, ReflectiveOperationException {
        ClassLoader loader = new OwnClassesFirst(jar);
        return loader.loadClass(CompileInterleaved.class.getName()).getMethod("round", int.class);
    }

    /** A loader of one jar that defines this class and its nested ones from this build (the jar may lack them). */
    private static final class OwnClassesFirst extends URLClassLoader {
        private static final String OWN = CompileInterleaved.class.getName();

        OwnClassesFirst(Path jar) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
            if (!n.equals(OWN) && !n.startsWith(OWN + "$")) return super.loadClass(n, resolve);
            synchronized (getClassLoadingLock(n)) {
                Class<?> c = findLoadedClass(n);
                if (c != null) return c;
                try (InputStream in = CompileInterleaved.class.getClassLoader().getResourceAsStream(n.replace('.', '/') + ".class")) {
                    if (in == null) throw new ClassNotFoundException(n);
                    byte[] b = in.readAllBytes();
                    return defineClass(n, b, 0, b.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(n, e);
                }
            }
        }
    }

    private static double quantile(double[] x, double q) {
        double[] y = Arrays.copyOfRange(x, x.length / 2, x.length);
        Arrays.sort(y);
        return y[Math.min(y.length - 1, (int) (q * y.length))];
    }
}
