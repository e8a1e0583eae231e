package org.bregman.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.bregman.symbolic.CheckFinding.Kind;
import org.bregman.symbolic.CheckFinding.Severity;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/** The checks of spec section 2, run by {@link Derivation#check()}. */
final class Checks {
    /** Points that messages prefer to name (w = 1 rather than w = 0.7316…). */
    static final double[] NICE = {1, -1, 0.5, -0.5, 2, -2, 0.1, -0.1, 10, -10, 3, -3, 0.01, -0.01, 100, -100, 0};
    private static final int SAMPLES = 200;

    private Checks() {
    }

    /** Nice points of the domain first (so that messages name w = 1 rather than w = 0.7316…), then random ones. */
    static List<Double> points(RealInterval domain, int random, long seed) {
        List<Double> out = new ArrayList<>();
        for (double x : NICE) if (domain.contains(x)) out.add(x);
        if (!domain.isAllReals()) {
            double lo = domain.lower(), hi = domain.upper();
            if (Double.isFinite(lo) && Double.isFinite(hi)) {
                for (double t : new double[] {0.5, 0.25, 0.75, 0.1, 0.9}) out.add(lo + (hi - lo) * t);
            } else if (Double.isFinite(lo)) {
                for (double t : new double[] {1, 0.5, 2, 0.1, 10}) out.add(lo + t);
            } else if (Double.isFinite(hi)) {
                for (double t : new double[] {1, 0.5, 2, 0.1, 10}) out.add(hi - t);
            }
            if (domain.lowerClosed()) out.add(lo);
            if (domain.upperClosed()) out.add(hi);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < random; i++) out.add(Assumptions.sample(domain, rnd));
        return out;
    }

    // ---- operation domains ----------------------------------------------------------------------

    static List<CheckFinding> domains(Derivation d) {
        PotentialSpec spec = d.spec();
        List<CheckFinding> out = new ArrayList<>();
        Map<String, RealInterval> ranges = new LinkedHashMap<>(d.assumptions().ranges());
        // a parameter without `where` is checked at its value (the default, or the bound one)
        for (PotentialSpec.Parameter p : spec.parameters()) {
            if (d.isBound() || p.where() == null) ranges.put(p.name(), RealInterval.point(d.parameterValues().get(p.name())));
        }
        walk(d, spec.psi(), spec.coordinate(), ranges, out);
        if (spec.grad() != null) {
            Map<String, RealInterval> r = new LinkedHashMap<>(ranges);
            r.put(spec.grad().variable(), spec.domain());
            walk(d, spec.grad().body(), spec.grad().variable(), r, out);
        }
        if (spec.inverse() != null && d.dualDomain() != null) {
            Map<String, RealInterval> r = new LinkedHashMap<>(ranges);
            r.put(spec.inverse().variable(), d.dualDomain());
            walk(d, spec.inverse().body(), spec.inverse().variable(), r, out);
        }
        return out;
    }

    private static void walk(Derivation d, Expr e, String x, Map<String, RealInterval> ranges, List<CheckFinding> out) {
        for (Expr c : e.children()) walk(d, c, x, ranges, out);
        if (e instanceof Call c && c.f().arity() == 1 && !c.f().definition().domain().isAllReals()) {
            checkArgument(d, c, c.arg(), c.f(), x, ranges, out);
        } else if (e instanceof Call c && c.f() == Func.POW) {
            checkPower(d, e, c.args().get(0), c.args().get(1), x, ranges, out);
        } else if (e instanceof Pow p) {
            checkPower(d, e, p.base(), p.exp(), x, ranges, out);
        }
    }

    /** Values of the coordinate {@code x} (and parameters) at which to look for a violation. */
    private static List<Map<String, Double>> probe(Derivation d, String x, Map<String, RealInterval> ranges) {
        List<Map<String, Double>> out = new ArrayList<>();
        Map<String, Double> params = d.parameterValues();
        for (double p : points(ranges.getOrDefault(x, RealInterval.REALS), SAMPLES, 11)) {
            Map<String, Double> m = new LinkedHashMap<>(params);
            m.put(x, p);
            out.add(m);
        }
        return out;
    }

