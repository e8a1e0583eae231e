package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.HashMap;
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
 * <p>The rules live in groups: {@link SumRules}, {@link ProductRules}, {@link PowerRules}; a function's own
 * identities (its inverse pair, {@code |·|}'s and {@code sign}'s rules) are its {@link FunctionDefinition}'s.
 *
 * <p>Every rule is an identity on the domain (its side conditions are checked against the assumptions'
 * ranges, which are rigorous enclosures): the simplifier never concludes that two expressions are equal
 * from sampled values.
 */
public final class Simplifier {
    private static final int MAX_PASSES = 10;

    final Assumptions assumptions;
    /** Whether sums over a common power are combined even when nothing cancels (see {@link #together}). */
    final boolean together;

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
    void tick() {
        if (++calls > BUDGET) {
            throw new SymbolicException("expression too large to derive (simplification needs more than " + BUDGET + " rule applications)");
        }
    }

    Expr simp(Expr e) {
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

    static boolean isNum(Expr e, double v) {
        return e instanceof Num n && n.value() == v;
    }

    static boolean isInteger(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15;
    }

    RealInterval range(Expr e) {
        return Ranges.range(e, assumptions);
    }

    boolean nonNegative(Expr e) {
        return range(e).lower() >= 0;
    }

    boolean positive(Expr e) {
        RealInterval r = range(e);
        return r.lower() > 0 || (r.lower() == 0 && !r.lowerClosed());
    }

    boolean negative(Expr e) {
        RealInterval r = range(e);
        return r.upper() < 0 || (r.upper() == 0 && !r.upperClosed());
    }

    // ---- rule groups (each in its own class) ------------------------------------------------------

    private final SumRules sums = new SumRules(this);
    private final ProductRules products = new ProductRules(this);
    private final PowerRules powers = new PowerRules(this);

    Expr simpAdd(List<Expr> terms) {
        return sums.simpAdd(terms);
    }

    Expr simpMul(List<Expr> factors) {
        return products.simpMul(factors);
    }

    Expr simpPow(Expr b, Expr e) {
        return powers.simpPow(b, e);
    }

    // ---- calls ----------------------------------------------------------------------------------

    Expr simpCall(Func f, List<Expr> args) {
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
