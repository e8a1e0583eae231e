package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.bregman.symbolic.Expr.Add;

/**
 * Everything derived from a {@link PotentialSpec}: ψ, ψ', ψ'', the inverse mirror map (closed form
 * or numeric), D_ψ(w, v), domain and dual domain, plus the checks of spec section 2.
 *
 * <p>{@link #derive} keeps the parameters symbolic (for display); {@link #bind} substitutes numbers
 * and re-simplifies (what code generation specialises on: {@code w * |w|} for {@code q = 3}). The
 * numeric methods ({@link #psi(double)} …) and {@link #dualDomain()} use the bound values, or the
 * defaults for an unbound derivation. Instances are immutable and thread-safe.
 */
public final class Derivation {

    /** How the inverse mirror map is computed. */
    public enum InverseKind {
        CLOSED_FORM, NUMERIC;

        /** {@code closed-form} or {@code numeric}, as the CLI prints it. */
        public String label() {
            return this == CLOSED_FORM ? "closed-form" : "numeric";
        }
    }

    /**
     * The inverse mirror map: {@code expr} in {@link Derivation#dualVariable()} for a closed form,
     * {@code null} for a numeric one (safeguarded Newton–bisection, {@link NumericInverse}).
     */
    public record Inverse(InverseKind kind, Expr expr) {
        public boolean isClosedForm() {
            return kind == InverseKind.CLOSED_FORM;
        }
    }

    private final PotentialSpec spec;
    private final Map<String, Double> values;
    private final boolean bound;
    private final String w, z, v;
    private final Assumptions assumptions;
    private final Expr psi, grad, hessian;
    /** D_ψ and its numeric form, simplified when first asked for: a live compile never uses it; set once, racily. */
    private volatile Divergence divergence;
    private final Inverse inverse;
    private final RealInterval dualDomain;
    // numeric functions for `values`
    private final List<String> names;
    private final double[] paramValues;
    private final Evaluator.Compiled psiC, gradC, hessC, invC;
    private final NumericInverse numericInverse;

    private Derivation(PotentialSpec spec, Map<String, Double> values, boolean bound) {
        if (spec.isComposite()) throw new SymbolicException(spec.name() + " is non-separable: derive it with CompositeDerivation");
        this.spec = spec;
        this.values = Map.copyOf(values);
        this.bound = bound;
        this.w = spec.coordinate();
        Set<String> taken = new java.util.HashSet<>(spec.defaults().keySet());
        taken.add(w);
        this.z = fresh("z", taken);
        taken.add(z);
        this.v = fresh(w.equals("w") ? "v" : w + "0", taken);

        Map<String, RealInterval> ranges = new LinkedHashMap<>();
        ranges.put(w, spec.domain());
        Expr psi0 = spec.psi();
        if (bound) {
            Map<String, Expr> nums = new LinkedHashMap<>();
            values.forEach((k, x) -> nums.put(k, num(x)));
            psi0 = Simplifier.substitute(psi0, nums);
        } else {
            for (PotentialSpec.Parameter p : spec.parameters()) {
                ranges.put(p.name(), p.where() == null ? RealInterval.REALS : p.where().impliedRange(p.name()));
            }
        }
        Map<String, Double> defaults = spec.defaults();
        List<Condition> conditions = spec.parameters().stream().map(PotentialSpec.Parameter::where).filter(c -> c != null).toList();
        this.assumptions = new Assumptions(ranges, bound || conditions.isEmpty() ? null : m -> {
            Map<String, Double> all = new LinkedHashMap<>(defaults);
            all.putAll(m);
            try {
                for (Condition c : conditions) if (!c.test(all)) return false;
            } catch (SymbolicException ex) {
                return true;
            }
            return true;
        });

        try {
            this.psi = withinBudget("psi", Simplifier.simplify(withinBudget("psi", psi0), assumptions));
            this.grad = withinBudget("ψ'", Simplifier.simplify(withinBudget("ψ'", Differentiator.diffRaw(psi, w)), assumptions));
            this.hessian = withinBudget("ψ''", Simplifier.simplify(withinBudget("ψ''", Differentiator.diffRaw(grad, w)), assumptions));
        } catch (StackOverflowError e) {
            throw new SymbolicException("expression too deeply nested to derive");
        }

        this.names = new ArrayList<>();
        names.add(w);
        if (!bound) names.addAll(spec.defaults().keySet());
        this.paramValues = bound ? new double[0] : spec.defaults().keySet().stream().mapToDouble(values::get).toArray();
        this.psiC = Evaluator.compile(OverflowSafe.rewrite(psi), names);
        this.gradC = Evaluator.compile(OverflowSafe.rewrite(grad), names);
        this.hessC = Evaluator.compile(OverflowSafe.rewrite(hessian), names);

        this.dualDomain = Limits.rangeOfIncreasing(this::grad, spec.domain());

        Expr inv = null;
        try {
            Assumptions za = dualDomain == null ? assumptions : assumptions.with(z, dualDomain);
            inv = Inverter.invert(grad, w, z, za);
        } catch (SymbolicException | ArithmeticException ex) {
            inv = null;
        }
        List<String> zNames = new ArrayList<>(names);
        zNames.set(0, z);
        Evaluator.Compiled ic = inv == null ? null : Evaluator.compile(inv, zNames);
        if (ic != null && !inverseAgrees(ic)) {
            ic = null;
            inv = null;
        }
        this.inverse = inv == null ? new Inverse(InverseKind.NUMERIC, null) : new Inverse(InverseKind.CLOSED_FORM, inv);
        this.invC = ic;
        this.numericInverse = new NumericInverse(this::grad, this::hessian, spec.domain(), dualDomain);
    }

