package org.bregman.symbolic;

import java.util.function.DoubleUnaryOperator;

/**
 * One-sided limits of a monotone function at the ends of an interval, numerically: evaluate on a
 * sequence approaching the end (10^k for infinite ends, distances 10^-k for finite ones) while the
 * values stay monotone and finite; a sequence whose steps die out converges, one whose steps do not
 * (linear growth like log, or faster) diverges. Limits that are whole numbers up to 1e-9 are snapped
 * to them, so that {@code w / sqrt(1 + w^2)} gives exactly {@code (-1, 1)}.
 */
public final class Limits {
    private Limits() {
    }

    /**
     * The range of a non-decreasing {@code f} over {@code domain}: from the limit at the lower end to
     * the limit at the upper end, open unless attained at a closed end; {@code null} if unknown.
     */
    public static RealInterval rangeOfIncreasing(DoubleUnaryOperator f, RealInterval domain) {
        try {
            double[] lo = limit(f, domain, false), hi = limit(f, domain, true);
            if (lo == null || hi == null || lo[0] > hi[0]) return null;
            if (lo[0] == hi[0] && !(lo[1] == 1 && hi[1] == 1)) return null;
            return new RealInterval(lo[0], lo[1] == 1, hi[0], hi[1] == 1);
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** {limit, attained ? 1 : 0} at one end, or null. */
    private static double[] limit(DoubleUnaryOperator f, RealInterval d, boolean upper) {
        double end = upper ? d.upper() : d.lower();
        boolean closed = upper ? d.upperClosed() : d.lowerClosed();
        if (closed) {
            double y = f.applyAsDouble(end);
            if (Double.isFinite(y)) return new double[] {y, 1};
            if (!Double.isNaN(y)) return new double[] {y, 0};
        }
        double sgn = upper ? 1 : -1;
        double anchor;
        if (Double.isInfinite(end)) {
            double other = upper ? d.lower() : d.upper();
            anchor = Double.isInfinite(other) ? 0 : other;
        } else {
            double other = upper ? d.lower() : d.upper();
            anchor = Double.isInfinite(other) ? end - sgn : (end + other) / 2;
        }
        double last = Double.NaN;
        double[] steps = new double[3];
        int n = 0;
        for (int k = 0; k <= 330; k++) {
            double x;
            // up to 1e300: beyond, products of w with other factors overflow (2 w / sqrt(w^2 + c) at 1e308)
            if (Double.isInfinite(end) && k > 300) break;
            if (Double.isInfinite(end)) {
                x = anchor + sgn * Math.pow(10, k);
            } else {
                x = end - sgn * Math.abs(end - anchor) * Math.pow(10, -k);
                if (x == end) break;
            }
            if (Double.isInfinite(x)) break;
            double y = f.applyAsDouble(x);
            if (Double.isNaN(y)) break;
            if (!Double.isNaN(last) && sgn * (y - last) < -1e-12 * Math.max(1, Math.abs(last))) break; // left monotonicity: rounding
            if (!Double.isNaN(last)) {
                steps[n % 3] = Math.abs(y - last);
                n++;
            }
            last = y;
            if (Double.isInfinite(y)) return new double[] {y, 0};
        }
        if (Double.isNaN(last)) return null;
        if (n < 3) return null;
        double scale = Math.max(1, Math.abs(last));
        boolean converged = true;
        for (double s : steps) converged &= s <= 1e-12 * scale;
        if (!converged) return new double[] {sgn * Double.POSITIVE_INFINITY, 0};
        double r = Math.rint(last);
        if (Math.abs(last - r) <= 1e-9 * scale) last = r;
        return new double[] {last, 0};
    }
}
