package org.bregman.potential.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A fresh JVM for the tests that need a process of their own (a real SIGINT, a class path of one jar). */
public final class TestJvm {

    private TestJvm() {
    }

    /** {@code java ARGS} with this JVM's {@code java}; stderr merged into stdout. */
    public static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** {@code main} of a class on this test's class path (the Vector API module added, as the CLI starts). */
    public static ProcessBuilder main(Class<?> main, String... args) {
        return main(List.of(), main, args);
    }

    /** {@code main} of a class on this test's class path, with JVM options (e.g. {@code -Xmx1g}) first. */
    public static ProcessBuilder main(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        all.addAll(List.of(args));
        return java(all.toArray(String[]::new));
    }

    /** Runs the process to its end (at most a minute) and returns its exit status and output. */
    public static Finished run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + pb.command() + "\n" + out);
        }
        return new Finished(p.exitValue(), out);
    }

    public record Finished(int status, String out) {
    }
}
