package org.bregman.potential.tests;

import static org.bregman.potential.testing.TestSources.QNORM;
import static org.bregman.potential.tests.Texts.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bregman.potential.api.Diagnostic;
import org.bregman.potential.api.PotentialWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mistake: message text and exact line:column. */
class DiagnosticsTest {

    // ---------------------------------------------------------------- syntax

    @Test
    void syntaxErrorNamesWhatWasExpected() {
        String t = "potential P {\n    psi(w) = w^2 / 2\n";
        Diagnostic d = assertError(t, 2, "    psi(w) = w^2 / 2".length() + 1, "syntax error", "the end of the file");
        assertTrue(d.message().contains("'}'"), d.message());
    }

    @Test
    void strayCharacter() {
        String t = "potential P {\n    psi(w) = w # 2\n}";
        // ANTLR reports the statement the stray character breaks; the character itself is named too
        assertErrorAt(t, 2, "w #", "syntax error");
        assertErrorAt(t, 2, "#", "unexpected character '#'");
        String t2 = "potential P {\n    psi(w) = w\u00b2 \u2212 1\n}";
        assertErrorAt(t2, 2, "\u00b2", "unexpected character '\u00b2' (U+00B2): write ^2");
        assertErrorAt(t2, 2, "\u2212", "write - for minus");
    }

    // ---------------------------------------------------------------- duplicates

    @Test
    void duplicateParameter() {
        assertErrorAt("potential P(a = 1, a = 2) {\n    psi(w) = a * w^2\n}", 1, "a", 2, "duplicate parameter 'a' in P");
    }

    @Test
    void missingAndRepeatedDefinitions() {
        assertErrorAt("potential P(a = 1) {\n    domain w > 0\n}", 1, "P", "potential P has no psi");
        String t2 = "potential P {\n    psi(w) = w^2\n    psi(w) = w^4\n}";
        assertError(t2, 3, 5, "P defines psi twice (first at line 2)");
    }

    // ---------------------------------------------------------------- parameter values

    @Test
    void whereWithAndOrNot() {
        assertClean("potential P(a = 2 where (a > 1 and a != 3) or not (a >= -1), b = 0.5 where 0 < b < 1) {\n    psi(w) = a * w^2 + b * w^4\n}");
    }

    // ---------------------------------------------------------------- domains (symbolic)

    @Test
    void logWithoutDomainSaysSoAndSuggestsTheDomain() {
        String t = "potential NegEntropy {\n    psi(w) = w * log(w) - w\n}";
        Diagnostic d = firstError(t);
        assertEquals(2, d.line(), d::toString);
        assertTrue(d.message().contains("log") && d.message().contains("domain w > 0"), d.message());
    }

    @Test
    void domainBoundMustBeANumber() {
        String t = "potential P(a = 1) {\n    domain w > a\n    psi(w) = w^2\n}";
        assertError(t, 2, col(t, 2, "> a") + 2, "a domain bound must be a number");
    }

    // ---------------------------------------------------------------- convexity and overrides (symbolic)

    @Test
    void notStrictlyConvexNamesAPoint() {
        String t = "potential QNorm(q = 1) {\n    psi(w) = |w|^q / q\n}";
        Diagnostic d = firstError(t);
        assertTrue(d.message().contains("not strictly convex"), d::toString);
        assertEquals(2, d.line(), d::toString);
    }

    @Test
    void notStrictlyConvexAtAUseSite() {
        String t = "potential QNorm(q = 3) {\n    psi(w) = |w|^q / q\n}\n"
                + "experiment X {\n data regression\n model linear\n loss squared\n mirrors QNorm(q = 1)\n lr 0.1\n until epochs >= 1\n}";
        Diagnostic d = firstError(t);
        assertEquals(8, d.line(), d::toString);
        assertEquals(col(t, 8, "QNorm"), d.column(), d::toString);
        assertTrue(d.message().startsWith("QNorm(q = 1): ") && d.message().contains("not strictly convex"), d::toString);
    }

    @Test
    void overrideDisagreeingWithTheDerivationNamesThePoint() {
        String t = "potential P {\n    psi(w) = w^4 / 4\n    grad(w) = w^2\n}";
        Diagnostic d = firstError(t);
        assertEquals(3, d.line(), d::toString);
        assertEquals(col(t, 3, "w^2"), d.column(), d::toString);
        assertTrue(d.message().contains("grad disagrees"), d::toString);
    }

    // ---------------------------------------------------------------- one error each, at its token

