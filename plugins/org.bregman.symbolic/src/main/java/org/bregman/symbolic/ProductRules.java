package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.Comparator;
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

/** The {@link Simplifier}'s rules for products: flatten, fold numbers, collect powers, sign·|·| pairs, sinh/cosh = tanh, the logistic form, canonical factor order. */
final class ProductRules {
    private final Simplifier simplifier;

    ProductRules(Simplifier simplifier) {
        this.simplifier = simplifier;
    }

    Expr simpMul(List<Expr> factors) {
        simplifier.tick();
        List<Expr> flat = Exprs.flatten(factors, Mul.class);
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
            Expr exp = es.size() == 1 ? es.get(0) : simplifier.simpAdd(es);
            Expr p = simplifier.simpPow(en.getKey(), exp);
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
            return simplifier.simpAdd(a.terms().stream().map(t -> simpMul(List.of(num(c), t))).toList());
        }
        if (coeff != 1) {
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) instanceof Add a && wholeAfterScaling(a, coeff)) {
                    double c = coeff;
                    out.set(i, simplifier.simpAdd(a.terms().stream().map(t -> simpMul(List.of(num(c), t))).toList()));
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

    static SymbolicException overflow(List<Expr> factors) {
        StringBuilder sb = new StringBuilder();
        for (Expr f : factors) if (f instanceof Num n) sb.append(sb.length() == 0 ? "" : " * ").append(Printer.number(n.value()));
        return new SymbolicException("a constant of the derivation overflows a double: " + sb + " is beyond ±1.8e308; scale the potential down");
    }

    /** sinh(u) / cosh(u) → tanh(u), which is exact and one piece (invertible). */
    static List<Expr> hyperbolicQuotients(List<Expr> fs) {
        for (int i = 0; i < fs.size(); i++) {
            if (!(fs.get(i) instanceof Call s && s.f() == Func.SINH)) continue;
            for (int j = 0; j < fs.size(); j++) {
                if (fs.get(j) instanceof Pow p && Simplifier.isNum(p.exp(), -1) && p.base() instanceof Call c && c.f() == Func.COSH
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
    List<Expr> logisticForm(List<Expr> fs) {
        for (int i = 0; i < fs.size(); i++) {
            if (!(fs.get(i) instanceof Call e && e.f() == Func.EXP)) continue;
            for (int j = 0; j < fs.size(); j++) {
                if (!(fs.get(j) instanceof Pow p && Simplifier.isNum(p.exp(), -1) && p.base() instanceof Add d)) continue;
                Double a = null;
                List<Expr> b = new ArrayList<>();
                for (Expr t : d.terms()) {
                    SumRules.Term s = SumRules.split(t);
                    if (e.equals(s.rest()) && a == null) a = s.coeff();
                    else if (t.variables().stream().noneMatch(e.arg().variables()::contains)) b.add(t);
                    else a = Double.NaN;
                }
                if (a == null || a.isNaN() || b.isEmpty()) continue;
                Expr emu = simplifier.simpCall(Func.EXP, List.of(simpMul(List.of(num(-1), e.arg()))));
                List<Expr> sum = new ArrayList<>();
                sum.add(num(a));
                for (Expr t : b) sum.add(simpMul(List.of(t, emu)));
                List<Expr> out = new ArrayList<>(fs);
                out.set(j, simplifier.simpPow(simplifier.simpAdd(sum), num(-1)));
                out.remove(i);
                return out;
            }
        }
        return fs;
    }

    /** The exponent n when {@code f} is {@code u^n} ({@code u} itself: 1), else NaN. */
    static double powerOf(Expr f, Expr u) {
        if (f.equals(u)) return 1;
        if (f instanceof Pow p && p.base().equals(u) && p.exp() instanceof Num n) return n.value();
        return Double.NaN;
    }

    /** Whether f is u, |u|, or a power of either. */
    static boolean isPowerOf(Expr f, Expr u) {
        Expr b = f instanceof Pow p ? p.base() : f;
        return b.equals(u) || (b instanceof Call c && c.f() == Func.ABS && c.arg().equals(u));
    }

    /** The exponent a when {@code f} is {@code |u|^a} ({@code |u|}: 1), else NaN. */
    static double absPowerOf(Expr f, Expr u) {
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
    List<Expr> signedPowers(List<Expr> fs) {
        // u^even · |u|^a → |u|^(even + a)
        for (int i = 0; i < fs.size(); i++) {
            if (!(fs.get(i) instanceof Pow p && p.exp() instanceof Num n && Simplifier.isInteger(n.value()) && n.value() % 2 == 0)) continue;
            for (int j = 0; j < fs.size(); j++) {
                double a = absPowerOf(fs.get(j), p.base());
                if (j == i || Double.isNaN(a)) continue;
                List<Expr> out = new ArrayList<>(fs);
                out.set(j, simplifier.simpPow(abs(p.base()), num(Decimal.add(a, n.value()))));
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
                    && Simplifier.isInteger(n.value()) && n.value() > 0) {
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
                if (Double.isNaN(a) && !(Simplifier.isInteger(n))) continue;
                List<Expr> out = new ArrayList<>(fs);
                if (k != 1) {
                    out.remove(i); // sign(u)^even
                    return out;
                }
                if (!Double.isNaN(a)) {
                    if (a == 1) {
                        out.set(j, u);
                    } else if (a > 1) {
                        out.set(j, simplifier.simpPow(abs(u), num(a - 1)));
                        out.add(u);
                    } else {
                        continue;
                    }
                } else if (n % 2 != 0) {
                    out.set(j, simplifier.simpPow(abs(u), num(n)));
                } else if (n >= 2) {
                    out.set(j, simplifier.simpPow(abs(u), num(n - 1)));
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
    static boolean wholeAfterScaling(Add a, double c) {
        boolean fractional = false;
        for (Expr t : a.terms()) {
            double k = SumRules.split(t).coeff();
            if (!Simplifier.isInteger(Decimal.mul(k, c))) return false;
            fractional |= !Simplifier.isInteger(k);
        }
        return fractional;
    }

    /**
     * f · (A)^e → (f^(1/e) A)^e with f^(1/e) distributed over the sum A, for a positive factor f,
     * when that is smaller: β · sqrt(w²/β² + 1) → sqrt(w² + β²).
     */
    List<Expr> foldIntoRoots(List<Expr> fs) {
        if (fs.size() < 2) return fs;
        for (int i = 0; i < fs.size(); i++) {
            if (!(fs.get(i) instanceof Pow p && p.base() instanceof Add a && p.exp() instanceof Num ne && !Simplifier.isInteger(ne.value()))) continue;
            for (int j = 0; j < fs.size(); j++) {
                Expr f = fs.get(j);
                if (j == i || f.variables().isEmpty() && !(f instanceof Const) || !simplifier.positive(f)) continue;
                Expr factor = simplifier.simpPow(f, num(1 / ne.value()));
                Expr inner = simplifier.simpAdd(a.terms().stream().map(t -> simpMul(List.of(factor, t))).toList());
                Expr candidate = simplifier.simpPow(inner, ne);
                if (Simplifier.size(candidate) < Simplifier.size(f) + Simplifier.size(p)) {
                    List<Expr> out = new ArrayList<>(fs);
                    out.set(i, candidate);
                    out.remove(j);
                    return out;
                }
            }
        }
        return fs;
    }

    static int rank(Expr e) {
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

    static final Comparator<Expr> FACTOR_ORDER = Comparator.comparingInt(ProductRules::rank)
            .thenComparing(e -> e instanceof Pow p && p.exp() instanceof Num n && n.value() < 0 ? 1 : 0)
            .thenComparing(Printer::print);
}
