package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bregman run} end to end: .potential file → language → code generator → trainer → report folder. */
class ExperimentRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private static final String QNORM = """
            potential QNorm(q = 3 where q > 1) {
                psi(w) = |w|^q / q
            }
            """;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void runsAnExperimentWithGeneratedMirrorsAndWritesItsFolder() throws Exception {
        Path f = file("tiny.potential", QNORM + """
                experiment Tiny {
                    data    regression(n = 5, d = 20, seed = 3)
                    model   linear
                    loss    squared
                    mirrors QNorm(q = 1.5), QNorm(q = 2)
                    init    normal(std = 0.1) seeds 1 .. 2
                    lr      0.3
                    batch   1
                    until   loss < 1e-10 or epochs >= 2000
                    report  bregman, closest, exact
                }
                """);
        Path out = dir.resolve("results");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int status = ExperimentRunner.run(f, null, out, null, true,
                new ConsoleProgress(new PrintStream(console, true, StandardCharsets.UTF_8), false), err);
        assertEquals(0, status, errBytes.toString(StandardCharsets.UTF_8));
        String shown = console.toString(StandardCharsets.UTF_8);
        // one line per run, then the Bregman tables and the verdicts
        assertTrue(shown.contains("[4/4] QNorm(q = 2), seed 2: converged after "), shown);
        assertTrue(shown.contains("| D_ψ \\ final of | QNorm(q = 1.5) | QNorm(q = 2) |"), shown);
        assertTrue(shown.contains("**Bregman tables: diagonal is the row minimum in 4 of 4 rows.**"), shown);
        String summary = Files.readString(out.resolve("Tiny/summary.md"));
        assertTrue(summary.contains("**Bregman tables: diagonal is the row minimum in 4 of 4 rows.**"), summary);
        assertTrue(summary.contains("| QNorm(q = 1.5) | 1 | converged |"), summary);
        String json = Files.readString(out.resolve("Tiny/results.json"));
        assertTrue(json.contains("\"args\": {\n        \"q\": 1.5\n      }"), json);
        assertTrue(Files.exists(out.resolve("Tiny/weights/QNorm_q1.5_seed2_final.npy")));
    }

    @Test
    void fileErrorsAreReportedWithTheirPositionAndExitStatus1() throws Exception {
        Path f = file("bad.potential", QNORM + """
                experiment Bad {
                    data    regression(n = 5, d = 20)
                    model   transformer
                    loss    squared
                    mirrors QNorm(q = 2)
                    lr      0.1
                    until   epochs >= 3
                }
                """);
        int status = ExperimentRunner.run(f, null, dir.resolve("r"), null, false, null, err);
        String text = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text);
        assertTrue(text.contains("bad.potential:6:"), text);
        assertTrue(text.contains("error"), text);
    }

    @Test
    void anUnknownExperimentNameIsAUsageError() throws Exception {
        Path f = file("one.potential", QNORM + """
                experiment One {
                    data    regression(n = 5, d = 20)
                    model   linear
                    loss    squared
                    mirrors QNorm(q = 2)
                    lr      0.1
                    until   epochs >= 3
                }
                """);
        assertEquals(2, ExperimentRunner.run(f, "Two", dir.resolve("r"), null, false, null, err));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("no experiment named 'Two'"));
    }

    @Test
    void missingDataIsAClearErrorNotAStackTrace() throws Exception {
        Path f = file("fm.potential", QNORM + """
                experiment Fm {
                    data    fashionMnist(limit = 100)
                    model   mlp(8)
                    loss    crossEntropy
                    mirrors QNorm(q = 2)
                    lr      0.1
                    until   epochs >= 1
                }
                """);
        int status = ExperimentRunner.run(f, null, dir.resolve("r"), dir.resolve("empty"), false, null, err);
        String text = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text);
        assertTrue(text.contains("apt-get install dataset-fashion-mnist"), text);
        assertTrue(!text.contains("\tat "), text);
    }
}
