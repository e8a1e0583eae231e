package org.bregman.cli;

import static org.bregman.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.bregman.cli.CliFixture.Result;
import org.bregman.potential.testing.TestSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: hostile input gets a located message and status 0/1/2 — never an internal error, a hang or an
 * out-of-memory. Each case is a reproducer of a defect found against the CLI.
 */
class HostileInputTest extends CliFixture {

    static final Pattern LOCATED = Pattern.compile("^\\S+:\\d+:\\d+: (error|warning): .*$");

    static String psi(String body) {
        return "potential P {\n    psi(w) = " + body + "\n}\n";
    }

    /** check of one file: status 1, every line located, the expected words on line 2 (the psi line). */
    Result checkFails(String name, String text, String expected) throws IOException {
        Result r = run("check", file(name, text).toString());
        assertEquals(Main.INPUT_ERROR, r.status(), r.out() + r.err());
        for (String line : r.out().split("\n")) assertTrue(LOCATED.matcher(line).matches(), line);
        assertTrue(r.out().contains(name + ":2:") && r.out().contains(expected), r.out());
        assertFalse(r.out().contains("Exception") || r.out().contains("internal error"), r.out());
        return r;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void deepOrLargeExpressionsAreLocatedErrorsBeforeAnythingIsDerived() throws IOException {
        checkFails("pow80.potential", psi("w^".repeat(80) + "2"), "levels");
        String sqrt = "w^2";
        for (int i = 0; i < 14; i++) sqrt = "sqrt(1 + " + sqrt + ")";
        checkFails("sqrt14.potential", psi(sqrt), "function calls inside one another");
        String exp = "w";
        for (int i = 0; i < 50; i++) exp = "exp(" + exp + ")";
        checkFails("exp50.potential", psi(exp), "function calls inside one another");
        checkFails("paren200.potential", psi("(".repeat(200) + "w^2" + ")".repeat(200)), "parentheses");
        checkFails("paren5000.potential", psi("(".repeat(5000) + "w^2" + ")".repeat(5000)), "parentheses");
        checkFails("sum2000.potential", psi(String.join(" + ", java.util.Collections.nCopies(2000, "w"))), "levels");
        checkFails("sum20000.potential", psi(String.join(" + ", java.util.Collections.nCopies(20000, "w"))), "too large");
        // within the limits: still derived
        assertEquals(0, run("check", file("ok.potential", psi("(((w^2))) / 2 + exp(exp(w))")).toString()).status());
    }

    @Test
    void sizesAreCheckedAgainstTheLimitsAndTheMemory() throws IOException {
        String[][] cases = {
                {"regression(n = 5, d = 5)", "linear", "seeds 1 .. 1000000000", "epochs >= 10", "at most 10,000 runs"},
                {"regression(n = 3000000000, d = 4)", "linear", "", "epochs >= 10", "at most 2147483647"},
                {"regression(n = 5, d = 4294967297)", "linear", "", "epochs >= 10", "at most 2147483647"},
                {"regression(n = 5, d = 5, seed = 1e30)", "linear", "", "epochs >= 10", "at most 2147483647"},
                {"regression(n = 5, d = 5)", "mlp(10000000000)", "", "epochs >= 10", "at most 2147483647"},
                {"regression(n = 100000, d = 30000)", "linear", "", "epochs >= 10", "at most 2,147,483,647 fit in one array"},
                {"regression(n = 5, d = 100000)", "mlp(100000)", "", "epochs >= 10", "parameters; at most"},
                // 800 M parameters, 6 copies of them: about 18 GiB, more than any test JVM here may use
                {"regression(n = 5, d = 20000)", "mlp(20000, 20000)", "", "epochs >= 10", "more than this JVM may use"},
                {"regression(n = 5, d = 5)", "linear", "seeds 1, 5000000000", "epochs >= 10", "a seed must be at most"},
        };
        for (String[] c : cases) {
            String text = TestSources.QNORM + TestSources.experiment("X").with("data", c[0]).with("model", c[1]).with("mirrors", "QNorm")
                    .with("init", ("normal(std = 0.1) " + c[2]).strip()).with("lr", "0.1").with("until", c[3]);
            Result r = run("check", file("sizes.potential", text).toString());
            assertEquals(Main.INPUT_ERROR, r.status(), text + r.out());
            assertTrue(r.out().contains(c[4]), c[0] + " " + c[1] + " " + c[2] + ":\n" + r.out());
            for (String line : r.out().split("\n")) assertTrue(LOCATED.matcher(line).matches(), line);
        }
    }

    @Test
    void aTooLargeNumberIsTheOnlyProblemReported() throws IOException {
        Result r = run("check", file("q.potential", "potential Q(q = 1e400 where q > 1) {\n    psi(w) = |w|^q / q\n}\n").toString());
        assertEquals(Main.INPUT_ERROR, r.status());
        assertTrue(r.out().contains("too large for a double"), r.out());
        assertFalse(r.out().contains("violates"), r.out());
        assertEquals(1, r.out().strip().split("\n").length, r.out());
    }

    @Test
    void anyFileNameGivenOnTheCommandLineIsRead() throws IOException {
        Result r = run("check", file("plain.txt", psi("w^2 / 2")).toString(), file("noext", psi("w^4")).toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals(0, run("derive", dir.resolve("plain.txt").toString()).status());
    }

    @Test
    void crlfLineEndingsAndABidiMarkKeepLinesAndColumns() throws IOException {
        // the reproducer of issue 15: CRLF, U+200F, a huge grad literal, a second potential, a trailing comment
        String text = "/** doc \u200f mark */\r\npotential Big {\r\n    psi(w) = w^2 / 2\r\n"
                + "    grad(x) = 1.7976931348623157e308\r\n}\r\n\r\npotential Second(q = 3 where q > 1) {\r\n"
                + "    psi(w) = |w|^q / q \u200f\r\n}\r\n// trailing comment \u200f without a newline";
        Path f = dir.resolve("crlf.potential");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        Result r = run("check", f.toString());
        assertTrue(r.status() == 0 || r.status() == 1, r.err());
        for (String line : r.out().split("\n")) {
            if (!line.isEmpty()) assertTrue(LOCATED.matcher(line).matches(), line);
        }
        // the stray mark in Second is on line 8, column 24, counted as on the screen (CRLF is one line end)
        assertTrue(r.out().contains("crlf.potential:8:24: error: unexpected character") && r.out().contains("U+200F"), r.out());
        assertFalse(r.out().contains("\u200f"), "the mark is shown escaped");
    }

    @Test
    void aFolderOrADeviceAsFileSaysWhatItIs() {
        Result folder = run("check", dir.toString());
        assertEquals(Main.INPUT_ERROR, folder.status());
        assertTrue(folder.out().contains("is a directory"), folder.out());
        Result dev = run("check", "/dev/null");
        assertEquals(Main.INPUT_ERROR, dev.status());
        assertTrue(dev.out().contains("not a regular file"), dev.out());
    }

    @Test
    void controlCharactersInMessagesAreEscaped() throws IOException {
        Result r = run("check", file("esc.potential", psi("\u001b[31mw^2")).toString(), file("nl.potential", """
                potential Q {
                    psi(w) = w^2
                }
                experiment X {
                    data    csv("a\\nb\u001b[2J.csv")
                    model   linear
                    loss    squared
                    mirrors Q
                    lr      0.1
                    until   epochs >= 1
                }
                """).toString());
        assertEquals(Main.INPUT_ERROR, r.status());
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("\\u001b"), r.out());
        for (String line : r.out().split("\n")) assertTrue(LOCATED.matcher(line).matches(), line);
    }

    @Test
    void anUntilWithASyntaxErrorGetsNoBrokenSuggestion() throws IOException {
        String text = """
                potential Q {
                    psi(w) = w^2
                }
                experiment X {
                    data    regression(n = 5, d = 5)
                    model   linear
                    loss    squared
                    mirrors Q
                    lr      0.1
                    until   loss != loss
                }
                """;
        Result r = run("check", file("until.potential", text).toString());
        assertEquals(Main.INPUT_ERROR, r.status());
        assertFalse(r.out().contains("until loss != or"), r.out());
        assertTrue(r.out().contains("until.potential:10:"), r.out());
    }

    @Test
    void setValuesAreUsageErrorsAlikeAndGivenOnce() throws IOException {
        String f = file("q.potential", CliTest.QNORM).toString();
        String[][] bad = {{"--set", "r=3"}, {"--set", "q=abc"}, {"--set", "q=3", "--set", "q=4"}, {"--set", "q"},
                {"--set", "q=1"}, {"--w", "Infinity"}, {"--w", "1e400"}, {"--w", "NaN"}, {"--z=-Infinity"}};
        for (String[] b : bad) {
            String[] args = new String[5 + b.length];
            System.arraycopy(new String[] {"eval", f, "--potential", "QNorm", "--json"}, 0, args, 0, 5);
            System.arraycopy(b, 0, args, 5, b.length);
            Result r = run(args);
            assertEquals(Main.USAGE_ERROR, r.status(), String.join(" ", b) + ": " + r.err());
            assertTrue(r.err().startsWith("bregman: --"), r.err());
        }
        assertTrue(run("eval", f, "--potential", "QNorm", "--set", "q=3", "--set", "q=4").err().contains("given twice"));
    }

    @Test
    void benchSizeIsCheckedAgainstMemory() throws IOException {
        Result r = run("bench", file("q.potential", CliTest.QNORM).toString(), "--potential", "QNorm", "--size", "1G");
        assertEquals(Main.USAGE_ERROR, r.status());
        assertTrue(r.err().contains("--size 1G") && r.err().contains("MiB"), r.err());
    }
}
