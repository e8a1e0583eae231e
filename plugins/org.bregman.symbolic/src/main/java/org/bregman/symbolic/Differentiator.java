package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.List;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Const;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/**
 * Symbolic differentiation of every construct of the language.
 *
 * <ul>
 * <li>{@code (f^g)'}: {@code g f^(g-1) f'} for constant g, {@code f^g log(f) g'} for constant f, and
 * {@code f^g (g' log f + g f'/f)} in general;
 * <li>{@code |u|' = sign(u) u'}, {@code sign(u)' = 0} (the jump at 0 is ignored: ψ'' is only used
 * where it exists);
 * <li>{@code min}/{@code max} need no piecewise node: with {@code s = sign(a - b)},
 * {@code max(a, b)' = (a' + b')/2 + s (a' - b')/2} and {@code min(a, b)' = (a' + b')/2 - s (a' - b')/2}
 * (at a tie this is the average of the one-sided derivatives).
 * </ul>
 */
public final class Differentiator {
    private Differentiator() {
    }

    /** d e / d var, simplified. */
    public static Expr diff(Expr e, String var) {
        return Simplifier.simplify(diffRaw(e, var));
    }

    /** d e / d var, simplified under assumptions (e.g. the coordinate's domain). */
    public static Expr diff(Expr e, String var, Assumptions assumptions) {
        return Simplifier.simplify(diffRaw(e, var), assumptions);
    }

    /** d e / d var without simplification (large: mostly for tests). */
    public static Expr diffRaw(Expr e, String var) {
        if (!e.contains(var)) return num(0);
        return switch (e) {
            case Num n -> num(0);
            case Const c -> num(0);
            case Var v -> num(v.name().equals(var) ? 1 : 0);
            case Add a -> {
                List<Expr> ts = new ArrayList<>();
                for (Expr t : a.terms()) {
                    if (t.contains(var)) ts.add(diffRaw(t, var));
                }
                yield ts.size() == 1 ? ts.get(0) : add(ts);
            }
            case Mul m -> {
                List<Expr> fs = m.factors();
                List<Expr> ts = new ArrayList<>();
                for (int i = 0; i < fs.size(); i++) {
                    if (!fs.get(i).contains(var)) continue;
                    List<Expr> prod = new ArrayList<>(fs);
                    prod.set(i, diffRaw(fs.get(i), var));
                    ts.add(mul(prod));
                }
                yield ts.size() == 1 ? ts.get(0) : add(ts);
            }
            case Pow p -> diffPow(p.base(), p.exp(), var);
            case Call c -> {
                Func f = c.f();
                if (f == Func.POW) yield diffPow(c.args().get(0), c.args().get(1), var);
                if (f == Func.MIN || f == Func.MAX) {
                    Expr a = c.args().get(0), b = c.args().get(1);
                    Expr da = diffRaw(a, var), db = diffRaw(b, var);
                    Expr half = mul(num(0.5), add(da, db));
                    Expr jump = mul(num(f == Func.MAX ? 0.5 : -0.5), sign(sub(a, b)), sub(da, db));
                    yield add(half, jump);
                }
                yield mul(f.definition().derivative(c.arg()), diffRaw(c.arg(), var));
            }
        };
    }

    private static Expr diffPow(Expr b, Expr x, String var) {
        boolean inBase = b.contains(var), inExp = x.contains(var);
        if (!inExp) {
            return mul(x, pow(b, add(x, num(-1))), diffRaw(b, var));
        }
        if (!inBase) {
            return mul(pow(b, x), log(b), diffRaw(x, var));
        }
        return mul(pow(b, x), add(mul(diffRaw(x, var), log(b)), mul(x, diffRaw(b, var), pow(b, num(-1)))));
    }
}
