package org.bregman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bregman.potential.testing.TestJvm;
import org.bregman.potential.testing.TestSources;
import org.junit.jupiter.api.Test;

/** The CLI as a user runs it (in-process): exit statuses, output formats, no stack traces. */
class CliTest extends CliFixture {

    static final String QNORM = """
            /** ℓq potential; q = 2 is plain SGD. */
            potential QNorm(q = 3 where q > 1) {
                psi(w) = |w|^q / q
            }
            potential Quartic {
                psi(w) = w^4 / 4 + w^2 / 2
            }
            """;

    @Test
    void checkOfAGoodFileSucceedsQuietly() throws IOException {
        Result r = run("check", file("ok.potential", QNORM).toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("0 errors"), r.err());
    }

    @Test
    void checkReportsEachMistakeWithFileLineColumnAndStatus1() throws IOException {
        assertDiagnostic("log.potential", """
                potential Log {
                    psi(w) = w * log(w)
                }
                """, 2, "domain w > 0");
        assertDiagnostic("flat.potential", """
                potential Flat(q = 1 where q >= 1) {
                    psi(w) = |w|^q / q
                }
                """, -1, "convex");
        assertDiagnostic("typo.potential", """
                potential Typo {
                    psi(w) = w^2 + foo
                }
                """, 2, "foo");
        assertDiagnostic("syntax.potential", """
                potential Syntax {
                    psi(w) = w^2 +
                }
                """, 3, "");
    }

    /** One error diagnostic in the CLI format, on {@code line} (any line when -1), mentioning {@code text}. */
    private void assertDiagnostic(String name, String source, int line, String text) throws IOException {
        Result r = run("check", file(name, source).toString());
        assertEquals(Main.INPUT_ERROR, r.status(), r.out());
        Pattern diag = Pattern.compile("^(.+" + Pattern.quote(name) + "):(\\d+):(\\d+): error: (.+)$", Pattern.MULTILINE);
        Matcher m = diag.matcher(r.out());
        boolean found = false;
        while (m.find()) {
            found |= (line < 0 || Integer.parseInt(m.group(2)) == line) && m.group(4).contains(text);
        }
        assertTrue(found, "expected an error on line " + line + " mentioning '" + text + "' in\n" + r.out());
    }

    @Test
    void checkOfAMissingFileIsAnInputError() {
        Result r = run("check", dir.resolve("nope.potential").toString());
        assertEquals(Main.INPUT_ERROR, r.status());
        assertTrue(r.out().contains("nope.potential:1:1: error:"), r.out());
    }