    private record Divergence(Expr expr, Evaluator.Compiled compiled) {
    }

    /** D_ψ simplified and compiled on first use (deterministic: a race computes the same twice). */
    private Divergence divergence() {
        Divergence d = divergence;
        if (d == null) {
            Expr b = Simplifier.simplify(bregmanRaw(), assumptions.with(v, spec.domain()));
            List<String> bNames = new ArrayList<>(names);
            bNames.add(1, v);
            d = new Divergence(b, Evaluator.compile(b, bNames));
            divergence = d;
        }
        return d;
    }

    /** Largest expression (in nodes) that a derivation works on. */
    static final int MAX_NODES = 20_000;

    private static Expr withinBudget(String what, Expr e) {
        // counted without recursion and stopping at the limit: a tree with shared subtrees may be huge
        java.util.ArrayDeque<Expr> todo = new java.util.ArrayDeque<>();
        todo.push(e);
        int n = 0;
        while (!todo.isEmpty()) {
            if (++n > MAX_NODES) {
                throw new SymbolicException("expression too large to derive (" + what + " has more than " + MAX_NODES + " nodes)");
            }
            for (Expr c : todo.pop().children()) todo.push(c);
        }
        return e;
    }

    private static String fresh(String base, Set<String> taken) {
        if (!taken.contains(base)) return base;
        for (int i = 1;; i++) {
            if (!taken.contains(base + i)) return base + i;
        }
    }

    /** ψ(w) − ψ(v) − ψ'(v)(w − v), with ψ'(v) distributed over its terms so that they can cancel. */
    private Expr bregmanRaw() {
        Map<String, Expr> atV = Map.of(w, var(v));
        Expr psiV = Simplifier.substitute(psi, atV), gradV = Simplifier.substitute(grad, atV);
        List<Expr> terms = new ArrayList<>();
        terms.add(psi);
        terms.add(neg(psiV));
        List<Expr> gs = gradV instanceof Add a ? a.terms() : List.of(gradV);
        for (Expr g : gs) {
            terms.add(neg(mul(g, var(w))));
            terms.add(mul(g, var(v)));
        }
        return add(terms);
    }

