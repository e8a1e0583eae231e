package org.bregman.potential.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bregman.potential.api.Diagnostic;
import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.potential.api.ResolvedPotential;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.SymbolicException;
import org.bregman.potential.testing.TestSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of random and mutated inputs (the spec's examples with characters and tokens deleted,
 * inserted, duplicated, swapped) through parse, validation, translation and derivation: nothing may
 * escape as an exception, and no check may fail internally. Fixed seed: failures are reproducible.
 */
class FuzzTest {

    static final String[] TOKENS = { "potential", "experiment", "psi", "grad", "inverse", "domain", "where", "(", ")", "{", "}",
            "=", ",", ";", "|", "^", "-", "+", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or", "not", "w", "q", "z", "1",
            "0", "-1", "1e-3", "1e400", "0.5", "pi", "e", "log", "exp", "sqrt", "asinh", "atanh", "sum", "norm", "min", "max",
            "pow", "abs", "sign", "\"x.potential\"", "import", "package", "data", "model", "loss", "mirrors", "init", "lr", "batch",
            "until", "report", "seeds", "..", "per", "mirror", ":", "for", "layers", "otherwise", "epochs", "QNorm", "/**", "*/",
            "//", "\n" };

    static final String CHARS = "wqz019.e+-*/^|(){}=<>!,;:\"_ \n#\\";

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void mutatedAndRandomInputsNeverCrash() {
        String base = Texts.section2() + "\n" + Texts.section3();
        List<String> seeds = List.of(base, Texts.section2(), Texts.section3(), TestSources.QNORM,
                "potential P(a = 2 where a > 1) {\n domain 0 < w < 1\n psi(w) = w * log(w) + (1 - w) * log(1 - w) + a\n}");
        SplittableRandom rnd = new SplittableRandom(20261123);
        int runs = 0, internal = 0, derived = 0;
        long slowest = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String input = i % 10 == 9 ? randomTokens(rnd) : mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            PotentialWorkspace ws;
            long t0 = System.nanoTime();
            try {
                ws = Texts.check(input);
                slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
            } catch (Throwable t) {
                fail("exception escaped for input #" + i + ":\n" + input, t);
                return;
            }
            runs++;
            for (Diagnostic d : ws.diagnostics()) {
                if (d.message().contains("internal error") || d.message().contains("An internal error")) {
                    internal++;
                    if (problems.size() < 5) problems.add(d + "\n--- input #" + i + ":\n" + input);
                }
                assertTrue(d.line() >= 1 && d.column() >= 1, d::toString);
            }
            // validation translated and derived every potential (SymbolicChecks); once in a while also bind
            // the survivors to other parameter values directly
            for (ResolvedPotential p : ws.potentials()) {
                if (p.spec() == null) continue;
                derived++;
                if (i % 25 != 0) continue;
                try {
                    Map<String, Double> args = new java.util.HashMap<>();
                    for (var param : p.spec().parameters()) args.put(param.name(), param.defaultValue() * (1 + rnd.nextDouble()));
                    Derivation.derive(p.spec(), args).check();
                } catch (SymbolicException expected) {
                    // a readable refusal (e.g. a value violating where) is fine
                } catch (RuntimeException | StackOverflowError e) {
                    internal++;
                    if (problems.size() < 5) problems.add(p.name() + ": " + e + "\n--- input #" + i + ":\n" + input);
                }
            }
        }
        System.out.println("fuzz: " + runs + " inputs, " + derived + " potentials derived, " + internal + " internal failures, slowest "
                + slowest + " ms");
        assertEquals(2000, runs);
        assertTrue(derived > 100, "too few inputs survived to the derivation: " + derived);
        assertEquals(0, internal, () -> String.join("\n\n", problems));
    }

    @Test
    void deepNestingIsADiagnostic() {
        String deep = "potential P {\n psi(w) = " + "(".repeat(20000) + "w" + ")".repeat(20000) + "\n}";
        PotentialWorkspace ws = Texts.check(deep);
        assertNotNull(ws.diagnostics());
        String abs = "potential P {\n psi(w) = " + "-".repeat(5000) + "w^2\n}";
        assertNotNull(Texts.check(abs).diagnostics());
    }

    static String mutate(String s, SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            if (s.isEmpty()) return s;
            int pos = rnd.nextInt(s.length());
            switch (rnd.nextInt(7)) {
                case 0 -> s = s.substring(0, pos) + s.substring(pos + 1);                                     // delete a char
                case 1 -> s = s.substring(0, pos) + CHARS.charAt(rnd.nextInt(CHARS.length())) + s.substring(pos); // insert a char
                case 2 -> s = s.substring(0, pos) + s.charAt(pos) + s.substring(pos);                         // duplicate a char
                case 3 -> s = s.substring(0, pos) + " " + TOKENS[rnd.nextInt(TOKENS.length)] + " " + s.substring(pos); // insert a token
                default -> s = TestSources.tokenEdit(s, rnd);
            }
        }
        return s;
    }

    static String randomTokens(SplittableRandom rnd) {
        StringBuilder b = new StringBuilder(rnd.nextBoolean() ? "potential P(q = 2) { psi(w) = " : "");
        int n = rnd.nextInt(40);
        for (int i = 0; i < n; i++) b.append(TOKENS[rnd.nextInt(TOKENS.length)]).append(' ');
        if (rnd.nextBoolean()) b.append("}");
        return b.toString();
    }
}