    private static String describe(Derivation d, String x, Map<String, RealInterval> ranges) {
        RealInterval r = ranges.getOrDefault(x, RealInterval.REALS);
        return r.isAllReals() ? x + " ranges over all reals" : x + " ranges over " + r;
    }

    private static String at(Map<String, Double> point, String x) {
        return x + " = " + Printer.number(point.get(x));
    }

    private static void checkArgument(Derivation d, Expr node, Expr arg, Func f, String x, Map<String, RealInterval> ranges,
            List<CheckFinding> out) {
        RealInterval r = Ranges.range(arg, ranges);
        if (f.definition().domain().encloses(r)) return;
        String need = f.symbol() + " needs its argument " + f.definition().domainRequirement();
        String suggestion = "";
        if (arg instanceof Var v && v.name().equals(x)) {
            RealInterval want = ranges.getOrDefault(x, RealInterval.REALS).intersect(f.definition().domain());
            if (want != null && x.equals(d.coordinate())) suggestion = "; add `domain " + want.asConstraint(x) + "`";
        } else if (arg instanceof Var v && d.spec().parameter(v.name()) != null) {
            suggestion = "; constrain it with `where " + f.definition().domain().asConstraint(v.name()) + "`";
        }
        for (Map<String, Double> p : probe(d, x, ranges)) {
            double a = safeEval(arg, p);
            if (!Double.isNaN(a) && !f.definition().domain().contains(a)) {
                String value = arg instanceof Var ? "" : " the argument " + Printer.print(arg) + " is " + Printer.number(a) + " at " + at(p, x);
                String msg = arg instanceof Var v && v.name().equals(x)
                        ? need + ", but " + describe(d, x, ranges) + suggestion
                        : need + ", but" + value + suggestion;
                out.add(new CheckFinding(Severity.ERROR, Kind.DOMAIN, node, msg));
                return;
            }
        }
        out.add(new CheckFinding(Severity.WARNING, Kind.DOMAIN, node,
                need + ", and " + Printer.print(arg) + " may leave it when " + describe(d, x, ranges) + suggestion));
    }

    private static double safeEval(Expr e, Map<String, Double> p) {
        try {
            return Evaluator.eval(e, p);
        } catch (SymbolicException ex) {
            return Double.NaN;
        }
    }

    private static boolean isInteger(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15;
    }

