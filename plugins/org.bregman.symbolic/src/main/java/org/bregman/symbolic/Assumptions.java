package org.bregman.symbolic;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * What is known about variables: the interval each ranges over (unlisted ones: all reals) and an
 * optional predicate their values must satisfy together (a parameter's {@code where} constraint).
 * The simplifier uses the ranges to decide signs ({@code |w| → w} on {@code w > 0}) and
 * {@link #sample} to test identities numerically at random admissible points.
 */
public record Assumptions(Map<String, RealInterval> ranges, Predicate<Map<String, Double>> filter) {

    public static final Assumptions NONE = new Assumptions(Map.of(), m -> true);

    public Assumptions {
        ranges = Map.copyOf(ranges);
        if (filter == null) filter = m -> true;
    }

    public static Assumptions of(Map<String, RealInterval> ranges) {
        return new Assumptions(ranges, m -> true);
    }

    public RealInterval range(String var) {
        return ranges.getOrDefault(var, RealInterval.REALS);
    }

    /** These assumptions with {@code var} ranging over {@code r} instead. */
    public Assumptions with(String var, RealInterval r) {
        Map<String, RealInterval> m = new HashMap<>(ranges);
        m.put(var, r);
        return new Assumptions(m, filter);
    }

    /**
     * A random admissible point for {@code vars}: magnitudes spread log-uniformly over [0.01, 100]
     * inside each range, both signs where allowed; {@code null} when the filter rejects 50 tries.
     */
    public Map<String, Double> sample(Set<String> vars, SplittableRandom rnd) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String v : vars) m.put(v, sample(range(v), rnd));
            if (filter.test(m)) return m;
        }
        return null;
    }

    /** Magnitudes spread over 10^-3 … 10^3 (as are their signs), for probing piecewise functions. */
    private static final double[] SPREAD = {0.0013, 0.017, 0.11, 0.43, 0.89, 1.6, 3.7, 7.9, 19, 61, 240, 870};

    /**
     * The {@code i}-th of a fixed set of admissible points for {@code vars}: every variable runs over
     * magnitudes from 10^-3 to 10^3 of both signs (each variable in a different order), so that an
     * identity that holds only piecewise ({@code min(q, 3) = q}) is seen to fail; {@code null} when the
     * filter rejects it.
     */
    public Map<String, Double> spread(Set<String> vars, int i) {
        Map<String, Double> m = new LinkedHashMap<>();
        int k = 0;
        for (String v : vars) {
            int j = Math.floorMod(i * (2 * k + 1) + 5 * k, SPREAD.length);
            boolean negative = ((i + k) & 1) == 1;
            m.put(v, at(range(v), SPREAD[j], negative));
            k++;
        }
        return filter.test(m) ? m : null;
    }

    /** A random point of {@code r}, spread over several orders of magnitude. */
    public static double sample(RealInterval r, SplittableRandom rnd) {
        return at(r, Math.pow(10, rnd.nextDouble(-2, 2)), rnd.nextBoolean(), rnd);
    }

    private static double at(RealInterval r, double mag, boolean negative) {
        return at(r, mag, negative, new SplittableRandom(Double.doubleToLongBits(mag) ^ (negative ? 1 : 0)));
    }

    private static double at(RealInterval r, double mag, boolean negative, SplittableRandom rnd) {
        double lo = r.lower(), hi = r.upper();
        double x;
        if (r.isPoint()) return lo;
        if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
            x = negative ? -mag : mag;
        } else if (Double.isInfinite(hi)) {
            x = lo + mag;
        } else if (Double.isInfinite(lo)) {
            x = hi - mag;
        } else {
            // finite: uniform, or log-spread towards either end to probe near the boundary
            double u = rnd.nextDouble();
            double t = switch (rnd.nextInt(3)) {
                case 0 -> u;
                case 1 -> Math.pow(10, -6 * u) / 2;
                default -> 1 - Math.pow(10, -6 * u) / 2;
            };
            x = lo + (hi - lo) * t;
        }
        if (!r.contains(x)) x = Double.isInfinite(lo) || Double.isInfinite(hi) ? x : (lo + hi) / 2;
        return r.contains(x) ? x : (Double.isFinite(lo) ? Math.nextUp(lo) : Math.nextDown(hi));
    }
}
