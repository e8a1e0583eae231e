package org.bregman.symbolic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;

/**
 * Decides whether ψ is strictly convex on its domain from ψ'' (and ψ' at kinks), with a proof, a
 * located counterexample, or an honest "unknown".
 *
 * <p><b>Proof</b>: the domain is cut at the kinks of the expressions (zeros of affine arguments of
 * |·|, sign, roots and powers) and at ±2^k, then bisected adaptively; on each piece the rigorous
 * enclosure of ψ'' ({@link Ranges}, outward rounding) must be positive, or non-negative with ψ''
 * analytic inside the piece and positive at one point of it (then its zeros are isolated: w^4 at 0).
 * Infinite pieces are handled by the same arithmetic (exp(-∞) = 0, not attained). ψ' must not jump
 * down at a kink.
 *
 * <p><b>Refutation</b>: a point where the enclosure of ψ''(w) lies below 0 (so the value, e.g. -299 at
 * the centre of a narrow dip, is not a rounding artefact), a piece on which ψ'' is exactly 0, or a
 * kink where ψ' decreases. Otherwise, after {@link #BUDGET} enclosures, the verdict is unknown on the
 * first unresolved piece.
 */
final class ConvexityProof {
    static final int BUDGET = 6000;

    sealed interface Verdict {
    }

    record Proved() implements Verdict {
    }

    /** ψ''(x) ∈ value with value.upper() &lt; 0. */
    record Negative(double x, RealInterval value) implements Verdict {
    }

    /** ψ'' = 0 on a whole piece around x. */
    record Flat(double x) implements Verdict {
    }

    /** ψ' jumps from left to right (left &gt; right) at the kink x. */
    record JumpDown(double x, double left, double right) implements Verdict {
    }

    /** ψ'' could not be evaluated anywhere on the domain. */
    record Undefined() implements Verdict {
    }

    record Unknown(RealInterval where) implements Verdict {
    }

    private final Expr h, grad;
    private final String x;
    private final RealInterval domain;
    private final Map<String, RealInterval> params;
    private final Map<String, Double> paramValues;
    /** ψ'' prepared for the enclosures over the pieces; the same over common powers, null when that is ψ'' itself. */
    private final RangeProgram hRange, hTogetherRange;
    private int evaluations;

    private ConvexityProof(Derivation d) {
        this.h = d.hessian();
        this.grad = d.grad();
        this.x = d.coordinate();
        this.domain = d.domain();
        this.paramValues = d.parameterValues();
        this.params = new LinkedHashMap<>();
        paramValues.forEach((k, v) -> params.put(k, RealInterval.point(v)));
        // a time-varying ψ(w; t) left symbolic in t: every enclosure is over all t ≥ 0, so a proof holds for every t ≥ 0
        String t = d.spec().time();
        if (t != null && !d.isBound()) params.put(t, RealInterval.NON_NEGATIVE);
        // ψ'' over common powers (Simplifier#together) is another enclosure of the same function
        Expr together;
        try {
            together = Simplifier.together(h, d.assumptions());
        } catch (SymbolicException ex) {
            together = h;
        }
        this.hRange = new RangeProgram(h, x, params);
        this.hTogetherRange = together.equals(h) ? null : new RangeProgram(together, x, params);
    }

    static Verdict decide(Derivation d) {
        return new ConvexityProof(d).run();
    }

    /** The enclosure of ψ'' over xs: both forms' enclosures hold, so their intersection does. */
    private RealInterval encloseH(RealInterval xs) {
        evaluations++;
        RealInterval a = hRange.range(xs);
        if (hTogetherRange == null) return a;
        evaluations++;
        RealInterval both = a.intersect(hTogetherRange.range(xs));
        return both == null ? a : both;
    }

    private RealInterval enclose(Expr e, RealInterval xs) {
        evaluations++;
        Map<String, RealInterval> vars = new LinkedHashMap<>(params);
        vars.put(x, xs);
        return Ranges.range(e, vars);
    }

    private static boolean positive(RealInterval r) {
        return r.lower() > 0 || (r.lower() == 0 && !r.lowerClosed());
    }

    private static boolean negative(RealInterval r) {
        return r.upper() < 0 || (r.upper() == 0 && !r.upperClosed());
    }

    private static boolean bounded(RealInterval r) {
        return !(r.lower() == Double.NEGATIVE_INFINITY && r.upper() == Double.POSITIVE_INFINITY);
    }

