package org.bregman.potential.tests;

import static org.bregman.potential.tests.Texts.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.potential.api.ResolvedExperiment;
import org.bregman.potential.api.ResolvedPotential;
import org.bregman.potential.api.Until;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.RealInterval;
import org.junit.jupiter.api.Test;

/** Every example of the spec parses and validates clean, and translates to what it says. */
class SpecExamplesTest {

    @Test
    void section2PotentialsAreClean() {
        assertClean(section2());
    }

    @Test
    void section2And3TogetherAreClean() {
        assertClean(section2() + "\n" + section3());
    }

    @Test
    void section3ImportingTheExamplesFileIsClean() throws Exception {
        Path examples = Path.of("../../examples/potentials/spec-examples.potential").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(examples), examples::toString);
        assertEquals(section2(), Files.readString(examples), "spec-examples.potential must be exactly the spec's section-2 block");
        Path dir = Files.createDirectories(Path.of("target/test-input/import"));
        Path file = dir.resolve("experiments.potential");
        String text = "import \"" + examples + "\"\n\n" + section3();
        Files.writeString(file, text);
        PotentialWorkspace ws = PotentialWorkspace.load(file);
        assertTrue(ws.diagnostics().isEmpty(), () -> dump(ws.diagnostics()));
        assertEquals(2, ws.experiments().size());
    }

    @Test
    void examplesAreCleanAndDocumented() throws Exception {
        Path dir = Path.of("../../examples/potentials").toAbsolutePath().normalize();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".potential")).sorted().toList();
        }
        assertEquals(List.of("hyperbolic.potential", "negentropy.potential", "qnorm.potential", "smoothed.potential",
                "sparse.potential", "spec-examples.potential"), files.stream().map(f -> f.getFileName().toString()).toList());
        PotentialWorkspace ws = PotentialWorkspace.load(files);
        assertTrue(ws.diagnostics().isEmpty(), () -> dump(ws.diagnostics()));
        assertTrue(ws.potentials().size() >= 16, () -> "" + ws.potentials().size());
        for (ResolvedPotential p : ws.potentials()) {
            assertNotNull(p.doc(), () -> p.name() + " has no doc comment");
            assertNotNull(p.spec(), p::name);
        }
        for (String q : List.of("QNorm1_1", "QNorm1_5", "QNorm2", "QNorm3", "QNorm10")) assertNotNull(ws.potential(q), q);
    }

    @Test
    void potentialsTranslateWithDocsDomainsAndOverrides() {
        PotentialWorkspace ws = check(section2());
        List<String> names = ws.potentials().stream().map(ResolvedPotential::name).toList();
        assertEquals(List.of("QNorm", "NegEntropy", "HyperbolicEntropy", "SmoothedHomogeneous", "Quartic", "QNormExplicit"), names);
        ResolvedPotential q = ws.potential("QNorm");
        assertEquals("ℓq potential of Azizan, Lale & Hassibi; q = 2 is plain SGD.", q.doc());
        assertEquals(4, q.line());
        assertEquals("w", q.spec().coordinate());
        assertEquals(3.0, q.spec().defaults().get("q"));
        assertEquals(RealInterval.POSITIVE, ws.potential("NegEntropy").spec().domain());
        assertEquals(RealInterval.REALS, ws.potential("Quartic").spec().domain());
        assertNotNull(ws.potential("QNormExplicit").spec().grad());
        assertNotNull(ws.potential("QNormExplicit").spec().inverse());
        assertEquals("z", ws.potential("QNormExplicit").spec().inverse().variable());
        // |w|^q / q at w = -2, q = 3: 8/3
        assertEquals(8.0 / 3.0, q.spec().psi().eval(Map.of("w", -2.0, "q", 3.0)), 1e-15);
    }

    @Test
    void everyExprNodeMapsBackToItsSource() {
        String text = "potential P(a = 2 where a > 0) {\n    psi(w) = a * w^2 / 2 - log1p(w^2)\n}";
        PotentialWorkspace ws = check(text);
        ResolvedPotential p = ws.potential("P");
        assertNotNull(p.spec(), () -> dump(ws.diagnostics()));
        // walk the whole tree: every node (constants excepted) has an origin on line 2
        List<Expr> stack = new java.util.ArrayList<>(List.of(p.spec().psi()));
        int n = 0;
        while (!stack.isEmpty()) {
            Expr e = stack.remove(stack.size() - 1);
            stack.addAll(e.children());
            ResolvedPotential.Location l = p.locate(e);
            assertEquals(2, l.line(), () -> "node " + e);
            n++;
        }
        assertTrue(n > 10);
        Expr log = ((Expr.Add) p.spec().psi()).terms().get(1);
        assertEquals(col(text, 2, "log1p"), p.locate(((Expr.Mul) log).factors().get(1)).column());
    }

    @Test
    void precedenceAndNumbers() {
        String text = """
                potential P(c = 1e-3) {
                    psi(w) = -w^2 + 2^3^2 + w^-2 + c * 1.5e2 - -w + pi - e + min(w, 1) * max(w, 2) + pow(w, 2)
                }
                """;
        PotentialWorkspace ws = check(text);
        // -w^2 makes psi non-convex (an error), so the facade withholds the spec: translate directly
        Expr psi = org.bregman.potential.translate.PotentialTranslator.translate(ws.potential("P").ast()).spec().psi();
        double w = 1.7;
        double expected = -(w * w) + 512 + 1 / (w * w) + 1e-3 * 150 + w + Math.PI - Math.E + Math.min(w, 1) * Math.max(w, 2) + w * w;
        assertEquals(expected, psi.eval(Map.of("w", w, "c", 1e-3)), 1e-12);
    }

    @Test
    void chainedDomainIsAnOpenInterval() {
        PotentialWorkspace ws = check("potential Logit {\n  domain 0 < w < 1\n  psi(w) = w * log(w) + (1 - w) * log(1 - w)\n}");
        assertEquals(RealInterval.open(0, 1), ws.potential("Logit").spec().domain(), () -> dump(ws.diagnostics()));
        PotentialWorkspace ws2 = check("potential B {\n  domain w >= -1 and w <= 1\n  psi(w) = w^2\n}");
        assertEquals(RealInterval.closed(-1, 1), ws2.potential("B").spec().domain());
    }

    @Test
    void experimentsResolveToPlainValues() {
        PotentialWorkspace ws = check(section2() + "\n" + section3());
        ResolvedExperiment a = ws.experiment("ImplicitBias");
        assertEquals("regression", a.data().name());
        assertEquals(40.0, a.data().number("n"));
        assertEquals(400.0, a.data().number("d"));
        assertEquals(0.0, a.data().number("noise"), "default noise");
        assertEquals("linear", a.model().name());
        assertEquals("squared", a.loss().name());
        assertEquals(List.of("QNorm(q = 1.5)", "QNorm(q = 2)", "QNorm(q = 3)", "QNorm(q = 10)"),
                a.mirrors().stream().map(ResolvedExperiment.Mirror::label).toList());
        assertEquals(Map.of("q", 1.5), a.mirrors().get(0).arguments());
        assertEquals(List.of(1L, 2L, 3L), a.seeds());
        assertEquals(0.1, a.init().number("std"));
        assertEquals(1, a.batch());
        assertTrue(a.until().holds(state(1e-11, Double.NaN, 3)));
        assertTrue(a.until().holds(state(1.0, Double.NaN, 5000)));
        assertFalse(a.until().holds(state(1.0, Double.NaN, 4999)));
        assertEquals(List.of("bregman", "closest", "exact", "histogram"), a.report());
        // the mirror's spec is usable: derive it with the use-site arguments
        Derivation d = Derivation.derive(a.mirrors().get(0).spec(), a.mirrors().get(0).arguments());
        assertEquals(Math.pow(2, 0.5), d.grad(2.0), 1e-12);

        ResolvedExperiment f = ws.experiment("FashionMirrors");
        assertEquals("fashionMnist", f.data().name());
        assertEquals(2000.0, f.data().number("limit"));
        assertEquals(List.of(256.0, 256.0), f.model().positional());
        assertEquals(List.of(0.01, 0.01, 0.01, 0.001), f.mirrors().stream().map(ResolvedExperiment.Mirror::lr).toList());
        assertEquals(List.of(1L, 2L), f.seeds());
        assertEquals(64, f.batch());
        assertTrue(f.until().holds(state(Double.NaN, 1.0, 1)));
    }

    /** The trainer's state after {@code epochs} epochs (no test set, no step count). */
    private static Until.State state(double loss, double trainAccuracy, long epochs) {
        return new Until.State(loss, trainAccuracy, Double.NaN, epochs, 0, Double.NaN);
    }

    @Test
    void seedListsAndLayerwiseSyntaxParse() {
        String text = section2() + """

                experiment Seeds {
                    data    teacher(n = 20, d = 5, width = 4, seed = 3)
                    model   mlp(8)
                    loss    crossEntropy
                    mirrors QNorm(q = 3) for layers "0_W", "1_W", QNorm(q = 2) otherwise
                    init    uniform(a = -0.1, b = 0.1) seeds 1, 4, 9
                    lr      0.05
                    until   (trainAccuracy >= 1 and loss < 0.01) or steps >= 100000
                }
                """;
        PotentialWorkspace ws = check(text);
        // the layer-wise form parses, validates and resolves to one layer-wise mirror
        assertEquals(0, ws.diagnostics().size(), () -> dump(ws.diagnostics()));
        assertEquals(List.of("QNorm(q = 3) for 0_W, 1_W; QNorm(q = 2) otherwise"),
                ws.experiment("Seeds").layerwise().stream().map(ResolvedExperiment.Layerwise::label).toList());
        assertEquals(List.of(1L, 4L, 9L), ws.experiment("Seeds").seeds());
    }
}