    /** The cases of diagnostics/located-errors.txt: test name, text, the error's line, the token it points at, fragments of its message. */
    static Stream<Arguments> errorsAtTheirToken() {
        String[] chunks = resource("diagnostics/located-errors.txt").split("(?m)^=== ", -1);
        List<Arguments> cases = new ArrayList<>();
        for (String chunk : java.util.Arrays.asList(chunks).subList(1, chunks.length)) {
            int headerEnd = chunk.indexOf('\n');
            String[] header = chunk.substring(0, headerEnd).split(" \\| ", -1);
            String text = chunk.substring(headerEnd + 1, chunk.length() - 1); // the newline before the next header is not the text's
            String[] fragments = java.util.Arrays.copyOfRange(header, 3, header.length);
            cases.add(Arguments.of(header[0], text, Integer.parseInt(header[1]), header[2], fragments));
        }
        assertEquals(51, cases.size(), "the cases of located-errors.txt");
        return cases.stream();
    }

    @Test
    void aReservedNameIsNotYetSupported() {
        // no model is reserved today (resnet18 and vgg16 were): a test-only placeholder shows the mechanism
        org.bregman.potential.experiment.Vocabulary.MODELS.register(org.bregman.potential.experiment.Vocabulary.Entry.placeholder("futureNet", "later"));
        try {
            assertErrorAt(with(1, " model futureNet"), 6, "futureNet", "model futureNet is not yet supported");
        } finally {
            org.bregman.potential.experiment.Vocabulary.MODELS.unregister("futureNet");
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("errorsAtTheirToken")
    void errorIsAtItsToken(String test, String text, int line, String token, String[] fragments) {
        assertError(text, line, col(text, line, token), fragments);
    }

    // ---------------------------------------------------------------- experiments

    static String experiment(String... settings) {
        return QNORM + "experiment X {\n" + String.join("\n", settings) + "\n}\n";
    }

    static final String[] BASE = { " data regression(n = 4, d = 8)", " model linear", " loss squared", " mirrors QNorm(q = 2), QNorm",
            " lr 0.1", " until loss < 1e-6 or epochs >= 10" };

    static String[] plus(String setting) {
        String[] s = java.util.Arrays.copyOf(BASE, BASE.length + 1);
        s[BASE.length] = setting;
        return s;
    }

    static String with(int index, String replacement) {
        String[] s = BASE.clone();
        s[index] = replacement;
        return experiment(s);
    }

    @Test
    void baseExperimentIsClean() {
        assertClean(experiment(BASE));
    }

    @Test
    void reportsThatDoNotFitTheExperimentWarn() {
        String t = experiment(plus(" report bregman, accuracy"));
        assertDiagnostic(t, Diagnostic.Severity.WARNING, 11, col(t, 11, "accuracy"), "report accuracy is meant for classification");
        String[] s = plus(" report exact");
        s[1] = " model mlp(4)";
        t = experiment(s);
        assertDiagnostic(t, Diagnostic.Severity.WARNING, 11, col(t, 11, "exact"), "report exact needs model linear");
    }

    @Test
    void untilThatNeverStops() {
        String t = with(5, " until loss < 1e-10");
        assertErrorAt(t, 10, "loss", "this until may never stop", "epochs >= 1000");
        t = with(5, " until loss < 1e-10 or (trainAccuracy >= 1 and epochs >= 5)");
        assertErrorAt(t, 10, "loss", "this until may never stop");
        assertClean(with(5, " until (loss < 1e-10 and epochs >= 3) or epochs >= 5"));
        t = with(5, " until trainAccuracy > 1 or epochs >= 5");
        assertErrorAt(t, 10, "1 or", "trainAccuracy > 1 can never hold");
        t = with(5, " until epochs < 5");
        assertDiagnostic(t, Diagnostic.Severity.WARNING, 10, col(t, 10, "5"), "epochs < 5 already holds when training starts");
        t = with(5, " until los < 1 or epochs >= 5");
        assertErrorAt(t, 10, "los", "unknown quantity 'los'", "did you mean 'loss'?");
    }

    @Test
    void lrPerMirrorMustNameAMirror() {
        assertErrorAt(with(4, " lr 0.1 per mirror { QNorm(q = 10): 0.001 }"), 9, "QNorm", "QNorm(q = 10) is not one of the mirrors of X", "QNorm(q = 2), QNorm(q = 3)");
        assertClean(with(4, " lr 0.1 per mirror { QNorm(q = 2): 0.001, QNorm: 0.5 }"));
    }

    @Test
    void dataFilesMustExistRelativeToThePotentialFile() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/test-input/data"));
        Files.writeString(dir.resolve("train.csv"), "x,label\n1,0\n");
        Path file = dir.resolve("exp.potential");
        String t = with(0, " data idx(images = \"images.idx\", labels = \"labels.idx\")");
        Files.writeString(file, t);
        PotentialWorkspace ws = PotentialWorkspace.load(file);
        Diagnostic d = ws.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals(file.toAbsolutePath().normalize(), d.file());
        assertEquals(5, d.line());
        assertEquals(col(t, 5, "\"images.idx\""), d.column());
        assertTrue(d.message().startsWith("file 'images.idx' does not exist (looked for "), d.message());
        assertEquals(2, ws.diagnostics().size(), () -> dump(ws.diagnostics()));

        String ok = with(0, " data csv(\"train.csv\", label = \"label\")");
        Files.writeString(file, ok);
        PotentialWorkspace ws2 = PotentialWorkspace.load(file);
        assertTrue(ws2.diagnostics().isEmpty(), () -> dump(ws2.diagnostics()));
        assertEquals(dir.resolve("train.csv").toAbsolutePath().normalize().toString(),
                Path.of(ws2.experiment("X").data().string("file")).normalize().toString());
        String missing = with(0, " data csv(\"nope.csv\")");
        Files.writeString(file, missing);
        assertTrue(PotentialWorkspace.load(file).diagnostics().get(0).message().contains("file 'nope.csv' does not exist"));
    }

    @Test
    void importsResolveRelativeToTheFile() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/test-input/imports"));
        Files.writeString(dir.resolve("lib.potential"), QNORM);
        Path main = dir.resolve("main.potential");
        String t = "import \"lib.potential\"\n" + experiment(BASE).substring(QNORM.length());
        Files.writeString(main, t);
        PotentialWorkspace ws = PotentialWorkspace.load(main);
        assertTrue(ws.diagnostics().isEmpty(), () -> dump(ws.diagnostics()));
        assertEquals("QNorm(q = 2)", ws.experiment("X").mirrors().get(0).label());
        assertEquals(3.0, ws.experiment("X").mirrors().get(1).values().get("q"));

        String bad = "import \"missing.potential\"\n" + experiment(BASE).substring(QNORM.length());
        Files.writeString(main, bad);
        PotentialWorkspace ws2 = PotentialWorkspace.load(main);
        Diagnostic d = ws2.diagnostics().get(0);
        assertEquals(1, d.line());
        assertEquals(8, d.column());
        assertTrue(d.message().startsWith("imported file 'missing.potential' does not exist"), d::toString);
    }

