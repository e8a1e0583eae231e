package org.bregman.codegen;

import static org.bregman.symbolic.Exprs.*;

import java.util.List;
import org.bregman.codegen.ir.Cond;
import org.bregman.codegen.ir.Node;
import org.bregman.symbolic.Condition;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.Func;

/**
 * The spec's potentials with ψ, ψ', ψ'' and the inverse derived by hand (as symbolic expressions,
 * lowered like the symbolic module's derivations), so that code generation is tested on its own.
 */
final class HandDerived {

    private HandDerived() {
    }

    static final Expr W = var("w");
    static final Expr Z = var("z");

    static Forms forms(Expr psi, Expr grad, Expr hess, Expr inv, Forms.Range domain, Forms.Range dual) {
        Lowering lw = new Lowering("w", List.of());
        Lowering lz = new Lowering("z", List.of());
        return new Forms(lw.lower(psi), lw.lower(grad), lw.lower(hess), inv == null ? null : lz.lower(inv), domain, dual);
    }

    static KernelSpec qnorm(double q) {
        Forms bound = forms(div(pow(abs(W), num(q)), num(q)), mul(sign(W), pow(abs(W), num(q - 1))),
                mul(num(q - 1), pow(abs(W), num(q - 2))), mul(sign(Z), pow(abs(Z), num(1 / (q - 1)))),
                Forms.Range.REALS, Forms.Range.REALS);
        // general forms over the parameter q
        Lowering lw = new Lowering("w", List.of("q"));
        Lowering lz = new Lowering("z", List.of("q"));
        Expr qv = var("q");
        Forms general = new Forms(lw.lower(div(pow(abs(W), qv), qv)), lw.lower(mul(sign(W), pow(abs(W), sub(qv, num(1))))),
                lw.lower(mul(sub(qv, num(1)), pow(abs(W), sub(qv, num(2))))),
                lz.lower(mul(sign(Z), pow(abs(Z), div(num(1), sub(qv, num(1)))))), Forms.Range.REALS, Forms.Range.REALS);
        return new KernelSpec("QNorm", "lq potential of Azizan, Lale & Hassibi; q = 2 is plain SGD.", List.of("q"), List.of(3.0),
                List.of(q), bound, general, new Cond.Cmp(Condition.Op.GT, new Node.Param(0), Node.num(1)), "q > 1");
    }

    static KernelSpec negEntropy() {
        return KernelSpec.of("NegEntropy", "Exponentiated gradient: the unnormalised negative entropy.",
                forms(sub(mul(W, log(W)), W), log(W), pow(W, num(-1)), exp(Z),
                        Forms.Range.of(0, false, Double.POSITIVE_INFINITY, false), Forms.Range.REALS));
    }

    static KernelSpec hyperbolic(double beta) {
        Expr wb = mul(W, num(1 / beta));
        Forms f = forms(sub(mul(W, call(Func.ASINH, wb)), sqrt(add(pow(W, num(2)), num(beta * beta)))),
                call(Func.ASINH, wb), pow(add(pow(W, num(2)), num(beta * beta)), num(-0.5)),
                mul(num(beta), call(Func.SINH, Z)), Forms.Range.REALS, Forms.Range.REALS);
        return new KernelSpec("HyperbolicEntropy", "Hyperbolic entropy.", List.of("beta"), List.of(1.0), List.of(beta), f, null,
                null, null);
    }

    static KernelSpec smoothed(double q, double beta) {
        Expr s = add(pow(W, num(2)), num(beta * beta));
        Forms f = forms(mul(pow(s, num(q / 2)), num(1 / q)), mul(W, pow(s, num(q / 2 - 1))),
                add(pow(s, num(q / 2 - 1)), mul(num(q - 2), pow(W, num(2)), pow(s, num(q / 2 - 2)))), null,
                Forms.Range.REALS, Forms.Range.REALS);
        return new KernelSpec("SmoothedHomogeneous", "Smoothened homogeneous potential.", List.of("q", "beta"), List.of(3.0, 0.1),
                List.of(q, beta), f, null, null, null);
    }

    static KernelSpec quartic() {
        return KernelSpec.of("Quartic", "No closed-form inverse.", forms(add(div(pow(W, num(4)), num(4)), div(pow(W, num(2)), num(2))),
                add(pow(W, num(3)), W), add(mul(num(3), pow(W, num(2))), num(1)), null, Forms.Range.REALS, Forms.Range.REALS));
    }

    /** psi = sqrt(1 + w^2): a bounded dual domain (-1, 1), inverse z / sqrt(1 - z^2). */
    static KernelSpec bounded() {
        Expr s = add(num(1), pow(W, num(2)));
        return KernelSpec.of("Bounded", "", forms(sqrt(s), mul(W, pow(s, num(-0.5))), pow(s, num(-1.5)),
                mul(Z, pow(add(num(1), neg(pow(Z, num(2)))), num(-0.5))), Forms.Range.REALS, Forms.Range.of(-1, false, 1, false)));
    }

    static List<KernelSpec> all() {
        return List.of(qnorm(3), qnorm(2), qnorm(1.5), qnorm(2.5), qnorm(10), qnorm(1.1), negEntropy(), hyperbolic(1), hyperbolic(0.5),
                smoothed(3, 0.1), quartic(), bounded());
    }
}