    @Test
    void deriveJsonNamesTheInverseKind() throws IOException {
        Result r = run("derive", file("q.potential", QNORM).toString(), "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"grad\": \"sign(w) * |w|^(q - 1)\""), r.out());
        assertTrue(r.out().contains("\"inverseKind\": \"closed-form\""), r.out());
        assertTrue(r.out().contains("\"inverseKind\": \"numeric\""), r.out());
    }

    @Test
    void deriveTextShowsEveryPart() throws IOException {
        Result r = run("derive", file("q.potential", QNORM).toString(), "--potential", "QNorm");
        assertEquals(0, r.status(), r.err());
        for (String part : new String[] {"psi(w)", "grad(w)", "hessian(w)", "inverse(z)", "bregman(w, v)", "domain", "dual domain"}) {
            assertTrue(r.out().contains(part), part + " missing in\n" + r.out());
        }
        assertFalse(r.out().contains("Quartic"));
    }

    @Test
    void evalComputesWithTheCompiledOptimizer() throws IOException {
        Result r = run("eval", file("q.potential", QNORM).toString(), "--potential", "QNorm", "--set", "q=3",
                "--w", "0.5,1.5", "--z", "0.25", "--bregman", "0.5:1.5", "--json");
        assertEquals(0, r.status(), r.err());
        // psi(0.5) = 0.5^3 / 3, grad(1.5) = 1.5 * |1.5|, inverse(0.25) = sqrt(0.25), D(0.5, 1.5) by hand
        double d = 0.125 / 3 - 3.375 / 3 - 2.25 * (0.5 - 1.5);
        assertTrue(r.out().contains("\"psi\": [" + (0.125 / 3) + ", " + (3.375 / 3) + "]"), r.out());
        assertTrue(r.out().contains("\"grad\": [0.25, 2.25]"), r.out());
        assertTrue(r.out().contains("\"inverse\": [0.5]"), r.out());
        Matcher m = Pattern.compile("\"bregman\": \\[([^\\]]+)\\]").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(d, Double.parseDouble(m.group(1)), 1e-15);
    }

    @Test
    void evalOfAValueThatViolatesWhereIsAUsageError() throws IOException {
        // the value comes from the command line: status 2, like --set q=abc (issue 15)
        Result r = run("eval", file("q.potential", QNORM).toString(), "--potential", "QNorm", "--set", "q=1", "--w", "1");
        assertEquals(Main.USAGE_ERROR, r.status());
        assertTrue(r.err().contains("q > 1"), r.err());
    }

    @Test
    void usageErrorsExitWith2() throws IOException {
        assertEquals(Main.USAGE_ERROR, run().status());
        assertEquals(Main.USAGE_ERROR, run("frobnicate").status());
        assertEquals(Main.USAGE_ERROR, run("eval", file("q.potential", QNORM).toString(), "--w", "1").status());
        assertEquals(Main.USAGE_ERROR, run("eval", file("q.potential", QNORM).toString(), "--potential", "QNorm",
                "--w", "abc").status());
    }

    @Test
    void benchPrintsTheSpecShape() throws IOException {
        Result r = run("bench", file("q.potential", QNORM).toString(), "--potential", "QNorm", "--size", "20k",
                "--threads", "1", "--runs", "3", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"size\": 20000"), r.out());
        assertTrue(r.out().contains("\"threads\": 1"), r.out());
        for (String k : new String[] {"smd", "sgd", "copy"}) {
            assertTrue(r.out().contains("\"kernel\": \"" + k + "\""), r.out());
        }
    }

    @Test
    void benchEpochTimesWholeEpochsOfSgdAndTheMirrorStep() throws IOException {
        Result r = run("bench", file("q.potential", QNORM).toString(), "--epoch", "--potential", "QNorm", "--set", "q=3",
                "--model", "mlp(8)", "--data", "teacher(n = 64, d = 6, width = 3, seed = 1)", "--batch", "16", "--threads", "1",
                "--rounds", "2", "--json");
        assertEquals(0, r.status(), r.err());
        String flat = r.out().replaceAll("\\s+", "");
        Matcher m = Pattern.compile("\"epochSeconds\":\\{\"sgd\":([0-9.eE-]+),\"smd\":([0-9.eE-]+)\\}").matcher(flat);
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) > 0 && Double.parseDouble(m.group(2)) > 0, r.out());
        assertTrue(Pattern.compile("\"rounds\":\\{\"sgd\":\\[[0-9.eE-]+,[0-9.eE-]+\\],\"smd\":\\[[0-9.eE-]+,[0-9.eE-]+\\]\\}")
                .matcher(flat).find(), r.out());
        assertTrue(flat.contains("\"threads\":1,"), r.out());
        assertTrue(flat.contains("\"parameters\":" + (6 * 8 + 8 + 8 * 2 + 2) + ","), r.out());
        // a wrong model is the language's message, said to come from the options, exit 1
        Result bad = run("bench", file("q.potential", QNORM).toString(), "--epoch", "--potential", "QNorm", "--model", "mlp(0)",
                "--data", "teacher(n = 64, d = 6, width = 3, seed = 1)");
        assertEquals(Main.INPUT_ERROR, bad.status(), bad.err());
        assertTrue(bad.err().contains("bench --epoch") && !bad.err().contains("Exception"), bad.err());
    }

    @Test
    void exportWritesAJarThatWorksWithNothingElseOnTheClassPath() throws Exception {
        Path jar = dir.resolve("out/optimizer.jar");
        Result r = run("export", file("q.potential", QNORM).toString(), "--potential", "QNorm", "-o", jar.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(jar) > 0);
        // a fresh JVM with only the jar: find the factory through ServiceLoader and take one step
        Path src = dir.resolve("Use.java");
        Files.writeString(src, """
                import java.util.Map;
                import org.bregman.runtime.*;
                public class Use {
                    public static void main(String[] a) {
                        MirrorMap m = MirrorMaps.create("QNorm", Map.of("q", 3.0));
                        float[] w = {0.5f, -2f};
                        float[] g = {1f, 1f};
                        int bad = m.step(w, g, 0.125f);
                        System.out.println(bad + " " + w[0] + " " + w[1]);
                    }
                }
                """);
        TestJvm.Finished use = TestJvm.run(TestJvm.java("-cp", jar.toString(), src.toString()));
        String out = use.out().trim();
        assertEquals(0, use.status(), out);
        // q = 3: z = w|w| - lr*g, w = sign(z) sqrt|z|: 0.25 - 0.125 -> sqrt(0.125); -4 - 0.125 -> -sqrt(4.125)
        String[] parts = out.split(" ");
        assertEquals("-1", parts[0], out);
        assertEquals((float) Math.sqrt(0.125), Float.parseFloat(parts[1]), 1e-7f);
        assertEquals((float) -Math.sqrt(4.125), Float.parseFloat(parts[2]), 1e-6f);
    }

    /** Two mirrors from two seeds on a tiny regression: the experiment the run tests start from. */
    static final String TINY = TestSources.QNORM + TestSources.experiment("Tiny").with("data", "regression(n = 5, d = 20, seed = 1)")
            .with("mirrors", "QNorm(q = 2), QNorm(q = 3)").with("init", "normal(std = 0.1) seeds 1 .. 2").with("lr", "0.05")
            .with("batch", "1")
            .with("until", "loss < 1e-10 or epochs >= 2000").with("report", "bregman, closest, exact");
}