    private static void checkPower(Derivation d, Expr node, Expr base, Expr exp, String x, Map<String, RealInterval> ranges,
            List<CheckFinding> out) {
        RealInterval rb = Ranges.range(base, ranges), re = Ranges.range(exp, ranges);
        boolean intExp = re.isPoint() && isInteger(re.lower());
        String b = Printer.print(base);
        // a non-integer power of a possibly negative base
        if (!intExp && rb.lower() < 0) {
            String what = (exp instanceof Num n ? "a power " + Printer.number(n.value()) : "the power " + Printer.print(exp));
            String fix = base instanceof Var v && v.name().equals(x) && x.equals(d.coordinate())
                    ? "; write |" + b + "|^… or add `domain " + x + " > 0`" : "; write |" + b + "|^… instead";
            for (Map<String, Double> p : probe(d, x, ranges)) {
                double bv = safeEval(base, p), ev = safeEval(exp, p);
                if (bv < 0 && (!isInteger(ev) || !re.isPoint())) {
                    out.add(new CheckFinding(Severity.ERROR, Kind.DOMAIN, node,
                            what + " of " + b + " is undefined where " + b + " < 0, e.g. at " + at(p, x) + fix));
                    return;
                }
            }
            out.add(new CheckFinding(Severity.WARNING, Kind.DOMAIN, node, what + " of " + b + " is undefined where " + b
                    + " < 0, which may happen when " + describe(d, x, ranges) + fix));
            return;
        }
        // division by zero: a negative power of a base that may be 0
        if (re.lower() < 0 && rb.contains(0)) {
            String div = exp instanceof Num n && n.value() == -1 ? "division by " + b : Printer.print(node);
            List<Map<String, Double>> pts = probe(d, x, ranges);
            Map<String, Double> prev = null;
            double prevV = Double.NaN;
            for (Map<String, Double> p : pts) {
                double bv = safeEval(base, p);
                if (bv == 0 && safeEval(exp, p) < 0) {
                    out.add(new CheckFinding(Severity.ERROR, Kind.DOMAIN, node, div + " is infinite at " + at(p, x) + ", where "
                            + b + " = 0" + (base instanceof Var v && v.name().equals(x) ? "; exclude 0 from the domain" : "")));
                    return;
                }
            }
            // a sign change between consecutive probes of a continuous base means a zero between them
            List<Double> xs = pts.stream().map(p -> p.get(x)).sorted().toList();
            for (double xv : xs) {
                Map<String, Double> p = new LinkedHashMap<>(d.parameterValues());
                p.put(x, xv);
                double bv = safeEval(base, p);
                if (prev != null && !Double.isNaN(bv) && !Double.isNaN(prevV) && Math.signum(bv) * Math.signum(prevV) < 0) {
                    out.add(new CheckFinding(Severity.ERROR, Kind.DOMAIN, node, div + " is infinite where " + b + " = 0, which happens between "
                            + at(prev, x) + " and " + at(p, x)));
                    return;
                }
                prev = p;
                prevV = bv;
            }
            out.add(new CheckFinding(Severity.WARNING, Kind.DOMAIN, node, div + " may divide by zero: " + b + " may be 0 when "
                    + describe(d, x, ranges)));
        }
    }

    // ---- convexity ------------------------------------------------------------------------------

    /** Strict convexity proved ({@code null}), refuted (an error at a located point) or unknown (a warning). */
    static CheckFinding convexity(Derivation d) {
        ConvexityProof.Verdict v = ConvexityProof.decide(d);
        String x = d.coordinate(), hs = " (ψ'' = " + Printer.print(d.hessian());
        String prefix = "psi is not strictly convex on its domain: ";
        return switch (v) {
            case ConvexityProof.Proved p -> null;
            case ConvexityProof.Negative n -> new CheckFinding(Severity.ERROR, Kind.CONVEXITY, d.spec().psi(), prefix + "ψ''("
                    + Printer.number(n.x()) + ") = " + Printer.number(mid(n.value())) + " < 0" + hs + ", ψ' = "
                    + Printer.number(d.grad(n.x())) + " there)" + params(d));
            case ConvexityProof.Flat f -> new CheckFinding(Severity.ERROR, Kind.CONVEXITY, d.spec().psi(), prefix + "ψ''(" + x
                    + ") = 0 at and around " + x + " = " + Printer.number(f.x()) + hs + ", ψ' = " + Printer.number(d.grad(f.x()))
                    + " there)" + params(d));
            case ConvexityProof.JumpDown j -> new CheckFinding(Severity.ERROR, Kind.CONVEXITY, d.spec().psi(), prefix + "ψ' jumps down at "
                    + x + " = " + Printer.number(j.x()) + ", from " + Printer.number(j.left()) + " to " + Printer.number(j.right())
                    + " (ψ' = " + Printer.print(d.grad()) + ")" + params(d));
            case ConvexityProof.Undefined u -> new CheckFinding(Severity.ERROR, Kind.CONVEXITY, d.spec().psi(), prefix + "ψ'' = "
                    + Printer.print(d.hessian()) + " cannot be evaluated at any point of " + d.domain() + params(d));
            case ConvexityProof.Unknown u -> new CheckFinding(Severity.WARNING, Kind.CONVEXITY, d.spec().psi(),
                    "could not prove strict convexity on " + u.where() + ": interval arithmetic could not bound ψ'' = "
                    + Printer.print(d.hessian()) + " away from 0 there, and no point with ψ'' < 0 was found" + params(d));
        };
    }

