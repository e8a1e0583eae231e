package org.bregman.train;

import java.util.Locale;

/**
 * ND4J's backend for {@code bregman run --backend cpu|cuda}. The default build carries only the CPU backend
 * ({@code nd4j-native}); the Maven profile {@code cuda} adds ND4J's CUDA 11.6 backend ({@code nd4j-cuda-11.6}, the
 * CUDA version ND4J 1.0.0-M2.1 publishes). With both on the class path ND4J takes the backend of the higher priority,
 * which it reads from the environment only ({@code BACKEND_PRIORITY_CPU}, {@code BACKEND_PRIORITY_GPU}; the
 * {@code bregman} script sets them from {@code --backend}); {@link #check} says when the loaded one is not the one asked for.
 */
public enum Backend {
    CPU("org.nd4j.linalg.cpu.nativecpu.CpuBackend", "nd4j-native"),
    CUDA("org.nd4j.linalg.jcublas.JCublasBackend", "nd4j-cuda-11.6");

    private final String backendClass;
    private final String artifact;

    Backend(String backendClass, String artifact) {
        this.backendClass = backendClass;
        this.artifact = artifact;
    }

    public static Backend parse(String name) {
        for (Backend b : values()) if (b.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) return b;
        throw new IllegalArgumentException("unknown backend '" + name + "' (cpu or cuda)");
    }

    /** Whether this build carries the backend (its class is on the class path; nothing of ND4J is loaded). */
    public boolean available() {
        try {
            Class.forName(backendClass, false, Backend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Before training: the backend must be in this build, and the one ND4J loads.
     *
     * @throws IllegalArgumentException with the message for the user otherwise
     */
    public void check() {
        String word = name().toLowerCase(Locale.ROOT);
        if (!available()) {
            throw new IllegalArgumentException("--backend " + word + ": this build has no " + artifact + " backend"
                    + (this == CUDA ? "; build the command line with the CUDA profile (./mvnw -Dheadless -Pcuda -pl plugins/org.bregman.cli -am package:"
                            + " ND4J 1.0.0-M2.1 with CUDA 11.6 and its cuDNN; Linux x86-64, an NVIDIA GPU and driver for CUDA 11.6)" : ""));
        }
        String loaded;
        try {
            loaded = org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getName();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("--backend " + word + ": ND4J could not start its backend: " + e.getMessage());
        }
        if (!loaded.equals(backendClass)) {
            throw new IllegalArgumentException("--backend " + word + ": ND4J loaded " + loaded + " instead; with both backends in the build, "
                    + "start the JVM with BACKEND_PRIORITY_" + (this == CUDA ? "GPU" : "CPU") + "=1000 in the environment (the bregman script does)");
        }
    }
}
