package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;
import java.util.Map;

import org.bregman.symbolic.Condition.Compare;
import org.bregman.symbolic.Condition.Op;
import org.bregman.symbolic.PotentialSpec.Parameter;

/** The potentials of the spec (section 2) and of the seed papers, built as the language would build them. */
final class Examples {
    private Examples() {
    }

    static final Expr W = var("w");

    static Parameter param(String name, double dflt, Op op, double bound) {
        return new Parameter(name, dflt, new Compare(var(name), op, num(bound)));
    }

    /** potential QNorm(q = 3 where q > 1) { psi(w) = |w|^q / q } */
    static PotentialSpec qnorm() {
        return PotentialSpec.of("QNorm", List.of(param("q", 3, Op.GT, 1)), "w", div(pow(abs(W), var("q")), var("q")));
    }

    /** the sparse mirror |w|^(1+eps) / (1+eps) */
    static PotentialSpec sparse() {
        Expr p = add(num(1), var("eps"));
        return PotentialSpec.of("Sparse", List.of(param("eps", 0.01, Op.GT, 0)), "w", div(pow(abs(W), p), p));
    }

    static PotentialSpec negEntropy() {
        return PotentialSpec.of("NegEntropy", List.of(), "w", sub(mul(W, log(W)), W)).withDomain(RealInterval.POSITIVE);
    }

    static PotentialSpec hyperbolicEntropy() {
        Expr beta = var("beta");
        return PotentialSpec.of("HyperbolicEntropy", List.of(param("beta", 1, Op.GT, 0)), "w",
                sub(mul(W, call(Func.ASINH, div(W, beta))), sqrt(add(pow(W, num(2)), pow(beta, num(2))))));
    }

    static PotentialSpec smoothedHomogeneous() {
        Expr q = var("q"), beta = var("beta");
        return PotentialSpec.of("SmoothedHomogeneous", List.of(param("q", 3, Op.GT, 1), param("beta", 0.1, Op.GT, 0)), "w",
                div(pow(add(pow(W, num(2)), pow(beta, num(2))), div(q, num(2))), q));
    }

    static PotentialSpec quartic() {
        return PotentialSpec.of("Quartic", List.of(), "w", add(div(pow(W, num(4)), num(4)), div(pow(W, num(2)), num(2))));
    }

    static PotentialSpec qnormExplicit() {
        Expr q = var("q"), z = var("z");
        return qnorm().withGrad("w", mul(sign(W), pow(abs(W), sub(q, num(1)))))
                .withInverse("z", mul(sign(z), pow(abs(z), div(num(1), sub(q, num(1))))));
    }

    /** A named case: a spec with use-site arguments. */
    record Case(String label, PotentialSpec spec, Map<String, Double> args, boolean closedForm) {
        Derivation derivation() {
            return Derivation.derive(spec, args);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static List<Case> all() {
        return List.of(
                new Case("QNorm(q = 1.1)", qnorm(), Map.of("q", 1.1), true),
                new Case("QNorm(q = 1.5)", qnorm(), Map.of("q", 1.5), true),
                new Case("QNorm(q = 2)", qnorm(), Map.of("q", 2.0), true),
                new Case("QNorm(q = 3)", qnorm(), Map.of("q", 3.0), true),
                new Case("QNorm(q = 10)", qnorm(), Map.of("q", 10.0), true),
                new Case("Sparse(eps = 0.01)", sparse(), Map.of(), true),
                new Case("Sparse(eps = 0.1)", sparse(), Map.of("eps", 0.1), true),
                new Case("NegEntropy", negEntropy(), Map.of(), true),
                new Case("HyperbolicEntropy", hyperbolicEntropy(), Map.of(), true),
                new Case("HyperbolicEntropy(beta = 0.01)", hyperbolicEntropy(), Map.of("beta", 0.01), true),
                new Case("SmoothedHomogeneous", smoothedHomogeneous(), Map.of(), false),
                new Case("SmoothedHomogeneous(q = 1.5, beta = 1)", smoothedHomogeneous(), Map.of("q", 1.5, "beta", 1.0), false),
                new Case("Quartic", quartic(), Map.of(), false),
                new Case("QNormExplicit", qnormExplicit(), Map.of(), true));
    }
}
