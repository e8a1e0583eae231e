package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Const;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/**
 * Rewrites expressions into a readable canonical form (the only place where trees are rewritten).
 *
 * <p>Rules: flatten sums and products, fold numbers, collect like terms ({@code 2x + 3x → 5x}) and
 * powers ({@code x^a x^b → x^(a+b)}), drop {@code x^1}, {@code x^0}, {@code 1·x}, {@code 0 + x};
 * {@code sqrt(x) → x^0.5} (printed back as {@code sqrt}); {@code (x^a)^b}, {@code (xy)^a},
 * {@code |x|^even}, {@code sign(u)|u|^a → u|u|^(a-1)} (a &gt; 1), {@code sign(u)|u| → u}; inverse
 * pairs ({@code log(exp u) → u}, {@code sinh(asinh u) → u} …); signs from the assumptions' ranges
 * ({@code |w| → w} on {@code w > 0}).
 *
 * <p>Every rule is an identity on the domain (its side conditions are checked against the assumptions'
 * ranges, which are rigorous enclosures): the simplifier never concludes that two expressions are equal
 * from sampled values.
 */
public final class Simplifier {
    private static final int MAX_PASSES = 10;

    private final Assumptions assumptions;
    /** Whether sums over a common power are combined even when nothing cancels (see {@link #together}). */
    private final boolean together;

    private Simplifier(Assumptions assumptions, boolean together) {
        this.assumptions = assumptions;
        this.together = together;
    }

    /**
     * The simplified form with every group of terms over a common power of a sum brought over that
     * power, even when no term cancels: 1/(w^2 + 1)^0.25 - w^2/(2 (w^2 + 1)^1.25) becomes
     * (w^2/2 + 1)/(w^2 + 1)^1.25, whose interval enclosure is positive. For proofs, not for display.
     */
    public static Expr together(Expr e, Assumptions assumptions) {
        return run(new Simplifier(assumptions, true), e);
    }

    public static Expr simplify(Expr e) {
        return simplify(e, Assumptions.NONE);
    }

    public static Expr simplify(Expr e, Assumptions assumptions) {
        return run(new Simplifier(assumptions, false), e);
    }

    private static Expr run(Simplifier s, Expr e) {
        Expr cur = e;
        for (int i = 0; i < MAX_PASSES; i++) {
            Expr next = s.simp(cur);
            if (next.equals(cur)) return next;
            cur = next;
        }
        return cur;
    }

    /** Replaces variables by expressions (typically numbers), without simplifying. */
    public static Expr substitute(Expr e, Map<String, ? extends Expr> values) {
        return switch (e) {
            case Var v -> values.containsKey(v.name()) ? values.get(v.name()) : v;
            case Num n -> n;
            case Const c -> c;
            case Add a -> add(a.terms().stream().map(t -> substitute(t, values)).toList());
            case Mul m -> mul(m.factors().stream().map(t -> substitute(t, values)).toList());
            case Pow p -> pow(substitute(p.base(), values), substitute(p.exp(), values));
            case Call c -> call(c.f(), c.args().stream().map(t -> substitute(t, values)).toList());
        };
    }

    // ---------------------------------------------------------------------------------------------

    /** Results of this simplification run: later passes and repeated subtrees cost a lookup. */
    private final Map<Expr, Expr> memo = new HashMap<>();

    /**
     * The simplifier's budget, in rule applications per call: a larger expression is refused rather than
     * worked on for minutes. A count, not a time, so that the same potential is accepted on every machine
     * (the example potentials need at most about 200; 8 nested sqrt(1 + …) exceed it, after about 1 s).
     */
    static final int BUDGET = 500_000;
    private int calls;

    /** Called by every rule entry point (they call each other directly, not only through simp). */
    private void tick() {
        if (++calls > BUDGET) {
            throw new SymbolicException("expression too large to derive (simplification needs more than " + BUDGET + " rule applications)");
        }
    }

    private Expr simp(Expr e) {
        tick();
        if (e instanceof Num || e instanceof Var || e instanceof Const) return simpNode(e);
        Expr r = memo.get(e);
        if (r == null) {
            r = simpNode(e);
            memo.put(e, r);
        }
        return r;
    }

