package org.bregman.symbolic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The "Done means" properties for every example potential, at 250 random points of its domain. */
class ExamplePotentialsTest {
    static final int POINTS = 250;

    static List<Examples.Case> cases() {
        return Examples.all();
    }

    /** Random points with magnitudes log-uniform in [0.01, 100], both signs where the domain allows. */
    static double[] points(RealInterval domain, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] out = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double m = Math.pow(10, rnd.nextDouble(-2, 2));
            double x = rnd.nextBoolean() ? m : -m;
            out[i] = domain.contains(x) ? x : -x;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradMatchesCentralDifference(Examples.Case c) {
        Derivation d = c.derivation();
        for (double w : points(d.domain(), 1)) {
            double h = 1e-4 * Math.abs(w);
            double fd = (d.psi(w + h) - d.psi(w - h)) / (2 * h);
            double g = d.grad(w);
            // relative 1e-6 (ψ' never vanishes at these points)
            assertEquals(g, fd, 1e-6 * Math.abs(g), c + ": psi'(" + w + ") = " + g + " vs central difference " + fd);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inverseUndoesGrad(Examples.Case c) {
        Derivation d = c.derivation();
        assertEquals(c.closedForm(), d.inverse().isClosedForm(), c + ": inverse kind " + d.inverse().kind());
        double tol = d.inverse().isClosedForm() ? 1e-12 : 1e-10;
        for (double w : points(d.domain(), 2)) {
            double back = d.inverse(d.grad(w));
            assertEquals(w, back, tol * Math.abs(w), c + ": inverse(grad(" + w + ")) = " + back);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void numericInverseAgreesWithClosedForm(Examples.Case c) {
        Derivation d = c.derivation();
        for (double w : points(d.domain(), 3)) {
            double back = d.numericInverse().solve(d.grad(w));
            assertEquals(w, back, 1e-10 * Math.abs(w), c + ": numeric inverse at grad(" + w + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bregmanIsNonNegativeAndZeroOnTheDiagonal(Examples.Case c) {
        Derivation d = c.derivation();
        double[] ws = points(d.domain(), 4), vs = points(d.domain(), 5);
        for (int i = 0; i < POINTS; i++) {
            double w = ws[i], v = vs[i];
            // rounding scale: the terms of ψ(w) − ψ(v) − ψ'(v)(w − v)
            double scale = Math.abs(d.psi(w)) + Math.abs(d.psi(v)) + Math.abs(d.grad(v) * (w - v)) + Math.abs(d.grad(v) * v);
            double dwv = d.bregman(w, v);
            assertTrue(dwv >= -1e-12 * scale, c + ": D(" + w + ", " + v + ") = " + dwv);
            // agrees with the definition
            double def = d.psi(w) - d.psi(v) - d.grad(v) * (w - v);
            assertEquals(def, dwv, 1e-11 * scale, c + ": D(" + w + ", " + v + ")");
            double self = d.bregman(w, w);
            double s2 = 2 * Math.abs(d.psi(w)) + 2 * Math.abs(d.grad(w) * w);
            assertEquals(0, self, 1e-13 * s2, c + ": D(" + w + ", " + w + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stableBregmanNearTheDiagonal(Examples.Case c) {
        Derivation d = c.derivation();
        for (double v : points(d.domain(), 6)) {
            for (double rel : new double[] {1e-4, 1e-7, 1e-10}) {
                double w = v * (1 + rel), h = w - v;
                // reference: the Taylor expansion ψ''(v) h²/2 + ψ'''(v) h³/6, ψ''' by a central difference
                double dh = 1e-4 * Math.abs(v);
                double h3 = (d.hessian(v + dh) - d.hessian(v - dh)) / (2 * dh);
                double ref = d.hessian(v) * h * h / 2 + h3 * h * h * h / 6;
                // relative 1e-6 + 100 ulp · |ψ'(v)| / (ψ''(v) |h|): the condition of ψ'(t) − ψ'(v) (the plain
                // formula's is |ψ(v)| / (ψ''(v) h²), which leaves no correct digit at rel = 1e-10)
                double tol = (1e-6 + 100 * 0x1p-52 * Math.abs(d.grad(v)) / (d.hessian(v) * Math.abs(h))) * ref;
                assertEquals(ref, d.bregmanStable(w, v), tol, c + ": D(" + w + ", " + v + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksPass(Examples.Case c) {
        assertEquals(List.of(), Derivation.derive(c.spec()).check(), c.toString());
        assertEquals(List.of(), c.derivation().check(), c.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivationsAreCompleteAndReadable(Examples.Case c) {
        for (Derivation d : new Derivation[] {Derivation.derive(c.spec()), c.derivation()}) {
            for (Expr e : new Expr[] {d.psi(), d.grad(), d.hessian(), d.bregman()}) {
                String s = Printer.print(e);
                assertTrue(s.length() < 160, c + ": too long: " + s);
            }
            assertNotNull(d.dualDomain(), c + ": dual domain");
        }
    }
}
