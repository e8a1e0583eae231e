package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A real SIGINT to a JVM running an experiment: the finished run and the report folder survive. */
class CtrlCTest {

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void sigintEndsTheCurrentRunAndWritesWhatFinished() throws Exception {
        Path file = dir.resolve("long.potential");
        Files.writeString(file, """
                potential QNorm(q = 3 where q > 1) {
                    psi(w) = |w|^q / q
                }
                experiment Long {
                    data    regression(n = 20, d = 100, seed = 1)
                    model   linear
                    loss    squared
                    mirrors QNorm(q = 2), QNorm(q = 3)
                    init    normal(std = 0.1) seeds 1
                    lr      0.2 per mirror { QNorm(q = 3): 0.000001 }
                    batch   1
                    until   loss < 1e-10 or epochs >= 100000000
                    report  bregman
                }
                """);
        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                RunFileMain.class.getName(), file.toString(), out.toString()).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            boolean first = false;
            while (!first && System.nanoTime() < deadline && (line = r.readLine()) != null) {
                seen.append(line).append('\n');
                first = line.startsWith("[1/2] QNorm(q = 2), seed 1: converged");
            }
            assertTrue(first, "the first run finished:\n" + seen);
            Thread.sleep(1500); // into the second, endless run
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            while ((line = r.readLine()) != null) seen.append(line).append('\n');
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM exited after SIGINT");
        String json = Files.readString(out.resolve("Long/results.json"));
        assertTrue(json.contains("\"interrupted\": true"), json);
        assertTrue(json.contains("\"status\": \"converged\""), json);
        assertTrue(json.contains("\"status\": \"interrupted\""), json);
        assertTrue(seen.toString().contains("[2/2] QNorm(q = 3), seed 1: interrupted"), seen.toString());
        assertTrue(Files.readString(out.resolve("Long/summary.md")).contains("Interrupted (Ctrl-C)"));
    }
}
