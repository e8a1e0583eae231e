package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.List;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/**
 * Closed-form inversion of {@code z = g(w)} when g is a composition of invertible pieces in which
 * {@code w} occurs once: peel the outermost piece and apply its inverse to the other side.
 *
 * <ul>
 * <li>sums and products with one term/factor containing w (affine maps);
 * <li>powers {@code u^a} with {@code u ≥ 0} on the domain, odd integer powers, even ones with a
 * known sign of u, {@code b^u} with constant {@code b > 0};
 * <li>the signed powers {@code sign(u)|u|^a} and {@code u|u|^b} (w occurs twice, but as one
 * invertible piece) → {@code sign(z)|z|^(1/a)};
 * <li>every unary function with an inverse on the relevant branch ({@link Func#inverse}).
 * </ul>
 * Returns {@code null} when no rule applies (then the derivation inverts numerically). An instance is one solve's
 * state: the variable w and the assumptions.
 */
public record Inverter(String w, Assumptions assumptions) {

    /**
     * Solves {@code z = g(w)} for w.
     *
     * @param assumptions ranges of w (the domain) and of the parameters; also used to simplify
     * @return the solution as an expression in {@code z}, simplified, or {@code null}
     */
    public static Expr invert(Expr g, String w, String z, Assumptions assumptions) {
        if (!g.contains(w)) return null;
        Expr s = new Inverter(w, assumptions).solve(g, var(z));
        return s == null ? null : Simplifier.simplify(s, assumptions);
    }

    private RealInterval range(Expr e) {
        return Ranges.range(e, assumptions);
    }

    private static boolean isInteger(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15;
    }

    private Expr solve(Expr g, Expr t) {
        return switch (g) {
            case Var v -> v.name().equals(w) ? t : null;
            case Add a -> {
                List<Expr> with = new ArrayList<>(), rest = new ArrayList<>();
                for (Expr term : a.terms()) (term.contains(w) ? with : rest).add(term);
                if (with.size() > 1) {
                    // ±log(A) ± log(B) … = log(A^±1 · B^±1 …) for positive A, B (the logit map)
                    Expr logs = mergedLogs(with);
                    if (logs == null) yield null;
                    with = List.of(logs);
                }
                if (with.size() != 1) yield null;
                yield solve(with.get(0), rest.isEmpty() ? t : sub(t, add(rest)));
            }
            case Mul m -> solveMul(m, t);
            case Pow p -> solvePow(p.base(), p.exp(), t);
            case Call c -> {
                if (c.f() == Func.POW) yield solvePow(c.args().get(0), c.args().get(1), t);
                if (c.f().arity() != 1) yield null;
                Expr u = c.arg();
                if (c.f() == Func.ABS) {
                    RealInterval r = range(u);
                    yield r.lower() >= 0 ? solve(u, t) : r.upper() <= 0 ? solve(u, neg(t)) : null;
                }
                Expr inv = c.f().definition().inverse(t, range(u));
                yield inv == null ? null : solve(u, inv);
            }
            default -> null;
        };
    }

    private Expr solveMul(Mul m, Expr t) {
        List<Expr> with = new ArrayList<>(), rest = new ArrayList<>();
        for (Expr f : m.factors()) (f.contains(w) ? with : rest).add(f);
        Expr scaled = rest.isEmpty() ? t : mul(t, pow(rest.size() == 1 ? rest.get(0) : mul(rest), num(-1)));
        if (with.size() == 1) return solve(with.get(0), scaled);
        if (with.size() == 2) {
            Expr r = solveRatio(with.get(0), with.get(1), scaled);
            if (r == null) r = solveRatio(with.get(1), with.get(0), scaled);
            if (r != null) return r;
            r = solveRootRatio(with.get(0), with.get(1), scaled);
            if (r == null) r = solveRootRatio(with.get(1), with.get(0), scaled);
            if (r != null) return r;
            // sign(u)·|u|^a  or  u·|u|^b: the signed power of u with exponent a (= b + 1)
            Expr x = with.get(0), y = with.get(1);
            for (int k = 0; k < 2; k++) {
                Expr u = null, a = null;
                if (x instanceof Call s && s.f() == Func.SIGN) {
                    u = s.arg();
                    a = absPowerExponent(y, u);
                } else {
                    Expr e = absPowerExponent(y, x);
                    if (e != null) {
                        u = x;
                        a = add(e, num(1));
                    }
                }
                if (u != null && a != null && positive(a)) {
                    Expr root = mul(sign(scaled), pow(abs(scaled), pow(a, num(-1))));
                    return solve(u, root);
                }
                Expr tmp = x;
                x = y;
                y = tmp;
            }
        }
        return null;
    }

