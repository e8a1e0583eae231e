package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.List;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;

/** The {@link Simplifier}'s rules for powers: (x^a)^b, (xy)^a, |x|^even, exp(u)^a, monic sums under a power. */
final class PowerRules {
    private final Simplifier simplifier;

    PowerRules(Simplifier simplifier) {
        this.simplifier = simplifier;
    }

    Expr simpPow(Expr b, Expr e) {
        simplifier.tick();
        if (Simplifier.isNum(e, 0)) return num(1);
        if (Simplifier.isNum(e, 1)) return b;
        if (Simplifier.isNum(b, 1)) return num(1);
        if (b instanceof Num nb && e instanceof Num ne) {
            double v = Simplifier.isInteger(ne.value()) && Math.abs(ne.value()) <= 64 ? Decimal.powInt(nb.value(), (int) ne.value())
                    : Evaluator.pow(nb.value(), ne.value());
            if (Double.isFinite(v)) return num(v);
            return pow(b, e);
        }
        if (b instanceof Num nb && nb.value() == 0 && e instanceof Num ne && ne.value() > 0) return num(0);
        double k = e instanceof Num n ? n.value() : Double.NaN;
        boolean intExp = Simplifier.isInteger(k);
        if (b instanceof Pow p) {
            // (c^d)^e = c^(d e) when e is an integer or c ≥ 0; (c^even)^e = |c|^(even e)
            if (intExp || simplifier.nonNegative(p.base())) {
                return simpPow(p.base(), simplifier.simpMul(List.of(p.exp(), e)));
            }
            if (p.exp() instanceof Num d && Simplifier.isInteger(d.value()) && d.value() % 2 == 0) {
                return simpPow(simplifier.simpCall(Func.ABS, List.of(p.base())), simplifier.simpMul(List.of(p.exp(), e)));
            }
        }
        if (b instanceof Mul m) {
            // (x y)^e = x^e y^e for integer e, else over the factors known to be positive
            List<Expr> out = new ArrayList<>(), kept = new ArrayList<>();
            for (Expr f : m.factors()) {
                if (intExp || simplifier.positive(f)) out.add(simpPow(f, e));
                else kept.add(f);
            }
            if (!out.isEmpty()) {
                if (!kept.isEmpty()) out.add(pow(kept.size() == 1 ? kept.get(0) : new Mul(kept), e));
                return simplifier.simpMul(out);
            }
        }
        if (b instanceof Add a && !Double.isNaN(k) && (!intExp || Math.abs(k) >= 2)) {
            Expr monic = monic(a, k);
            if (monic != null) return monic;
        }
        if (b instanceof Call c) {
            if (c.f() == Func.ABS && intExp && k % 2 == 0) return simpPow(c.arg(), e);
            if (c.f() == Func.EXP) return simplifier.simpCall(Func.EXP, List.of(simplifier.simpMul(List.of(e, c.arg()))));
        }
        return pow(b, e);
    }

    /**
     * (c t + …)^k = c^k (t + …/c)^k, one canonical scaling of a sum under a power, so that
     * 100 / sqrt(10000 w^2 + 1) and 1 / sqrt(w^2 + 1e-4) are recognised as equal. Only when every
     * number involved is an exact fraction (so the rewrite is an identity for the numbers the user
     * wrote) and, for a non-integer k, c &gt; 0; null when it does not apply.
     */
    Expr monic(Add a, double k) {
        double c = leadingCoefficient(a);
        if (c == 1 || c == 0 || (c < 0 && k != Math.rint(k))) return null;
        double ck = Decimal.rationalPow(c, k);
        if (!Double.isFinite(ck) || ck == 0) return null;
        List<Expr> scaledTerms = new ArrayList<>();
        for (Expr t : a.terms()) {
            SumRules.Term s = SumRules.split(t);
            double q = Decimal.divExact(s.coeff(), c);
            if (!Double.isFinite(q)) return null;
            scaledTerms.add(SumRules.scaled(q, s.rest()));
        }
        Expr scaledSum = simplifier.simpAdd(scaledTerms);
        if (leadingCoefficient(scaledSum) != 1) return null;
        return simplifier.simpMul(List.of(num(ck), pow(scaledSum, num(k))));
    }

    /**
     * The numeric coefficient of the sum's non-constant term that prints first (an order that does
     * not depend on how the sum was built), or 1 when there is none.
     */
    static double leadingCoefficient(Expr sum) {
        if (!(sum instanceof Add a)) return 1;
        String best = null;
        double coeff = 1;
        for (Expr t : a.terms()) {
            SumRules.Term s = SumRules.split(t);
            if (s.rest() == null) continue;
            String key = Printer.print(s.rest());
            if (best == null || key.compareTo(best) < 0) {
                best = key;
                coeff = s.coeff();
            }
        }
        return coeff;
    }
}