    /** The closed form, checked numerically: inverse(grad(w)) = w at sample points of the domain. */
    private boolean inverseAgrees(Evaluator.Compiled ic) {
        SplittableRandom rnd = new SplittableRandom(7);
        int checked = 0;
        for (int i = 0; i < 60; i++) {
            double x = Assumptions.sample(spec.domain(), rnd);
            double g = grad(x);
            if (!Double.isFinite(g) || Math.abs(x) < 1e-8) continue;
            double back = ic.eval(args(g));
            checked++;
            // agreement in w, or in ψ' where ψ' saturates (w ↦ ψ'(w) loses w's digits there)
            if (!(Math.abs(back - x) <= 1e-8 * Math.abs(x)) && !(Math.abs(grad(back) - g) <= 1e-13 * Math.max(1, Math.abs(g)))) return false;
        }
        return checked >= 10;
    }

    private double[] args(double x) {
        double[] a = new double[1 + paramValues.length];
        a[0] = x;
        System.arraycopy(paramValues, 0, a, 1, paramValues.length);
        return a;
    }

    // ---- construction -----------------------------------------------------------------------------

    /** The derivation with symbolic parameters (numeric methods use the defaults). */
    public static Derivation derive(PotentialSpec spec) {
        return cached(spec, spec.defaults(), false);
    }

    /** A derivation's inputs: the potential (structural equality: its canonical form), the parameter values, bound or not. */
    private record Key(PotentialSpec spec, Map<String, Double> values, boolean bound) {
    }