    /** The sum of ±log(A_i) as log(Π A_i^±1) when every A_i is positive on the domain, else null. */
    private Expr mergedLogs(List<Expr> terms) {
        List<Expr> factors = new ArrayList<>();
        for (Expr t : terms) {
            double sign = 1;
            Expr u = t;
            if (t instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Num n && Math.abs(n.value()) == 1) {
                sign = n.value();
                u = m.factors().get(1);
            }
            if (!(u instanceof Call c && c.f() == Func.LOG) || !positive(c.arg())) return null;
            factors.add(sign > 0 ? c.arg() : pow(c.arg(), num(-1)));
        }
        return log(mul(factors));
    }

    /**
     * x / (a x + b) = t (a Möbius map of x, b ≠ 0) ⇔ x = b / (1/t - a), the form that stays finite
     * where t overflows: for t = exp(z) it is the logistic function b / (exp(-z) - a).
     */
    private Expr solveRatio(Expr x, Expr y, Expr t) {
        if (!(y instanceof Pow p && p.exp() instanceof Num n && n.value() == -1 && p.base() instanceof Add d)) return null;
        Linear l = linear(d, x);
        if (l == null || l.constants().isEmpty()) return null;
        Expr bb = add(l.constants());
        if (range(bb).contains(0)) return null;
        return solve(x, mul(bb, pow(sub(pow(t, num(-1)), l.coefficient()), num(-1))));
    }

    /**
     * u / sqrt(a + b u^2) = t with constants a &gt; 0, b ⇔ u = t sqrt(a) / sqrt(1 - b t^2) (u and t
     * have the same sign): the mirror maps of sqrt(1 + w^2)-type potentials.
     */
    private Expr solveRootRatio(Expr u, Expr y, Expr t) {
        if (!(y instanceof Pow p && p.exp() instanceof Num n && n.value() == -0.5 && p.base() instanceof Add d)) return null;
        Linear l = linear(d, pow(u, num(2)));
        if (l == null || l.constants().isEmpty()) return null;
        Expr aa = add(l.constants());
        if (!positive(aa)) return null;
        return solve(u, mul(t, pow(aa, num(0.5)), pow(sub(num(1), mul(l.coefficient(), pow(t, num(2)))), num(-0.5))));
    }

    /** A sum c·x + b₁ + b₂ + … with c and the b free of w (c = 1 for a bare x). */
    private record Linear(Expr coefficient, List<Expr> constants) {
    }

    /** The sum as c·x + constants, or {@code null} when it is not that. */
    private Linear linear(Add d, Expr x) {
        Expr c = null;
        List<Expr> b = new ArrayList<>();
        for (Expr term : d.terms()) {
            if (!term.contains(w)) {
                b.add(term);
            } else if (c != null) {
                return null;
            } else if (term.equals(x)) {
                c = num(1);
            } else if (term instanceof Mul m && m.factors().size() >= 2 && !m.factors().get(0).contains(w)
                    && (m.factors().size() == 2 ? m.factors().get(1) : mul(m.factors().subList(1, m.factors().size()))).equals(x)) {
                c = m.factors().get(0);
            } else {
                return null;
            }
        }
        return c == null ? null : new Linear(c, b);
    }

    private boolean positive(Expr e) {
        RealInterval r = range(e);
        return r.lower() > 0 || (r.lower() == 0 && !r.lowerClosed());
    }

    /** a when {@code e} is |u|^a (a free of w), 1 when it is |u|; else null. */
    private Expr absPowerExponent(Expr e, Expr u) {
        if (e instanceof Call c && c.f() == Func.ABS && c.arg().equals(u)) return num(1);
        if (e instanceof Pow p && p.base() instanceof Call c && c.f() == Func.ABS && c.arg().equals(u) && !p.exp().contains(w)) {
            return p.exp();
        }
        return null;
    }

    private Expr solvePow(Expr b, Expr e, Expr t) {
        boolean inBase = b.contains(w), inExp = e.contains(w);
        if (inBase && inExp) return null;
        if (inExp) {
            // b^u = t ⇔ u = log(t) / log(b), for a constant b > 0, b ≠ 1
            RealInterval rb = range(b);
            if (!(rb.lower() > 0) || rb.contains(1)) return null;
            return solve(e, mul(log(t), pow(log(b), num(-1))));
        }
        RealInterval rb = range(b);
        Expr inv = pow(e, num(-1));
        if (rb.lower() >= 0) return solve(b, pow(t, inv));
        if (e instanceof Num n && isInteger(n.value())) {
            long k = (long) n.value();
            if (k % 2 != 0) return solve(b, mul(sign(t), pow(abs(t), inv)));
            if (rb.upper() <= 0) return solve(b, neg(pow(t, inv)));
        }
        return null;
    }
}
