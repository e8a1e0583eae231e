package org.bregman.cli;

import static org.bregman.cli.CliFixture.run;
import static org.bregman.potential.testing.TestSources.QNORM;
import static org.bregman.potential.testing.TestSources.experiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bregman.cli.CliFixture.Result;
import org.bregman.potential.testing.TestJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@code bregman run} end to end: .potential file → language → code generator → trainer → report folder and console. */
class RunCommandTest extends CliFixture {

    @Test
    void runWritesTheReportFolder() throws IOException {
        Path out = dir.resolve("results");
        Result r = run("run", file("tiny.potential", CliTest.TINY).toString(), "--out", out.toString(), "--save-weights");
        assertEquals(0, r.status(), r.err());
        Path folder = out.resolve("Tiny");
        String json = Files.readString(folder.resolve("results.json"));
        assertTrue(json.contains("\"experiment\": \"Tiny\""), json);
        assertTrue(Files.exists(folder.resolve("summary.md")));
        assertTrue(Files.exists(folder.resolve("data/X.npy")), "synthetic data saved with --save-weights");
        assertTrue(json.contains("QNorm_q3_seed2_final.npy"), json);
    }

    @Test
    void runsAnExperimentWithGeneratedMirrorsAndShowsItsTablesAndVerdicts() throws Exception {
        Path f = file("tiny.potential", QNORM + experiment("Tiny").with("data", "regression(n = 5, d = 20, seed = 3)")
                .with("mirrors", "QNorm(q = 1.5), QNorm(q = 2)").with("init", "normal(std = 0.1) seeds 1 .. 2").with("lr", "0.3")
                .with("batch", "1")
                .with("until", "loss < 1e-10 or epochs >= 2000").with("report", "bregman, closest, exact, histogram"));
        Path out = dir.resolve("results");
        Result r = run("run", f.toString(), "--out", out.toString(), "--save-weights");
        assertEquals(0, r.status(), r.err());
        // one line per run, then the Bregman tables and every verdict, as in summary.md
        assertTrue(r.out().contains("[4/4] QNorm(q = 2), seed 2: converged after "), r.out());
        assertTrue(r.out().contains("| D_ψ \\ final of | QNorm(q = 1.5) | QNorm(q = 2) |"), r.out());
        String summary = Files.readString(out.resolve("Tiny/summary.md"));
        for (String verdict : new String[] {"**Bregman tables: diagonal is the row minimum in 4 of 4 rows.**",
                "**Closest tables: diagonal is the row minimum in ", "Largest relative distance: ", "Sparsest to densest "}) {
            assertTrue(r.out().contains(verdict), verdict + " in\n" + r.out());
            assertTrue(summary.contains(verdict), verdict + " in\n" + summary);
        }
        // the terminal shows neither the explanations nor the plots of summary.md
        assertFalse(r.out().contains("Row ψ") || r.out().contains("!["), r.out());
        assertTrue(r.out().contains("report: " + out.resolve("Tiny/summary.md")), r.out());
        assertTrue(summary.contains("| QNorm(q = 1.5) | 1 | converged |"), summary);
        String json = Files.readString(out.resolve("Tiny/results.json"));
        assertTrue(json.contains("\"args\": {\n        \"q\": 1.5\n      }"), json);
        assertTrue(Files.exists(out.resolve("Tiny/weights/QNorm_q1.5_seed2_final.npy")));
    }

    @Test
    void theConsoleSummarySetsTheBregmanBlockApartAndListsTheOtherVerdicts() {
        assertEquals("**Interrupted.**\n## Bregman\n\n| t |\n\n**Bregman tables.**\n\n**Closest.**\nLargest relative distance: 1.",
                RunCommand.consoleSummary(List.of("**Interrupted.**", "## Bregman\n\n| t |\n\n**Bregman tables.**", "**Closest.**",
                        "Largest relative distance: 1.")));
        assertEquals("", RunCommand.consoleSummary(List.of()));
    }

    @Test
    void fileErrorsAreReportedWithTheirPositionAndExitStatus1() throws IOException {
        Path bad = file("bad.potential", CliTest.TINY.replace("model   linear", "model   linearr"));
        Result r = run("run", bad.toString(), "--out", dir.toString());
        assertEquals(Main.INPUT_ERROR, r.status());
        assertTrue(r.err().contains("bad.potential:6:"), r.err());
        Path transformer = file("transformer.potential", QNORM + experiment("Bad").with("data", "regression(n = 5, d = 20)")
                .with("model", "transformer").with("mirrors", "QNorm(q = 2)").with("lr", "0.1").with("until", "epochs >= 3"));
        r = run("run", transformer.toString(), "--out", dir.resolve("r").toString());
        assertEquals(Main.INPUT_ERROR, r.status(), r.err());
        assertTrue(r.err().contains("transformer.potential:6:") && r.err().contains("error"), r.err());
    }

    @Test
    void anUnknownExperimentNameIsAUsageError() throws IOException {
        Path f = file("one.potential", QNORM + experiment("One").with("data", "regression(n = 5, d = 20)").with("mirrors", "QNorm(q = 2)")
                .with("lr", "0.1").with("until", "epochs >= 3"));
        Result r = run("run", f.toString(), "--experiment", "Two", "--out", dir.resolve("r").toString());
        assertEquals(Main.USAGE_ERROR, r.status());
        assertTrue(r.err().contains("no experiment named 'Two'"), r.err());
        assertEquals(Main.USAGE_ERROR, run("run", file("tiny.potential", CliTest.TINY).toString(), "--experiment", "Nope",
                "--out", dir.toString()).status());
    }

    @Test
    void missingDataIsAClearErrorNotAStackTrace() throws IOException {
        Path f = file("fm.potential", QNORM + experiment("Fm").with("data", "fashionMnist(limit = 100)").with("model", "mlp(8)")
                .with("loss", "crossEntropy")
                .with("mirrors", "QNorm(q = 2)").with("lr", "0.1").with("until", "epochs >= 1"));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result r = run("run", f.toString(), "--out", dir.resolve("r").toString(), "--data-dir", empty.toString());
        assertEquals(Main.INPUT_ERROR, r.status(), r.err());
        assertTrue(r.err().contains("apt-get install dataset-fashion-mnist"), r.err());
    }

    /** A real SIGINT to a JVM running an experiment: the finished run and the report folder survive. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void sigintEndsTheCurrentRunAndWritesWhatFinished() throws Exception {
        Path file = file("long.potential", QNORM + experiment("Long").with("data", "regression(n = 20, d = 100, seed = 1)")
                .with("mirrors", "QNorm(q = 2), QNorm(q = 3)").with("init", "normal(std = 0.1) seeds 1")
                .with("lr", "0.2 per mirror { QNorm(q = 3): 0.000001 }")
                .with("batch", "1").with("until", "loss < 1e-10 or epochs >= 100000000").with("report", "bregman"));
        Path out = dir.resolve("out");
        Process p = TestJvm.main(Main.class, "run", file.toString(), "--out", out.toString()).start();
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
        assertTrue(seen.toString().contains("report: " + out.resolve("Long/summary.md") + " (interrupted: finished runs kept)"),
                seen.toString());
        assertTrue(Files.readString(out.resolve("Long/summary.md")).contains("Interrupted (Ctrl-C)"));
    }
}