    /** Recent derivations: validation, the trainer and code generation derive a potential once per run and share it. */
    private static final Map<Key, Derivation> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Derivation> eldest) {
            return size() > 256;
        }
    };

    // instances are immutable, so one may serve every caller; a failing derivation is not kept (it throws again)
    private static Derivation cached(PotentialSpec spec, Map<String, Double> values, boolean bound) {
        Key key = new Key(spec, Map.copyOf(values), bound);
        synchronized (CACHE) {
            Derivation d = CACHE.get(key);
            if (d != null) return d;
        }
        Derivation d = new Derivation(spec, values, bound);
        synchronized (CACHE) {
            CACHE.put(key, d);
        }
        return d;
    }

    /**
     * A derivation with these parameter values substituted (missing ones take their defaults) and
     * re-simplified. An unknown name or a value violating its {@code where} constraint is a
     * {@link SymbolicException}.
     */
    public Derivation bind(Map<String, Double> arguments) {
        return cached(spec, spec.arguments(arguments), true);
    }

    /** {@link #derive} followed by {@link #bind}. */
    public static Derivation derive(PotentialSpec spec, Map<String, Double> arguments) {
        return cached(spec, spec.arguments(arguments), true);
    }

    // ---- symbolic results -------------------------------------------------------------------------

    public PotentialSpec spec() { return spec; }

    /** Whether parameters were substituted by numbers. */
    public boolean isBound() { return bound; }

    /** The parameter values of the numeric methods (bound ones, or the defaults). */
    public Map<String, Double> parameterValues() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String p : spec.defaults().keySet()) m.put(p, values.get(p));
        return m;
    }

    /** The coordinate variable, e.g. {@code w}. */
    public String coordinate() { return w; }

    /** The variable of the inverse mirror map, {@code z} (or a fresh name if taken). */
    public String dualVariable() { return z; }

    /** The second point of {@link #bregman()}, {@code v} (or a fresh name if taken). */
    public String secondVariable() { return v; }

    /** ψ, simplified. */
    public Expr psi() { return psi; }

    /** ψ', the mirror map. */
    public Expr grad() { return grad; }

    /** ψ''. */
    public Expr hessian() { return hessian; }

    public Inverse inverse() { return inverse; }

    /** D_ψ(w, v) in {@link #coordinate()} and {@link #secondVariable()}. */
    public Expr bregman() { return divergence().expr(); }

    public RealInterval domain() { return spec.domain(); }

    /**
     * The range of ψ' over the domain (limits of the increasing ψ' at the domain's ends), for the
     * parameter values; {@code null} when it could not be derived.
     */
    public RealInterval dualDomain() { return dualDomain; }

    /** Assumptions used for simplification (domain, parameter ranges). */
    public Assumptions assumptions() { return assumptions; }

    // ---- numeric results (for parameterValues()) -----------------------------------------------------

    public double psi(double x) { return psiC.eval(args(x)); }

    public double grad(double x) { return gradC.eval(args(x)); }

    public double hessian(double x) { return hessC.eval(args(x)); }

    /** (ψ')⁻¹(z): the closed form, or the safeguarded numeric solve. NaN outside the dual domain. */
    public double inverse(double zz) {
        if (invC != null) return spec.domain().inside(invC.eval(args(zz)));
        return numericInverse.solve(zz);
    }

    public double bregman(double x, double y) {
        double[] a = new double[2 + paramValues.length];
        a[0] = x;
        a[1] = y;
        System.arraycopy(paramValues, 0, a, 2, paramValues.length);
        return divergence().compiled().eval(a);
    }

    private static final double[] GL_X = {-0.9602898564975363, -0.7966664774136267, -0.525532409916329, -0.1834346424956498,
        0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363};
    private static final double[] GL_W = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.362683783378362,
        0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    /**
     * D_ψ(w, v) without the cancellation of {@link #bregman(double, double)} when w is close to v:
     * there the formula subtracts numbers of size ψ to get one of size ψ''(w − v)²/2 and keeps no
     * correct digit once |w − v| is below about 1e-8 |v|. For |w − v| &lt; 1e-3 (1 + |v|) this computes
     * D = ∫_v^w (ψ'(t) − ψ'(v)) dt by 8-point Gauss–Legendre quadrature (exact for polynomial ψ' up
     * to degree 15), whose error is relative to D itself; otherwise the formula.
     */
    public double bregmanStable(double x, double y) {
        double h = x - y;
        if (!(Math.abs(h) < 1e-3 * (1 + Math.abs(y)))) return bregman(x, y);
        if (h == 0) return 0;
        double gy = grad(y), mid = (x + y) / 2, half = h / 2, sum = 0;
        for (int i = 0; i < GL_X.length; i++) sum += GL_W[i] * (grad(mid + half * GL_X[i]) - gy);
        return sum * half;
    }

    /** The numeric inverse (even when a closed form exists), e.g. to compare the two. */
    public NumericInverse numericInverse() { return numericInverse; }

    /** ψ' as a function, for the numeric values. */
    public DoubleUnaryOperator gradFunction() { return this::grad; }

    // ---- checks ---------------------------------------------------------------------------------

    /** All checks: operation domains, strict convexity, overrides. */
    public List<CheckFinding> check() {
        List<CheckFinding> out = new ArrayList<>(Checks.domains(this));
        if (out.stream().noneMatch(CheckFinding::isError)) {
            CheckFinding c = Checks.convexity(this);
            if (c != null) out.add(c);
            out.addAll(Checks.overrides(this));
        }
        return out;
    }

    /** The operation-domain check of ψ and the overrides. */
    public List<CheckFinding> checkDomains() { return Checks.domains(this); }

    /** The strict-convexity check: {@code null} when proved, an error when refuted, a warning when unknown. */
    public CheckFinding checkConvexity() { return Checks.convexity(this); }

    /** The override checks. */
    public List<CheckFinding> checkOverrides() { return Checks.overrides(this); }

    @Override
    public String toString() {
        return spec.name() + ": psi(" + w + ") = " + Printer.print(psi) + "; grad = " + Printer.print(grad) + "; inverse("
                + z + ") = " + (inverse.isClosedForm() ? Printer.print(inverse.expr()) : "numeric") + "; dual domain "
                + dualDomain;
    }
}
