package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;

/** The {@link Simplifier}'s rules for sums: flatten, fold numbers, collect like terms, combine over a common power of a sum, cosh² − sinh² = 1. */
final class SumRules {
    private final Simplifier simplifier;

    SumRules(Simplifier simplifier) {
        this.simplifier = simplifier;
    }

    /** A term split into numeric coefficient and the rest (null rest for a number). */
    record Term(double coeff, Expr rest) {
    }

    static Term split(Expr t) {
        if (t instanceof Num n) return new Term(n.value(), null);
        if (t instanceof Mul m && m.factors().get(0) instanceof Num n) {
            List<Expr> rest = m.factors().subList(1, m.factors().size());
            return new Term(n.value(), rest.size() == 1 ? rest.get(0) : new Mul(rest));
        }
        return new Term(1, t);
    }

    static Expr scaled(double c, Expr rest) {
        if (rest == null) return num(c);
        if (c == 1) return rest;
        List<Expr> fs = new ArrayList<>();
        fs.add(num(c));
        if (rest instanceof Mul m) fs.addAll(m.factors());
        else fs.add(rest);
        return new Mul(fs);
    }

    Expr simpAdd(List<Expr> terms) {
        simplifier.tick();
        List<Expr> flat = Exprs.flatten(terms, Add.class);
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
    static final int MAX_SHIFT = 3;

    /**
     * Terms R_i · D^(e_i) that share a sum D, with exponents that differ by whole numbers, over the
     * common power: Σ R_i D^(e_i) = D^e (Σ R_i D^(e_i - e)) with e = min e_i, the bracket multiplied
     * out. Kept only when the group shrinks (something cancelled): exp(w)/(exp(w) + 1) -
     * exp(2w)/(exp(w) + 1)^2 becomes exp(w)/(exp(w) + 1)^2, which stays positive in floating point.
     * An identity wherever the terms are defined (D ≥ 0 for non-integer exponents, D ≠ 0 for negative ones).
     */
    List<Expr> overCommonBase(List<Expr> terms) {
        // combining calls simpMul, whose root folding may call simpAdd on new sums: bound that recursion
        if (combining > 8) return terms;
        combining++;
        try {
            return overCommonBaseOnce(terms);
        } finally {
            combining--;
        }
    }

    int combining;

    List<Expr> overCommonBaseOnce(List<Expr> terms) {
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
            int count = sum instanceof Add a ? a.terms().size() : Simplifier.isNum(sum, 0) ? 0 : 1;
            boolean shifted = false;
            for (double e : exps) shifted |= e != min;
            if (count > group.size() || (count == group.size() && !(simplifier.together && shifted))) continue;
            List<Expr> out = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) if (!group.contains(i)) out.add(terms.get(i));
            if (count > 0) out.add(simplifier.simpMul(List.of(sum, pow(base, num(min)))));
            return out;
        }
        return terms;
    }

    static List<Expr> factors(Expr t) {
        return t instanceof Mul m ? m.factors() : List.of(t);
    }

    static double exponentOf(Expr term, Expr base) {
        for (Expr f : factors(term)) {
            if (f instanceof Pow p && p.base().equals(base)) return ((Num) p.exp()).value();
        }
        return Double.NaN;
    }

    /** The product of the factors with the sums among them multiplied out (null when that grows past 64 terms). */
    List<Expr> expand(List<Expr> factors) {
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
        for (List<Expr> product : acc) out.add(product.isEmpty() ? num(1) : simplifier.simpMul(product));
        return out;
    }

    /**
     * a cosh(u)^2 - a sinh(u)^2 = a (an identity for every real u): removes both terms from
     * {@code coeffs} and returns the constant they add up to.
     */
    static double hyperbolicPythagoras(Map<Expr, Double> coeffs) {
        double constant = 0;
        for (Expr t : List.copyOf(coeffs.keySet())) {
            if (!(t instanceof Pow p && Simplifier.isNum(p.exp(), 2) && p.base() instanceof Call c && c.f() == Func.COSH)) continue;
            Expr sinh2 = pow(call(Func.SINH, c.args()), num(2));
            Double a = coeffs.get(t), b = coeffs.get(sinh2);
            if (a == null || b == null || a == 0 || Decimal.add(a, b) != 0) continue;
            coeffs.remove(t);
            coeffs.remove(sinh2);
            constant = Decimal.add(constant, a);
        }
        return constant;
    }
}
