package org.bregman.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of ND4J's native builds runs, and with how many threads. ND4J 1.0.0-M2.1 publishes {@code nd4j-native}
 * for {@code linux-x86_64} (generic), {@code -avx2}, {@code -avx512} and {@code -onednn-avx2}; JavaCPP loads the
 * one named by the system property {@code org.bytedeco.javacpp.platform.extension}. {@link #select()} sets it
 * before ND4J starts, from the processor's flags and the builds on the class path (the generic one is the
 * fallback), unless the user chose: {@code -Dorg.bytedeco.javacpp.platform.extension=…} or the environment
 * variable {@code BREGMAN_ND4J_BUILD=generic|avx2|avx512|onednn-avx2}.
 */
public final class NativeBackend {

    private static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /**
     * Most preferred first; each with the processor flags it needs. None is bundled: on this project's machines none
     * beat the generic build on a small CNN epoch and oneDNN's was slower (BENCHMARKS.md), while each adds 83–94 MB to
     * the CLI and the Eclipse plug-in. A user who puts one on the class path gets it.
     */
    private static final List<Build> BUILDS = List.of(
            new Build("avx512", Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl")),
            new Build("avx2", Set.of("avx2", "fma")),
            new Build("onednn-avx2", Set.of("avx2", "fma")));

    private record Build(String name, Set<String> flags) {
    }

    private NativeBackend() {
    }

    /** Chooses the native build (once, before the first ND4J class loads); returns its name. */
    public static synchronized String select() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen != null) return name(chosen);
        String wanted = System.getenv("BREGMAN_ND4J_BUILD");
        if (wanted != null && !wanted.isBlank()) {
            String ext = wanted.equals("generic") ? "" : "-" + wanted;
            if (!ext.isEmpty() && !onClassPath(ext)) {
                throw new IllegalStateException("BREGMAN_ND4J_BUILD=" + wanted + ": no such ND4J native build on the class path"
                        + " (generic" + BUILDS.stream().filter(b -> onClassPath("-" + b.name())).map(b -> ", " + b.name()).reduce("", String::concat) + ")");
            }
            System.setProperty(PROPERTY, ext);
            return name(ext);
        }
        Set<String> flags = cpuFlags();
        for (Build b : BUILDS) {
            if (flags.containsAll(b.flags()) && onClassPath("-" + b.name())) {
                System.setProperty(PROPERTY, "-" + b.name());
                return b.name();
            }
        }
        System.setProperty(PROPERTY, "");
        return "generic";
    }

    private static String name(String ext) {
        return ext.isEmpty() ? "generic" : ext.substring(1);
    }

    private static boolean onClassPath(String ext) {
        return NativeBackend.class.getClassLoader()
                .getResource("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64" + ext + "/libnd4jcpu.so") != null;
    }

    private static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: the generic build
        }
        return Set.of();
    }

    /** Threads for the products (OpenBLAS) and ND4J's own operations. */
    public static void threads(int n) {
        org.nd4j.linalg.factory.Nd4j.factory().blas().setMaxThreads(n);
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(n);
    }

    /** E.g. {@code nd4j-native linux-x86_64-avx512, BLAS with 8 threads}. */
    public static String describe() {
        String ext = System.getProperty(PROPERTY, "");
        return String.format(Locale.ROOT, "nd4j-native linux-x86_64%s, BLAS with %d thread(s)", ext,
                org.nd4j.linalg.factory.Nd4j.factory().blas().getMaxThreads());
    }
}
