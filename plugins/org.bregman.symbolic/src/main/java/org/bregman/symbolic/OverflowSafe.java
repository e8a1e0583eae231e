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
        return switch (e) {
            case Add a -> add(a.terms().stream().map(OverflowSafe::rewrite).toList());
            case Mul m -> mul(m.factors().stream().map(OverflowSafe::rewrite).toList());
            case Call c -> call(c.f(), c.args().stream().map(OverflowSafe::rewrite).toList());
            case Pow p -> scaled(rewrite(p.base()), rewrite(p.exp()));
            default -> e;
        };
    }

    private static Expr scaled(Expr base, Expr k) {
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
        return mul(pow(m, mul(num(2), k)), pow(add(inner), k));
    }
}
