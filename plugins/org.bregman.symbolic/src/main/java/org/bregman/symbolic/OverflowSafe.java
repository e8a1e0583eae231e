package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.List;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;

/**
 * The form in which derived expressions are <em>evaluated</em> (the interpreter, generated code), not
 * displayed: powers of {@code b u² + c} (b, c &gt; 0 numbers) are scaled like {@code Math.hypot} does,
 * {@code (b u² + c)^k = M^(2k) · (b (u/M)² + c/M²)^k} with {@code M = max(√b |u|, √c)}, an identity for
 * every u (M ≥ √c &gt; 0) whose intermediates stay near 1: {@code w / sqrt(w^2 + 1)} at w = 1e200 is 1,
 * not 1e200/∞ = 0, and {@code sqrt(w^2 + 1)} is 1e200, not ∞.
 */
public final class OverflowSafe {
    private OverflowSafe() {
    }

    public static Expr rewrite(Expr e) {
        return rewrite(e, false);
    }

    /**
     * The same with the scale's exponent 2k folded to a number where k is one ({@code M^1}, not {@code M^(2·0.5)}, so
     * that code generation specialises it): for forms no earlier output pins (a fused step), since specialising
     * {@code M^(2k)} may round differently from the {@code Math.pow} that {@link #rewrite(Expr)} leaves.
     */
    public static Expr rewriteFolded(Expr e) {
        return rewrite(e, true);
    }

    private static Expr rewrite(Expr e, boolean fold) {
        return switch (e) {
            case Add a -> add(a.terms().stream().map(t -> rewrite(t, fold)).toList());
            case Mul m -> mul(m.factors().stream().map(t -> rewrite(t, fold)).toList());
            case Call c -> call(c.f(), c.args().stream().map(t -> rewrite(t, fold)).toList());
            case Pow p -> scaled(rewrite(p.base(), fold), rewrite(p.exp(), fold), fold);
            default -> e;
        };
    }

    private static Expr scaled(Expr base, Expr k, boolean fold) {
        if (!(base instanceof Add a) || a.terms().size() != 2) return pow(base, k);
        Double c = null, b = null;
        Expr u = null;
        for (Expr t : a.terms()) {
            if (t instanceof Num n && n.value() > 0) {
                c = n.value();
            } else if (t instanceof Pow p && p.exp() instanceof Num two && two.value() == 2) {
                b = 1.0;
                u = p.base();
            } else if (t instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Num n && n.value() > 0
                    && m.factors().get(1) instanceof Pow p && p.exp() instanceof Num two && two.value() == 2) {
                b = n.value();
                u = p.base();
            }
        }
        if (c == null || b == null || !Double.isFinite(Math.sqrt(b) * Math.sqrt(c))) return pow(base, k);
        Expr su = b == 1 ? abs(u) : mul(num(Math.sqrt(b)), abs(u));
        Expr m = call(Func.MAX, su, num(Math.sqrt(c)));
        List<Expr> inner = new ArrayList<>();
        inner.add(mul(num(b), pow(mul(u, pow(m, num(-1))), num(2))));
        inner.add(mul(num(c), pow(m, num(-2))));
        Expr twoK = fold && k instanceof Num n ? num(2 * n.value()) : mul(num(2), k);
        return mul(pow(m, twoK), pow(add(inner), k));
    }
}