    private Verdict run() {
        List<Double> kinks = kinks();
        // located counterexamples first: nice points, then the kinks and centres of the expression
        List<Double> candidates = new ArrayList<>();
        for (double v : Checks.NICE) candidates.add(v);
        candidates.addAll(kinks);
        boolean defined = false;
        for (double c : candidates) {
            if (!domain.contains(c)) continue;
            RealInterval r = encloseH(RealInterval.point(c));
            defined |= bounded(r);
            if (negative(r)) return new Negative(c, r);
        }
        for (double k : kinks) {
            Verdict jump = jumpAt(k);
            if (jump != null) return jump;
        }
        RealInterval whole = encloseH(domain);
        if (whole.lower() == 0 && whole.upper() == 0 && !domain.isPoint()) return new Flat(pointIn(domain));
        Deque<RealInterval> work = new ArrayDeque<>(initialPieces(kinks));
        RealInterval unresolved = null;
        while (!work.isEmpty()) {
            RealInterval piece = work.pollFirst();
            RealInterval r = encloseH(piece);
            defined |= bounded(r);
            if (positive(r)) continue;
            if (r.lower() == 0 && r.upper() == 0 && !piece.isPoint()) return new Flat(pointIn(piece));
            if (negative(r)) {
                double m = pointIn(piece);
                return new Negative(m, encloseH(RealInterval.point(m)));
            }
            double m = midpoint(piece);
            RealInterval atMid = encloseH(RealInterval.point(m));
            defined |= bounded(atMid);
            if (negative(atMid)) return new Negative(m, atMid);
            if (r.lower() >= 0 && positive(atMid) && analyticInside(piece)) continue;
            if (evaluations >= BUDGET || !splittable(piece, m)) {
                if (unresolved == null) unresolved = piece;
                continue;
            }
            work.addFirst(new RealInterval(m, true, piece.upper(), piece.upperClosed()));
            work.addFirst(new RealInterval(piece.lower(), piece.lowerClosed(), m, true));
        }
        if (!defined) return new Undefined();
        return unresolved == null ? new Proved() : new Unknown(unresolved);
    }

    /** A nice point of the piece (so that messages name w = 1), else its midpoint. */
    private static double pointIn(RealInterval piece) {
        for (double v : Checks.NICE) if (piece.contains(v)) return v;
        return midpoint(piece);
    }

