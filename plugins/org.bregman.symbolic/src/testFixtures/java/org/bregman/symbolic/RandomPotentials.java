package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random potentials for the property suites: sums of one to three terms from the families of the papers
 * and the examples (powers, exponentials, softplus, log-cosh, hyperbolic entropy, entropies on w &gt; 0)
 * and from the regressions (bumps and smoothed kinks, which may break convexity), with decimal
 * coefficients and centres. jqwik shrinks a failing sum to fewer and simpler terms.
 */
public final class RandomPotentials {
    /** A random ψ in w on its domain, with its source text for reproducers. */
    public record Case(Expr psi, RealInterval domain) {
        public String source() {
            return "potential P { psi(w) = " + Printer.print(psi) + (domain.isAllReals() ? "" : "  domain " + domain.asConstraint("w")) + " }";
        }

        public PotentialSpec spec() {
            return PotentialSpec.of("P", List.of(), "w", psi).withDomain(domain);
        }

        /** The derivation, or empty where the engine refuses this ψ (a suite skips or counts those). */
        public Optional<Derivation> derivation() {
            try {
                return Optional.of(Derivation.derive(spec()));
            } catch (SymbolicException refused) {
                return Optional.empty();
            }
        }

        /** The random stream of this case's sample points: the same points on every run and in every suite. */
        public SplittableRandom pointStream() {
            return new SplittableRandom(source().hashCode());
        }

        /** A point of magnitude 10^-2 … 10^maxExponent, negative half the time where ψ is defined there. */
        public double samplePoint(SplittableRandom rnd, double maxExponent) {
            double x = Math.pow(10, rnd.nextDouble(-2, maxExponent));
            return domain.isAllReals() && rnd.nextBoolean() ? -x : x;
        }

        @Override
        public String toString() {
            return source();
        }
    }

    private static final Expr W = var("w");

    private RandomPotentials() {
    }

    private static Arbitrary<Double> coefficient() {
        return Arbitraries.of(1.0, 0.5, 2.0, 0.1, 3.0, 0.25, 1.5, 10.0, 0.01);
    }

    private static Arbitrary<Double> centre() {
        return Arbitraries.of(0.0, 1.0, -3.0, 0.7, 5.0, -0.3, 12.5);
    }

    private static Arbitrary<Double> slope() {
        return Arbitraries.of(1.0, -1.0, 0.5, 2.0, -0.5, 0.1);
    }

    /** Terms defined for every real w. */
    private static Arbitrary<Expr> realTerm() {
        return Arbitraries.oneOf(List.of(
                coefficient().map(a -> mul(num(a), pow(W, num(2)))),
                Combinators.combine(coefficient(), Arbitraries.of(1.5, 2.5, 3.0, 4.0, 1.1)).as((a, q) -> mul(num(a), pow(abs(W), num(q)))),
                Combinators.combine(coefficient(), slope()).as((a, b) -> mul(num(a), exp(mul(num(b), W)))),
                Combinators.combine(coefficient(), slope()).as((a, b) -> mul(num(a), call(Func.LOG1P, exp(mul(num(b), W))))),
                Combinators.combine(coefficient(), slope()).as((a, b) -> mul(num(a), log(call(Func.COSH, mul(num(b), W))))),
                Combinators.combine(coefficient(), Arbitraries.of(0.01, 1.0, 4.0)).as((a, c) -> mul(num(a), sqrt(add(pow(W, num(2)), num(c))))),
                Arbitraries.of(0.01, 1.0, 0.5).map(b -> sub(mul(W, call(Func.ASINH, div(W, num(b)))), sqrt(add(pow(W, num(2)), num(b * b))))),
                Combinators.combine(coefficient(), slope()).as((a, b) -> mul(num(a), call(Func.COSH, mul(num(b), W)))),
                Combinators.combine(coefficient(), centre()).as((a, c) -> mul(num(a), pow(sub(W, num(c)), num(2)))),
                coefficient().map(a -> mul(num(a), mul(W, call(Func.ATAN, W)))),
                coefficient().map(a -> mul(num(a), pow(W, num(4)))),
                // may break convexity: a bump and a smoothed kink
                Combinators.combine(coefficient(), centre(), Arbitraries.of(0.01, 1.0, 4.0))
                        .as((a, c, s) -> mul(num(a), exp(neg(div(pow(sub(W, num(c)), num(2)), num(s)))))),
                Combinators.combine(coefficient(), centre(), Arbitraries.of(1e-6, 0.01, 1.0))
                        .as((a, c, e) -> neg(mul(num(a), sqrt(add(pow(sub(W, num(c)), num(2)), num(e))))))));
    }

    /** Terms that need w &gt; 0. */
    private static Arbitrary<Expr> positiveTerm() {
        return Arbitraries.oneOf(List.of(
                coefficient().map(a -> mul(num(a), sub(mul(W, log(W)), W))),
                coefficient().map(a -> mul(num(a), neg(log(W)))),
                Combinators.combine(coefficient(), Arbitraries.of(0.5, 1.5, 2.5, -1.0)).as((a, q) -> mul(num(a), pow(W, num(q)))),
                coefficient().map(a -> mul(num(a), pow(W, num(-1))))));
    }

    public static Arbitrary<Case> potentials() {
        Arbitrary<Case> reals = realTerm().list().ofMinSize(1).ofMaxSize(3).map(ts -> new Case(add(ts), RealInterval.REALS));
        Arbitrary<Case> positive = Arbitraries.oneOf(realTerm(), positiveTerm()).list().ofMinSize(1).ofMaxSize(3)
                .map(ts -> new Case(add(ts), RealInterval.POSITIVE));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, reals), net.jqwik.api.Tuple.of(1, positive));
    }
}
