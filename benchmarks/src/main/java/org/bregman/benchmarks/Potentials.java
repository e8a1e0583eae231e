package org.bregman.benchmarks;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;
import java.util.Map;
import org.bregman.codegen.FromSymbolic;
import org.bregman.codegen.KernelSpec;
import org.bregman.symbolic.Condition;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.PotentialSpec.Parameter;
import org.bregman.symbolic.RealInterval;

/** The spec's potentials, derived by the symbolic engine (what `bregman` would compile). */
final class Potentials {

    private Potentials() {
    }

    static final Expr W = var("w");

    static PotentialSpec qnorm() {
        return qnorm("QNorm");
    }

    /** QNorm under another name: another class name, so a source of a shape not compiled before. */
    static PotentialSpec qnorm(String name) {
        Expr q = var("q");
        return PotentialSpec.of(name, List.of(new Parameter("q", 3, new Condition.Compare(q, Condition.Op.GT, num(1)))), "w",
                div(pow(abs(W), q), q));
    }

    static KernelSpec byName(String name) {
        return switch (name) {
            case "q3" -> FromSymbolic.spec(Derivation.derive(qnorm(), Map.of("q", 3.0)), null);
            case "q2.5" -> FromSymbolic.spec(Derivation.derive(qnorm(), Map.of("q", 2.5)), null);
            case "q2" -> FromSymbolic.spec(Derivation.derive(qnorm(), Map.of("q", 2.0)), null);
            case "negentropy" -> FromSymbolic.spec(Derivation.derive(
                    PotentialSpec.of("NegEntropy", List.of(), "w", sub(mul(W, log(W)), W)).withDomain(RealInterval.POSITIVE), Map.of()), null);
            case "hyperbolic" -> {
                Expr beta = var("beta");
                PotentialSpec s = PotentialSpec.of("HyperbolicEntropy",
                        List.of(new Parameter("beta", 1, new Condition.Compare(beta, Condition.Op.GT, num(0)))), "w",
                        sub(mul(W, call(Func.ASINH, div(W, beta))), sqrt(add(pow(W, num(2)), pow(beta, num(2))))));
                yield FromSymbolic.spec(Derivation.derive(s, Map.of()), null);
            }
            default -> throw new IllegalArgumentException("unknown potential " + name);
        };
    }
}