    private Expr simpNode(Expr e) {
        return switch (e) {
            case Num n -> n.value() == 0 ? num(0) : n; // no -0 in trees
            case Var v -> v;
            case Const c -> c;
            case Add a -> simpAdd(a.terms().stream().map(this::simp).toList());
            case Mul m -> simpMul(m.factors().stream().map(this::simp).toList());
            case Pow p -> simpPow(simp(p.base()), simp(p.exp()));
            case Call c -> simpCall(c.f(), c.args().stream().map(this::simp).toList());
        };
    }

    private static boolean isNum(Expr e, double v) {
        return e instanceof Num n && n.value() == v;
    }

    static boolean isInteger(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15;
    }

    private RealInterval range(Expr e) {
        return Ranges.range(e, assumptions);
    }

    private boolean nonNegative(Expr e) {
        return range(e).lower() >= 0;
    }

    private boolean positive(Expr e) {
        RealInterval r = range(e);
        return r.lower() > 0 || (r.lower() == 0 && !r.lowerClosed());
    }

    private boolean negative(Expr e) {
        RealInterval r = range(e);
        return r.upper() < 0 || (r.upper() == 0 && !r.upperClosed());
    }

    // ---- sums -----------------------------------------------------------------------------------

    /** A term split into numeric coefficient and the rest (null rest for a number). */
    private record Term(double coeff, Expr rest) {
    }

    private static Term split(Expr t) {
        if (t instanceof Num n) return new Term(n.value(), null);
        if (t instanceof Mul m && m.factors().get(0) instanceof Num n) {
            List<Expr> rest = m.factors().subList(1, m.factors().size());
            return new Term(n.value(), rest.size() == 1 ? rest.get(0) : new Mul(rest));
        }
        return new Term(1, t);
    }

    private static Expr scaled(double c, Expr rest) {
        if (rest == null) return num(c);
        if (c == 1) return rest;
        List<Expr> fs = new ArrayList<>();
        fs.add(num(c));
        if (rest instanceof Mul m) fs.addAll(m.factors());
        else fs.add(rest);
        return new Mul(fs);
    }