    private static double midpoint(RealInterval p) {
        double lo = p.lower(), hi = p.upper();
        if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) return 0;
        if (hi == Double.POSITIVE_INFINITY) return lo <= 0 ? 1 : (lo > Double.MAX_VALUE / 4 ? Double.MAX_VALUE : 4 * lo);
        if (lo == Double.NEGATIVE_INFINITY) return hi >= 0 ? -1 : (hi < -Double.MAX_VALUE / 4 ? -Double.MAX_VALUE : 4 * hi);
        // geometric midpoints for pieces far from 0 of one sign, so that [1e-300, 1] is split evenly in scale
        if (lo > 0 && hi / lo > 16) return Math.sqrt(lo) * Math.sqrt(hi);
        if (hi < 0 && lo / hi > 16) return -Math.sqrt(-lo) * Math.sqrt(-hi);
        return lo / 2 + hi / 2;
    }

    private static boolean splittable(RealInterval p, double m) {
        if (!(m > p.lower() && m < p.upper())) return false;
        if (Double.isInfinite(p.lower()) || Double.isInfinite(p.upper())) return true;
        return p.upper() - p.lower() > 1e-13 * Math.max(1e-300, Math.max(Math.abs(p.lower()), Math.abs(p.upper())));
    }

    /** The domain cut at the kinks and at 0, ±2^-20 … ±2^1000 (pieces of one sign and scale). */
    private List<RealInterval> initialPieces(List<Double> kinks) {
        TreeSet<Double> cuts = new TreeSet<>();
        for (double k : kinks) cuts.add(k);
        cuts.add(0.0);
        for (int e = -20; e <= 1000; e += e < 20 ? 2 : 20) {
            cuts.add(Math.scalb(1.0, e));
            cuts.add(-Math.scalb(1.0, e));
        }
        List<RealInterval> out = new ArrayList<>();
        double lo = domain.lower();
        boolean loC = domain.lowerClosed();
        for (double c : cuts) {
            if (!(c > lo) || !(c < domain.upper())) continue;
            out.add(new RealInterval(lo, loC, c, true));
            lo = c;
            loC = true;
        }
        out.add(new RealInterval(lo, loC, domain.upper(), domain.upperClosed()));
        return out;
    }

    /**
     * Whether every non-analytic operation of ψ'' (|u|, sign u, min, max, u^a with a non-integer
     * or negative a, roots) is analytic on the open interior of the piece: its argument stays away from
     * 0 there (min and max count as non-analytic everywhere).
     */
    private boolean analyticInside(RealInterval piece) {
        RealInterval open = new RealInterval(piece.lower(), false, piece.upper(), false);
        return analytic(h, open);
    }

    private boolean analytic(Expr e, RealInterval xs) {
        for (Expr c : e.children()) if (!analytic(c, xs)) return false;
        if (!e.contains(x)) return true;
        Expr arg = null;
        if (e instanceof Call c) {
            switch (c.f()) {
                case MIN, MAX -> { return false; }
                case ABS, SIGN, SQRT, CBRT -> arg = c.arg();
                case POW -> arg = c.args().get(0);
                default -> { }
            }
        } else if (e instanceof Pow p && !(p.exp() instanceof Num n && n.value() == Math.rint(n.value()) && n.value() >= 0)) {
            arg = p.base();
        }
        return arg == null || !enclose(arg, xs).contains(0);
    }

    /** Zeros of the affine arguments of kinks and of the affine sums inside ψ'' and ψ', in the domain. */
    private List<Double> kinks() {
        TreeSet<Double> out = new TreeSet<>();
        Set<Expr> done = new HashSet<>();
        collectAffineZeros(h, out, done);
        collectAffineZeros(grad, out, done);
        List<Double> in = new ArrayList<>();
        for (double k : out) if (domain.contains(k)) in.add(k);
        return in;
    }

    /** {@code done}: the subtrees already searched (ψ'' and ψ' repeat subexpressions; each is differentiated once). */
    private void collectAffineZeros(Expr e, TreeSet<Double> out, Set<Expr> done) {
        if (out.size() > 64 || done.contains(e)) return;
        for (Expr c : e.children()) collectAffineZeros(c, out, done);
        collectAffineZero(e, out);
        done.add(e);
    }

    private void collectAffineZero(Expr e, TreeSet<Double> out) {
        if (!(e instanceof Expr.Add) || !e.contains(x)) return;
        try {
            Expr rawSlope = Differentiator.diffRaw(e, x);
            if (varies(rawSlope, x, paramValues)) return;
            Expr slope = Simplifier.simplify(rawSlope);
            if (!(slope instanceof Num) && !slope.contains(x)) slope = Simplifier.simplify(Simplifier.substitute(slope, numbers()));
            if (!(slope instanceof Num s) || s.value() == 0) return;
            Map<String, Double> at0 = new LinkedHashMap<>(paramValues);
            at0.put(x, 0.0);
            double root = -Evaluator.eval(e, at0) / s.value();
            if (Double.isFinite(root)) out.add(root == 0 ? 0.0 : root);
        } catch (SymbolicException ex) {
            // not affine after all
        }
    }

    /** Probes of {@link #varies}. */
    private static final double[] PROBES = {-1, 0.5, 2};

    /**
     * Whether e (in x, the parameters at their values) provably takes two values: rigorous enclosures at two probes
     * are disjoint. Simplifying is an identity where e is defined, so such an e never simplifies to a constant, and
     * the search for affine sums skips simplifying it (the slope of a large sum is ψ''' of a part of ψ).
     */
    static boolean varies(Expr e, String x, Map<String, Double> params) {
        Map<String, RealInterval> vars = new LinkedHashMap<>();
        params.forEach((k, v) -> vars.put(k, RealInterval.point(v)));
        List<RealInterval> seen = new ArrayList<>();
        for (double p : PROBES) {
            vars.put(x, RealInterval.point(p));
            RealInterval r = Ranges.range(e, vars);
            for (RealInterval o : seen) if (r.intersect(o) == null) return true;
            seen.add(r);
        }
        return false;
    }

    private Map<String, Expr> numbers() {
        Map<String, Expr> m = new LinkedHashMap<>();
        paramValues.forEach((k, v) -> m.put(k, Exprs.num(v)));
        return m;
    }

    /** ψ' just left and right of a kink, rigorously: a verdict when it provably decreases across it. */
    private Verdict jumpAt(double k) {
        double l = Math.nextDown(k), r = Math.nextUp(k);
        if (!domain.contains(l) || !domain.contains(r)) return null;
        RealInterval gl = enclose(grad, RealInterval.point(l)), gr = enclose(grad, RealInterval.point(r));
        // a jump larger than what the slope over two ulps could explain
        if (gl.lower() > gr.upper() && Double.isFinite(gl.lower()) && Double.isFinite(gr.upper())
                && gl.lower() - gr.upper() > 1e-9 * Math.max(1, Math.abs(gl.lower()))) {
            return new JumpDown(k, (gl.lower() + gl.upper()) / 2, (gr.lower() + gr.upper()) / 2);
        }
        return null;
    }
}