    /** The midpoint of a (narrow) enclosure, for messages. */
    private static double mid(RealInterval r) {
        return r.lower() / 2 + r.upper() / 2;
    }

    private static String params(Derivation d) {
        if (d.parameterValues().isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" with ");
        boolean first = true;
        for (Map.Entry<String, Double> e : d.parameterValues().entrySet()) {
            if (!first) sb.append(", ");
            sb.append(e.getKey()).append(" = ").append(Printer.number(e.getValue()));
            first = false;
        }
        return sb.toString();
    }

    // ---- overrides ------------------------------------------------------------------------------

    static List<CheckFinding> overrides(Derivation d) {
        List<CheckFinding> out = new ArrayList<>();
        PotentialSpec spec = d.spec();
        if (spec.grad() == null && spec.inverse() == null) return out; // nothing to check: no variants to derive
        List<Derivation> variants = new ArrayList<>();
        variants.add(d);
        if (!d.isBound() && !d.spec().parameters().isEmpty()) {
            // also at a few admissible parameter values: an override right only at the defaults is wrong
            SplittableRandom rnd = new SplittableRandom(3);
            for (int i = 0; i < 3; i++) {
                Map<String, Double> p = d.assumptions().sample(d.spec().defaults().keySet(), rnd);
                if (p == null) continue;
                try {
                    variants.add(d.bind(p));
                } catch (SymbolicException ex) {
                    // not admissible after all
                }
            }
        }
        if (spec.grad() != null) firstFinding(variants, v -> gradOverride(v, spec.grad()), out);
        if (spec.inverse() != null) firstFinding(variants, v -> inverseOverride(v, spec.inverse()), out);
        return out;
    }

    /** Adds the check's finding at the first variant that has one (one finding per override). */
    private static void firstFinding(List<Derivation> variants, java.util.function.Function<Derivation, CheckFinding> check,
            List<CheckFinding> out) {
        for (Derivation v : variants) {
            CheckFinding g = check.apply(v);
            if (g != null) {
                out.add(g);
                return;
            }
        }
    }

    private static boolean close(double a, double b, double rel) {
        if (Double.isNaN(a) && Double.isNaN(b)) return true;
        if (a == b) return true;
        return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + 1e-300;
    }

    private static Map<String, Double> env(Derivation d, String var, double x) {
        Map<String, Double> m = new LinkedHashMap<>(d.parameterValues());
        m.put(var, x);
        return m;
    }

    private static CheckFinding gradOverride(Derivation d, PotentialSpec.Override o) {
        for (double x : points(d.domain(), SAMPLES, 13)) {
            double mine = safeEval(o.body(), env(d, o.variable(), x)), derived = d.grad(x);
            if (!Double.isFinite(derived)) continue;
            if (!close(mine, derived, 1e-9)) {
                return new CheckFinding(Severity.ERROR, Kind.OVERRIDE, o.body(), "grad disagrees with the derived ψ'(" + d.coordinate()
                        + ") = " + Printer.print(d.grad()) + " at " + o.variable() + " = " + Printer.number(x) + ": it gives "
                        + Printer.number(mine) + ", the derivation " + Printer.number(derived) + params(d));
            }
        }
        return null;
    }

    private static CheckFinding inverseOverride(Derivation d, PotentialSpec.Override o) {
        for (double x : points(d.domain(), SAMPLES, 17)) {
            double zz = d.grad(x);
            if (!Double.isFinite(zz)) continue;
            double mine = safeEval(o.body(), env(d, o.variable(), zz));
            // compare with x itself; the tolerance allows for the conditioning of ψ' at x
            if (!close(mine, x, 1e-8) && !close(d.grad(mine), zz, 1e-9)) {
                return new CheckFinding(Severity.ERROR, Kind.OVERRIDE, o.body(), "inverse disagrees with the derivation at "
                        + o.variable() + " = " + Printer.number(zz) + " (= ψ'(" + Printer.number(x) + ")): it gives "
                        + Printer.number(mine) + ", the inverse of ψ' is " + Printer.number(x) + params(d));
            }
        }
        return null;
    }
}