    private Expr simpAdd(List<Expr> terms) {
        tick();
        List<Expr> flat = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof Add a) flat.addAll(a.terms());
            else flat.add(t);
        }
        double constant = 0;
        LinkedHashMap<Expr, Double> coeffs = new LinkedHashMap<>();
        for (Expr t : flat) {
            Term s = split(t);
            if (s.rest == null) constant = Decimal.add(constant, s.coeff);
            else coeffs.merge(s.rest, s.coeff, Decimal::add);
        }
        constant = Decimal.add(constant, hyperbolicPythagoras(coeffs));
        List<Expr> kept = new ArrayList<>();
        for (Map.Entry<Expr, Double> en : coeffs.entrySet()) {
            if (en.getValue() != 0) kept.add(scaled(en.getValue(), en.getKey()));
        }
        if (kept.size() >= 2) kept = overCommonBase(kept);
        // exp(u) - 1 → expm1(u): the same value, without the cancellation near u = 0
        if (constant == -1) {
            for (int i = 0; i < kept.size(); i++) {
                if (kept.get(i) instanceof Call c && c.f() == Func.EXP) {
                    kept.set(i, call(Func.EXPM1, c.args()));
                    constant = 0;
                    break;
                }
            }
        }
        if (constant != 0 || kept.isEmpty()) kept.add(num(constant));
        return kept.size() == 1 ? kept.get(0) : new Add(kept);
    }

    /** Largest difference of exponents that {@link #overCommonBase} multiplies out. */
    private static final int MAX_SHIFT = 3;

    /**
     * Terms R_i · D^(e_i) that share a sum D, with exponents that differ by whole numbers, over the
     * common power: Σ R_i D^(e_i) = D^e (Σ R_i D^(e_i - e)) with e = min e_i, the bracket multiplied
     * out. Kept only when the group shrinks (something cancelled): exp(w)/(exp(w) + 1) -
     * exp(2w)/(exp(w) + 1)^2 becomes exp(w)/(exp(w) + 1)^2, which stays positive in floating point.
     * An identity wherever the terms are defined (D ≥ 0 for non-integer exponents, D ≠ 0 for negative ones).
     */
    private List<Expr> overCommonBase(List<Expr> terms) {
        // combining calls simpMul, whose root folding may call simpAdd on new sums: bound that recursion
        if (combining > 8) return terms;
        combining++;
        try {
            return overCommonBaseOnce(terms);
        } finally {
            combining--;
        }
    }

    private int combining;

    private List<Expr> overCommonBaseOnce(List<Expr> terms) {
        Map<Expr, List<Integer>> byBase = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            for (Expr f : factors(terms.get(i))) {
                if (f instanceof Pow p && p.base() instanceof Add && p.exp() instanceof Num) {
                    byBase.computeIfAbsent(p.base(), k -> new ArrayList<>()).add(i);
                }
            }
        }
        for (Map.Entry<Expr, List<Integer>> en : byBase.entrySet()) {
            List<Integer> group = en.getValue();
            if (group.size() < 2 || group.stream().distinct().count() != group.size()) continue;
            Add base = (Add) en.getKey();
            double[] exps = new double[group.size()];
            double min = Double.POSITIVE_INFINITY;
            for (int g = 0; g < group.size(); g++) {
                exps[g] = exponentOf(terms.get(group.get(g)), base);
                min = Math.min(min, exps[g]);
            }
            List<Expr> inner = new ArrayList<>();
            boolean ok = true;
            for (int g = 0; g < group.size() && ok; g++) {
                double shift = exps[g] - min;
                ok = shift == Math.rint(shift) && shift <= MAX_SHIFT;
                if (!ok) break;
                List<Expr> rest = new ArrayList<>();
                for (Expr f : factors(terms.get(group.get(g)))) {
                    if (!(f instanceof Pow p && p.base().equals(base))) rest.add(f);
                }
                for (int r = 0; r < (int) shift; r++) rest.add(base);
                List<Expr> expanded = expand(rest);
                ok = expanded != null;
                if (ok) inner.addAll(expanded);
            }
            if (!ok) continue;
            Expr sum = simpAdd(inner);
            int count = sum instanceof Add a ? a.terms().size() : isNum(sum, 0) ? 0 : 1;
            boolean shifted = false;
            for (double e : exps) shifted |= e != min;
            if (count > group.size() || (count == group.size() && !(together && shifted))) continue;
            List<Expr> out = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) if (!group.contains(i)) out.add(terms.get(i));
            if (count > 0) out.add(simpMul(List.of(sum, pow(base, num(min)))));
            return out;
        }
        return terms;
    }

    private static List<Expr> factors(Expr t) {
        return t instanceof Mul m ? m.factors() : List.of(t);
    }

    private static double exponentOf(Expr term, Expr base) {
        for (Expr f : factors(term)) {
            if (f instanceof Pow p && p.base().equals(base)) return ((Num) p.exp()).value();
        }
        return Double.NaN;
    }

    /** The product of the factors with the sums among them multiplied out (null when that grows past 64 terms). */
    private List<Expr> expand(List<Expr> factors) {
        List<List<Expr>> acc = new ArrayList<>();
        acc.add(List.of());
        for (Expr f : factors) {
            List<Expr> alternatives = f instanceof Add a ? a.terms() : List.of(f);
            List<List<Expr>> next = new ArrayList<>();
            for (List<Expr> prefix : acc) {
                for (Expr alt : alternatives) {
                    List<Expr> l = new ArrayList<>(prefix);
                    l.add(alt);
                    next.add(l);
                }
            }
            if (next.size() > 64) return null;
            acc = next;
        }
        List<Expr> out = new ArrayList<>();
        for (List<Expr> product : acc) out.add(product.isEmpty() ? num(1) : simpMul(product));
        return out;
    }

    /**
     * a cosh(u)^2 - a sinh(u)^2 = a (an identity for every real u): removes both terms from
     * {@code coeffs} and returns the constant they add up to.
     */
    private static double hyperbolicPythagoras(Map<Expr, Double> coeffs) {
        double constant = 0;
        for (Expr t : List.copyOf(coeffs.keySet())) {
            if (!(t instanceof Pow p && isNum(p.exp(), 2) && p.base() instanceof Call c && c.f() == Func.COSH)) continue;
            Expr sinh2 = pow(call(Func.SINH, c.args()), num(2));
            Double a = coeffs.get(t), b = coeffs.get(sinh2);
            if (a == null || b == null || a == 0 || Decimal.add(a, b) != 0) continue;
            coeffs.remove(t);
            coeffs.remove(sinh2);
            constant = Decimal.add(constant, a);
        }
        return constant;
    }

    // ---- products -------------------------------------------------------------------------------

    private Expr simpMul(List<Expr> factors) {
        tick();
        List<Expr> flat = new ArrayList<>();
        for (Expr f : factors) {
            if (f instanceof Mul m) flat.addAll(m.factors());
            else flat.add(f);
        }
        double coeff = 1;
        LinkedHashMap<Expr, List<Expr>> powers = new LinkedHashMap<>();
        for (Expr f : flat) {
            if (f instanceof Num n) {
                coeff = Decimal.mul(coeff, n.value());
            } else if (f instanceof Pow p) {
                powers.computeIfAbsent(p.base(), k -> new ArrayList<>()).add(p.exp());
            } else {
                powers.computeIfAbsent(f, k -> new ArrayList<>()).add(num(1));
            }
        }
        if (coeff == 0) return num(0);
        if (!Double.isFinite(coeff)) throw overflow(flat);
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Expr, List<Expr>> en : powers.entrySet()) {
            List<Expr> es = en.getValue();
            Expr exp = es.size() == 1 ? es.get(0) : simpAdd(es);
            Expr p = simpPow(en.getKey(), exp);
            if (p instanceof Num n) coeff = Decimal.mul(coeff, n.value());
            else if (p instanceof Mul m) {
                for (Expr f : m.factors()) {
                    if (f instanceof Num n) coeff = Decimal.mul(coeff, n.value());
                    else out.add(f);
                }
            } else out.add(p);
        }
        out = signedPowers(out);
        out = hyperbolicQuotients(out);
        out = logisticForm(out);
        if (coeff == 0) return num(0);
        // a number times a sum distributes (2 (a + b) → 2a + 2b), which exposes cancellations
        if (out.size() == 1 && out.get(0) instanceof Add a && coeff != 1) {
            double c = coeff;
            return simpAdd(a.terms().stream().map(t -> simpMul(List.of(num(c), t))).toList());
        }
        if (coeff != 1) {
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) instanceof Add a && wholeAfterScaling(a, coeff)) {
                    double c = coeff;
                    out.set(i, simpAdd(a.terms().stream().map(t -> simpMul(List.of(num(c), t))).toList()));
                    coeff = 1;
                    break;
                }
            }
        }
        out = foldIntoRoots(out);
        out.sort(FACTOR_ORDER);
        if (coeff != 1 || out.isEmpty()) out.add(0, num(coeff));
        return out.size() == 1 ? out.get(0) : new Mul(out);
    }

    private static SymbolicException overflow(List<Expr> factors) {
        StringBuilder sb = new StringBuilder();
        for (Expr f : factors) if (f instanceof Num n) sb.append(sb.length() == 0 ? "" : " * ").append(Printer.number(n.value()));
        return new SymbolicException("a constant of the derivation overflows a double: " + sb + " is beyond ±1.8e308; scale the potential down");
    }

    /** sinh(u) / cosh(u) → tanh(u), which is exact and one piece (invertible). */
    private static List<Expr> hyperbolicQuotients(List<Expr> fs) {
        for (int i = 0; i < fs.size(); i++) {
            if (!(fs.get(i) instanceof Call s && s.f() == Func.SINH)) continue;
            for (int j = 0; j < fs.size(); j++) {
                if (fs.get(j) instanceof Pow p && isNum(p.exp(), -1) && p.base() instanceof Call c && c.f() == Func.COSH
                        && c.arg().equals(s.arg())) {
                    List<Expr> out = new ArrayList<>(fs);
                    out.set(i, call(Func.TANH, s.args()));
                    out.remove(j);
                    return out;
                }
            }
        }
        return fs;
    }

    /**
     * exp(u) / (a exp(u) + b) → 1 / (a + b exp(-u)) for constant b: the same function, but finite for
     * every u (the left side is ∞/∞ once exp(u) overflows) — the logistic form of softplus' and
     * similar mirror maps.
     */
    private List<Expr> logisticForm(List<Expr> fs) {
        for (int i = 0; i < fs.size(); i++) {
            if (!(fs.get(i) instanceof Call e && e.f() == Func.EXP)) continue;
            for (int j = 0; j < fs.size(); j++) {
                if (!(fs.get(j) instanceof Pow p && isNum(p.exp(), -1) && p.base() instanceof Add d)) continue;
                Double a = null;
                List<Expr> b = new ArrayList<>();
                for (Expr t : d.terms()) {
                    Term s = split(t);
                    if (e.equals(s.rest()) && a == null) a = s.coeff();
                    else if (t.variables().stream().noneMatch(e.arg().variables()::contains)) b.add(t);
                    else a = Double.NaN;
                }
                if (a == null || a.isNaN() || b.isEmpty()) continue;
                Expr emu = simpCall(Func.EXP, List.of(simpMul(List.of(num(-1), e.arg()))));
                List<Expr> sum = new ArrayList<>();
                sum.add(num(a));
                for (Expr t : b) sum.add(simpMul(List.of(t, emu)));
                List<Expr> out = new ArrayList<>(fs);
                out.set(j, simpPow(simpAdd(sum), num(-1)));
                out.remove(i);
                return out;
            }
        }
        return fs;
    }

    /** The exponent n when {@code f} is {@code u^n} ({@code u} itself: 1), else NaN. */
    private static double powerOf(Expr f, Expr u) {
        if (f.equals(u)) return 1;
        if (f instanceof Pow p && p.base().equals(u) && p.exp() instanceof Num n) return n.value();
        return Double.NaN;
    }

    /** Whether f is u, |u|, or a power of either. */
    private static boolean isPowerOf(Expr f, Expr u) {
        Expr b = f instanceof Pow p ? p.base() : f;
        return b.equals(u) || (b instanceof Call c && c.f() == Func.ABS && c.arg().equals(u));
    }

    /** The exponent a when {@code f} is {@code |u|^a} ({@code |u|}: 1), else NaN. */
    private static double absPowerOf(Expr f, Expr u) {
        if (f instanceof Call c && c.f() == Func.ABS && c.arg().equals(u)) return 1;
        if (f instanceof Pow p && p.base() instanceof Call c && c.f() == Func.ABS && c.arg().equals(u) && p.exp() instanceof Num n) {
            return n.value();
        }
        return Double.NaN;
    }

    /**
     * Signed powers, all exact: sign(u)·|u| → u, sign(u)·|u|^a → u·|u|^(a-1) (a &gt; 1), sign(u)·u → |u|,
     * sign(u)·u^n → |u|^n (n odd) or u·|u|^(n-1) (n even); sign(u)^even next to a power of u or |u|
     * disappears (it is 1 except at u = 0, where that power decides the value); sign(u)^odd → sign(u).
     */
    private List<Expr> signedPowers(List<Expr> fs) {
        // u^even · |u|^a → |u|^(even + a)
        for (int i = 0; i < fs.size(); i++) {
            if (!(fs.get(i) instanceof Pow p && p.exp() instanceof Num n && isInteger(n.value()) && n.value() % 2 == 0)) continue;
            for (int j = 0; j < fs.size(); j++) {
                double a = absPowerOf(fs.get(j), p.base());
                if (j == i || Double.isNaN(a)) continue;
                List<Expr> out = new ArrayList<>(fs);
                out.set(j, simpPow(abs(p.base()), num(Decimal.add(a, n.value()))));
                out.remove(i);
                return out;
            }
        }
        for (int i = 0; i < fs.size(); i++) {
            Expr si = fs.get(i);
            Expr u;
            double k;
            if (si instanceof Call s && s.f() == Func.SIGN) {
                u = s.arg();
                k = 1;
            } else if (si instanceof Pow p && p.base() instanceof Call s && s.f() == Func.SIGN && p.exp() instanceof Num n
                    && isInteger(n.value()) && n.value() > 0) {
                u = s.arg();
                k = n.value();
            } else {
                continue;
            }
            if (k != 1 && k % 2 != 0) {
                List<Expr> out = new ArrayList<>(fs);
                out.set(i, si instanceof Pow p ? p.base() : si);
                return out;
            }
            for (int j = 0; j < fs.size(); j++) {
                if (j == i) continue;
                Expr f = fs.get(j);
                if (k != 1 && isPowerOf(f, u)) {
                    List<Expr> out = new ArrayList<>(fs);
                    out.remove(i); // sign(u)^even
                    return out;
                }
                double a = absPowerOf(f, u), n = powerOf(f, u);
                if (Double.isNaN(a) && !(isInteger(n))) continue;
                List<Expr> out = new ArrayList<>(fs);
                if (k != 1) {
                    out.remove(i); // sign(u)^even
                    return out;
                }
                if (!Double.isNaN(a)) {
                    if (a == 1) {
                        out.set(j, u);
                    } else if (a > 1) {
                        out.set(j, simpPow(abs(u), num(a - 1)));
                        out.add(u);
                    } else {
                        continue;
                    }
                } else if (n % 2 != 0) {
                    out.set(j, simpPow(abs(u), num(n)));
                } else if (n >= 2) {
                    out.set(j, simpPow(abs(u), num(n - 1)));
                    out.add(u);
                } else {
                    continue;
                }
                out.remove(i);
                return out;
            }
        }
        return fs;
    }

    /** Whether c times the sum has only whole coefficients while the sum itself has some fractional one. */
    private static boolean wholeAfterScaling(Add a, double c) {
        boolean fractional = false;
        for (Expr t : a.terms()) {
            double k = split(t).coeff();
            if (!isInteger(Decimal.mul(k, c))) return false;
            fractional |= !isInteger(k);
        }
        return fractional;
    }

    /**
     * f · (A)^e → (f^(1/e) A)^e with f^(1/e) distributed over the sum A, for a positive factor f,
     * when that is smaller: β · sqrt(w²/β² + 1) → sqrt(w² + β²).
     */
    private List<Expr> foldIntoRoots(List<Expr> fs) {
        if (fs.size() < 2) return fs;
        for (int i = 0; i < fs.size(); i++) {
            if (!(fs.get(i) instanceof Pow p && p.base() instanceof Add a && p.exp() instanceof Num ne && !isInteger(ne.value()))) continue;
            for (int j = 0; j < fs.size(); j++) {
                Expr f = fs.get(j);
                if (j == i || f.variables().isEmpty() && !(f instanceof Const) || !positive(f)) continue;
                Expr factor = simpPow(f, num(1 / ne.value()));
                Expr inner = simpAdd(a.terms().stream().map(t -> simpMul(List.of(factor, t))).toList());
                Expr candidate = simpPow(inner, ne);
                if (size(candidate) < size(f) + size(p)) {
                    List<Expr> out = new ArrayList<>(fs);
                    out.set(i, candidate);
                    out.remove(j);
                    return out;
                }
            }
        }
        return fs;
    }

    private static int rank(Expr e) {
        return switch (e) {
            case Num n -> 0;
            case Const c -> 1;
            case Add a -> 2;
            case Var v -> 3;
            case Call c -> c.f() == Func.SIGN ? 4 : 5;
            case Pow p -> p.base() instanceof Add ? 7 : rank(p.base());
            case Mul m -> 8;
        };
    }

    private static final Comparator<Expr> FACTOR_ORDER = Comparator.comparingInt(Simplifier::rank)
            .thenComparing(e -> e instanceof Pow p && p.exp() instanceof Num n && n.value() < 0 ? 1 : 0)
            .thenComparing(Printer::print);

    // ---- powers ---------------------------------------------------------------------------------

    private Expr simpPow(Expr b, Expr e) {
        tick();
        if (isNum(e, 0)) return num(1);
        if (isNum(e, 1)) return b;
        if (isNum(b, 1)) return num(1);
        if (b instanceof Num nb && e instanceof Num ne) {
            double v = isInteger(ne.value()) && Math.abs(ne.value()) <= 64 ? Decimal.powInt(nb.value(), (int) ne.value())
                    : Evaluator.pow(nb.value(), ne.value());
            if (Double.isFinite(v)) return num(v);
            return pow(b, e);
        }
        if (b instanceof Num nb && nb.value() == 0 && e instanceof Num ne && ne.value() > 0) return num(0);
        double k = e instanceof Num n ? n.value() : Double.NaN;
        boolean intExp = isInteger(k);
        if (b instanceof Pow p) {
            // (c^d)^e = c^(d e) when e is an integer or c ≥ 0; (c^even)^e = |c|^(even e)
            if (intExp || nonNegative(p.base())) {
                return simpPow(p.base(), simpMul(List.of(p.exp(), e)));
            }
            if (p.exp() instanceof Num d && isInteger(d.value()) && d.value() % 2 == 0) {
                return simpPow(simpCall(Func.ABS, List.of(p.base())), simpMul(List.of(p.exp(), e)));
            }
        }
        if (b instanceof Mul m) {
            // (x y)^e = x^e y^e for integer e, else over the factors known to be positive
            List<Expr> out = new ArrayList<>(), kept = new ArrayList<>();
            for (Expr f : m.factors()) {
                if (intExp || positive(f)) out.add(simpPow(f, e));
                else kept.add(f);
            }
            if (!out.isEmpty()) {
                if (!kept.isEmpty()) out.add(pow(kept.size() == 1 ? kept.get(0) : new Mul(kept), e));
                return simpMul(out);
            }
        }
        if (b instanceof Add a && !Double.isNaN(k) && (!intExp || Math.abs(k) >= 2)) {
            Expr monic = monic(a, k);
            if (monic != null) return monic;
        }
        if (b instanceof Call c) {
            if (c.f() == Func.ABS && intExp && k % 2 == 0) return simpPow(c.arg(), e);
            if (c.f() == Func.EXP) return simpCall(Func.EXP, List.of(simpMul(List.of(e, c.arg()))));
        }
        return pow(b, e);
    }

    /**
     * (c t + …)^k = c^k (t + …/c)^k, one canonical scaling of a sum under a power, so that
     * 100 / sqrt(10000 w^2 + 1) and 1 / sqrt(w^2 + 1e-4) are recognised as equal. Only when every
     * number involved is an exact fraction (so the rewrite is an identity for the numbers the user
     * wrote) and, for a non-integer k, c &gt; 0; null when it does not apply.
     */
    private Expr monic(Add a, double k) {
        double c = leadingCoefficient(a);
        if (c == 1 || c == 0 || (c < 0 && k != Math.rint(k))) return null;
        double ck = Decimal.rationalPow(c, k);
        if (!Double.isFinite(ck) || ck == 0) return null;
        List<Expr> scaledTerms = new ArrayList<>();
        for (Expr t : a.terms()) {
            Term s = split(t);
            double q = Decimal.divExact(s.coeff(), c);
            if (!Double.isFinite(q)) return null;
            scaledTerms.add(scaled(q, s.rest()));
        }
        Expr scaledSum = simpAdd(scaledTerms);
        if (leadingCoefficient(scaledSum) != 1) return null;
        return simpMul(List.of(num(ck), pow(scaledSum, num(k))));
    }

    /**
     * The numeric coefficient of the sum's non-constant term that prints first (an order that does
     * not depend on how the sum was built), or 1 when there is none.
     */
    private static double leadingCoefficient(Expr sum) {
        if (!(sum instanceof Add a)) return 1;
        String best = null;
        double coeff = 1;
        for (Expr t : a.terms()) {
            Term s = split(t);
            if (s.rest() == null) continue;
            String key = Printer.print(s.rest());
            if (best == null || key.compareTo(best) < 0) {
                best = key;
                coeff = s.coeff();
            }
        }
        return coeff;
    }

    // ---- calls ----------------------------------------------------------------------------------

    private Expr simpCall(Func f, List<Expr> args) {
        tick();
        if (f == Func.POW) return simpPow(args.get(0), args.get(1));
        if (f == Func.SQRT) return simpPow(args.get(0), num(0.5));
        if (args.stream().allMatch(a -> a instanceof Num)) {
            double v = f.arity() == 1 ? f.apply(((Num) args.get(0)).value())
                    : f.apply(((Num) args.get(0)).value(), ((Num) args.get(1)).value());
            // log(2) stays readable; exact results (integers, |x|, sign, min, max) fold
            boolean exact = v == Math.rint(v) || f == Func.ABS || f == Func.MIN || f == Func.MAX;
            if (Double.isFinite(v) && exact) return num(v);
            return call(f, args);
        }
        if (f.arity() == 2) {
            if (args.get(0).equals(args.get(1))) return args.get(0);
            return call(f, args);
        }
        Expr u = args.get(0);
        // f(f⁻¹(x)) = x on the domain of the inner function
        if (u instanceof Call inner && inner.f() == f.definition().rightInverse()) return inner.arg();
        Expr own = f.definition().simplify(u, rewriting);
        return own != null ? own : call(f, args);
    }

    /** What a function's own identities may use ({@link FunctionDefinition#simplify}). */
    private final Simplification rewriting = new Simplification() {
        @Override public Expr mul(List<Expr> factors) { return simpMul(factors); }
        @Override public Expr pow(Expr base, Expr exponent) { return simpPow(base, exponent); }
        @Override public Expr call(Func f, List<Expr> args) { return simpCall(f, args); }
        @Override public RealInterval range(Expr e) { return Simplifier.this.range(e); }
    };

    /** Structural size, for choosing the simpler of equal forms. */
    static int size(Expr e) {
        int s = 1;
        for (Expr c : e.children()) s += size(c);
        return s;
    }
}
