package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

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
 * <p><b>Numeric identity testing</b>: in every sum, sub-sums of up to three terms that vanish (or are a
 * whole-number constant) at several random admissible points — to a relative 1e-11 of their terms'
 * magnitudes — are dropped (replaced by that constant), and equal terms merged. This is how
 * {@code asinh(w/β) + w/(β sqrt(1 + (w/β)^2)) - w/sqrt(w^2 + β^2)} becomes {@code asinh(w / beta)}.
 * The points come from {@link Assumptions#sample}, so an identity that only holds for, say,
 * {@code β > 0} is used only when that is assumed.
 */
public final class Simplifier {
    private static final int MAX_PASSES = 10;
    private static final double IDENTITY_TOL = 1e-11;
    private static final int IDENTITY_POINTS = 24;

    private final Assumptions assumptions;

    private Simplifier(Assumptions assumptions) {
        this.assumptions = assumptions;
    }

    public static Expr simplify(Expr e) {
        return simplify(e, Assumptions.NONE);
    }

    public static Expr simplify(Expr e, Assumptions assumptions) {
        Simplifier s = new Simplifier(assumptions);
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

    private Expr simp(Expr e) {
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

    private static boolean isInteger(double x) {
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
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Expr, Double> en : coeffs.entrySet()) {
            if (en.getValue() != 0) out.add(scaled(en.getValue(), en.getKey()));
        }
        if (out.size() >= 2) out = cancelNumerically(out);
        // the constant of an identity found numerically joins the number term
        List<Expr> kept = new ArrayList<>();
        for (Expr t : out) {
            if (t instanceof Num n) constant = Decimal.add(constant, n.value());
            else kept.add(t);
        }
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

    /**
     * Drops sub-sums of up to three terms that are numerically identically zero (or a whole
     * constant), and merges terms that are numerically equal.
     */
    private List<Expr> cancelNumerically(List<Expr> terms) {
        int n = terms.size();
        if (n > 12) return terms;
        Set<String> vars = new Add(terms).variables();
        if (vars.isEmpty()) return terms;
        SplittableRandom rnd = new SplittableRandom(0x5eed ^ terms.hashCode());
        List<double[]> rows = new ArrayList<>();
        for (int tries = 0; tries < 4 * IDENTITY_POINTS && rows.size() < IDENTITY_POINTS; tries++) {
            // half fixed points spread over 10^±3, half random ones
            Map<String, Double> p = tries % 2 == 0 ? assumptions.spread(vars, tries / 2) : assumptions.sample(vars, rnd);
            if (p == null) continue;
            double[] row = new double[n];
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                try {
                    row[i] = Evaluator.eval(terms.get(i), p);
                } catch (SymbolicException ex) {
                    return terms;
                }
                ok = Double.isFinite(row[i]) && Math.abs(row[i]) < 1e150;
            }
            if (ok) rows.add(row);
        }
        if (rows.size() < IDENTITY_POINTS / 2) return terms;
        boolean[] gone = new boolean[n];
        List<Expr> extra = new ArrayList<>();
        for (int size = 1; size <= Math.min(3, n); size++) {
            for (int[] idx : subsets(n, size)) {
                boolean skip = false;
                for (int i : idx) skip |= gone[i];
                if (skip) continue;
                Double c = constantSum(rows, idx);
                if (c != null && !(size == 1 && c != 0 && terms.get(idx[0]) instanceof Num)) {
                    for (int i : idx) gone[i] = true;
                    if (c != 0) extra.add(num(c));
                }
            }
        }
        // equal (or opposite) pairs: t_i = k t_j for k = ±1 merges into (1 + k) t_j
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n && !gone[i]; j++) {
                if (gone[j]) continue;
                if (sameValues(rows, i, j)) {
                    gone[j] = true;
                    terms = new ArrayList<>(terms);
                    Expr keep = Printer.print(terms.get(i)).length() <= Printer.print(terms.get(j)).length() ? terms.get(i) : terms.get(j);
                    terms.set(i, simpMul(List.of(num(2), keep)));
                    for (double[] r : rows) r[i] *= 2;
                }
            }
        }
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!gone[i]) out.add(terms.get(i));
        out.addAll(extra);
        return out;
    }

    private static boolean sameValues(List<double[]> rows, int i, int j) {
        for (double[] r : rows) {
            if (Math.abs(r[i] - r[j]) > IDENTITY_TOL * (Math.abs(r[i]) + Math.abs(r[j])) || r[i] == 0) return false;
        }
        return true;
    }

    /** The common value of the sub-sum at all points when it is 0 or a whole number, else null. */
    private static Double constantSum(List<double[]> rows, int[] idx) {
        // the candidate constant comes from the best-conditioned point (smallest terms)
        double bestMag = Double.POSITIVE_INFINITY, c = Double.NaN;
        double[] sums = new double[rows.size()], mags = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            double s = 0, mag = 0;
            for (int i : idx) {
                s += rows.get(k)[i];
                mag += Math.abs(rows.get(k)[i]);
            }
            sums[k] = s;
            mags[k] = mag;
            if (mag < bestMag) {
                bestMag = mag;
                c = Math.rint(s);
            }
        }
        if (Double.isNaN(c) || Math.abs(c) > 1e6) return null;
        for (int k = 0; k < rows.size(); k++) {
            if (Math.abs(sums[k] - c) > IDENTITY_TOL * Math.max(mags[k], Math.abs(c))) return null;
        }
        return c == 0 ? 0.0 : c;
    }

    private static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) idx[i] = i;
        while (true) {
            out.add(idx.clone());
            int i = k - 1;
            while (i >= 0 && idx[i] == n - k + i) i--;
            if (i < 0) return out;
            idx[i]++;
            for (int j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
        }
    }

    // ---- products -------------------------------------------------------------------------------

    private Expr simpMul(List<Expr> factors) {
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
        if (b instanceof Call c) {
            if (c.f() == Func.ABS && intExp && k % 2 == 0) return simpPow(c.arg(), e);
            if (c.f() == Func.EXP) return simpCall(Func.EXP, List.of(simpMul(List.of(e, c.arg()))));
        }
        return pow(b, e);
    }

    // ---- calls ----------------------------------------------------------------------------------

    private Expr simpCall(Func f, List<Expr> args) {
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
        if (u instanceof Call inner && inner.f().arity() == 1) {
            Func g = inner.f();
            boolean pair = switch (f) {
                case EXP -> g == Func.LOG;
                case LOG -> g == Func.EXP;
                case SINH -> g == Func.ASINH;
                case ASINH -> g == Func.SINH;
                case TANH -> g == Func.ATANH;
                case ATANH -> g == Func.TANH;
                case EXPM1 -> g == Func.LOG1P;
                case LOG1P -> g == Func.EXPM1;
                case TAN -> g == Func.ATAN;
                case COSH -> g == Func.ACOSH;
                default -> false;
            };
            if (pair) return inner.arg();
        }
        switch (f) {
            case ABS -> {
                if (nonNegative(u)) return u;
                if (range(u).upper() <= 0) return simpMul(List.of(num(-1), u));
                if (u instanceof Call c && (c.f() == Func.ABS)) return u;
                if (u instanceof Mul m && m.factors().get(0) instanceof Num n) {
                    List<Expr> rest = m.factors().subList(1, m.factors().size());
                    return simpMul(List.of(num(Math.abs(n.value())), simpCall(Func.ABS, List.of(rest.size() == 1 ? rest.get(0) : new Mul(rest)))));
                }
                if (u instanceof Pow p && p.exp() instanceof Num n) {
                    if (isInteger(n.value()) && n.value() % 2 == 0) return u;
                    return simpPow(simpCall(Func.ABS, List.of(p.base())), p.exp());
                }
            }
            case SIGN -> {
                if (positive(u)) return num(1);
                if (negative(u)) return num(-1);
                if (u instanceof Call c && c.f() == Func.SIGN) return u;
                if (u instanceof Mul m && m.factors().get(0) instanceof Num n) {
                    List<Expr> rest = m.factors().subList(1, m.factors().size());
                    return simpMul(List.of(num(Math.signum(n.value())), simpCall(Func.SIGN, List.of(rest.size() == 1 ? rest.get(0) : new Mul(rest)))));
                }
                if (u instanceof Pow p && p.exp() instanceof Num n && isInteger(n.value())) {
                    if (n.value() % 2 != 0) return simpCall(Func.SIGN, List.of(p.base()));
                }
            }
            case LOG -> {
                if (u instanceof Pow p && positive(p.base())) {
                    return simpMul(List.of(p.exp(), simpCall(Func.LOG, List.of(p.base()))));
                }
            }
            case EXP -> {
                // exp(c log x) = x^c
                if (u instanceof Mul m && m.factors().size() == 2 && m.factors().get(1) instanceof Call c && c.f() == Func.LOG) {
                    return simpPow(c.arg(), m.factors().get(0));
                }
            }
            default -> {
            }
        }
        return call(f, args);
    }

    /** Structural size, for choosing the simpler of equal forms. */
    static int size(Expr e) {
        int s = 1;
        for (Expr c : e.children()) s += size(c);
        return s;
    }
}