    @Test
    void usingABrokenImportedPotentialIsAnErrorAtTheUseSite() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/test-input/broken-import"));
        Files.writeString(dir.resolve("lib.potential"), "potential QNorm(q = 3) {\n    psi(w) = w * log(w)\n}\n");
        Path main = dir.resolve("main.potential");
        String t = "import \"lib.potential\"\n" + experiment(BASE).substring(QNORM.length());
        Files.writeString(main, t);
        PotentialWorkspace ws = PotentialWorkspace.load(main);
        Diagnostic d = ws.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow(() -> new AssertionError(dump(ws.diagnostics())));
        assertEquals(6, d.line(), d::toString);
        assertEquals(col(t, 6, "QNorm"), d.column(), d::toString);
        assertTrue(d.message().startsWith("QNorm (imported from lib.potential) has errors: line 2: log"), d::toString);
        assertTrue(ws.experiments().isEmpty(), "no experiment is built from a file with errors");
    }

    @Test
    void missingFileIsADiagnosticNotAnException() {
        PotentialWorkspace ws = PotentialWorkspace.load(Path.of("target/does/not/exist.potential"));
        assertEquals(1, ws.diagnostics().size());
        assertTrue(ws.diagnostics().get(0).message().startsWith("file not found"));
        assertTrue(ws.hasErrors());
    }

    @Test
    void diagnosticsPrintAsFileLineColumn() {
        String t = "potential P {\n    psi(w) = w * zz\n}";
        Diagnostic d = check(t).diagnostics().get(0);
        assertTrue(d.toString().startsWith(FILE + ":2:18: error: unknown name 'zz' (known here: w)"), d::toString);
    }

    @Test
    void timeVaryingPotentialIsCheckedForEveryTime() {
        // ψ'' = 1 + t ≥ 1 for every t ≥ 0: proved, nothing to report
        assertEquals(List.of(), check("potential P {\n    psi(w; t) = w^2 * (1 + t) / 2\n}").diagnostics());
        // log(w − t) is defined for w > 0 at t = 0 only: an error, since psi is checked for every t ≥ 0 (with t = 0 alone it is fine)
        assertEquals(List.of(), check("potential P {\n    domain w > 0\n    psi(w) = w^2 + w * log(w)\n}").diagnostics());
        Diagnostic d = firstError("potential P {\n    domain w > 0\n    psi(w; t) = w^2 + (w - t) * log(w - t)\n}");
        assertEquals(3, d.line(), d::toString);
        // ψ'' = 2 − t is positive at t = 0 but not for every t ≥ 0: not proved
        PotentialWorkspace ws = check("potential P {\n    psi(w; t) = w^2 * (2 - t) / 2\n}");
        assertTrue(ws.diagnostics().stream().anyMatch(x -> x.message().contains("strict convexity") || x.message().contains("not strictly convex")),
                () -> dump(ws.diagnostics()));
    }

    private static Diagnostic firstError(String text) {
        PotentialWorkspace ws = check(text);
        return ws.diagnostics().stream().filter(Diagnostic::isError).findFirst()
                .orElseThrow(() -> new AssertionError("no error for:\n" + text + "\ngot:\n" + dump(ws.diagnostics())));
    }
}
