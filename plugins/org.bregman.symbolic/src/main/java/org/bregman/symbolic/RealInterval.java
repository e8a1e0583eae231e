package org.bregman.symbolic;

/**
 * A real interval with open or closed ends; infinite ends are always open: the symbolic engine's
 * interval, with the set operations of its rigorous range arithmetic ({@link Ranges}). Its counterparts:
 * {@link org.bregman.runtime.Interval} is the same set as the API type of exported jars (Java 8, no
 * operations beyond membership; {@link #toRuntime()}), and {@code codegen.Forms.Range} has ends that
 * are expressions in the parameters (for generated classes' general form).
 */
public record RealInterval(double lower, boolean lowerClosed, double upper, boolean upperClosed) {

    public static final RealInterval REALS = new RealInterval(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    public static final RealInterval POSITIVE = new RealInterval(0, false, Double.POSITIVE_INFINITY, false);
    public static final RealInterval NON_NEGATIVE = new RealInterval(0, true, Double.POSITIVE_INFINITY, false);

    public RealInterval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new SymbolicException("not an interval: " + lower + ", " + upper);
        }
        lowerClosed &= !Double.isInfinite(lower);
        upperClosed &= !Double.isInfinite(upper);
    }

    public static RealInterval open(double lower, double upper) {
        return new RealInterval(lower, false, upper, false);
    }

    public static RealInterval closed(double lower, double upper) {
        return new RealInterval(lower, true, upper, true);
    }

    public static RealInterval point(double x) {
        return new RealInterval(x, true, x, true);
    }

    /** The same interval as the runtime API's type. */
    public org.bregman.runtime.Interval toRuntime() {
        return new org.bregman.runtime.Interval(lower, lowerClosed, upper, upperClosed);
    }

    public boolean contains(double x) {
        return (lowerClosed ? x >= lower : x > lower) && (upperClosed ? x <= upper : x < upper);
    }

    /** Whether every point of {@code other} lies in this interval. */
    public boolean encloses(RealInterval other) {
        boolean lo = other.lower > lower || (other.lower == lower && (lowerClosed || !other.lowerClosed));
        boolean hi = other.upper < upper || (other.upper == upper && (upperClosed || !other.upperClosed));
        return lo && hi;
    }

    /**
     * x, or the nearest double inside when x lies on an open end or at most 2 ulps past an end (where
     * rounding put a closed-form inverse); NaN and points farther out unchanged. The runtime's
     * {@code Interval.inside} is the same rule for generated code.
     */
    public double inside(double x) {
        if (!Double.isInfinite(lower) && x <= lower && x >= Math.nextDown(Math.nextDown(lower))) return lowerClosed ? lower : Math.nextUp(lower);
        if (!Double.isInfinite(upper) && x >= upper && x <= Math.nextUp(Math.nextUp(upper))) return upperClosed ? upper : Math.nextDown(upper);
        return x;
    }

    public boolean isAllReals() {
        return lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY;
    }

    public boolean isPoint() {
        return lower == upper;
    }

    /** Intersection, or {@code null} when empty. */
    public RealInterval intersect(RealInterval o) {
        double lo; boolean loC;
        if (lower > o.lower) { lo = lower; loC = lowerClosed; }
        else if (o.lower > lower) { lo = o.lower; loC = o.lowerClosed; }
        else { lo = lower; loC = lowerClosed && o.lowerClosed; }
        double hi; boolean hiC;
        if (upper < o.upper) { hi = upper; hiC = upperClosed; }
        else if (o.upper < upper) { hi = o.upper; hiC = o.upperClosed; }
        else { hi = upper; hiC = upperClosed && o.upperClosed; }
        if (lo > hi || (lo == hi && !(loC && hiC))) return null;
        return new RealInterval(lo, loC, hi, hiC);
    }

    /** Smallest interval containing both. */
    public RealInterval hull(RealInterval o) {
        double lo; boolean loC;
        if (lower < o.lower) { lo = lower; loC = lowerClosed; }
        else if (o.lower < lower) { lo = o.lower; loC = o.lowerClosed; }
        else { lo = lower; loC = lowerClosed || o.lowerClosed; }
        double hi; boolean hiC;
        if (upper > o.upper) { hi = upper; hiC = upperClosed; }
        else if (o.upper > upper) { hi = o.upper; hiC = o.upperClosed; }
        else { hi = upper; hiC = upperClosed || o.upperClosed; }
        return new RealInterval(lo, loC, hi, hiC);
    }

    /** Mathematical notation, e.g. {@code (0, ∞)} or {@code (-1, 1)}. */
    @Override
    public String toString() {
        return (lowerClosed ? "[" : "(") + fmt(lower) + ", " + fmt(upper) + (upperClosed ? "]" : ")");
    }

    /**
     * The interval as a {@code domain} clause of the language for coordinate {@code w}, e.g.
     * {@code w > 0} or {@code 0 < w < 1}; {@code null} for all reals.
     */
    public String asConstraint(String w) {
        boolean lo = lower != Double.NEGATIVE_INFINITY, hi = upper != Double.POSITIVE_INFINITY;
        if (lo && hi) {
            return Printer.number(lower) + (lowerClosed ? " <= " : " < ") + w + (upperClosed ? " <= " : " < ") + Printer.number(upper);
        }
        if (lo) return w + (lowerClosed ? " >= " : " > ") + Printer.number(lower);
        if (hi) return w + (upperClosed ? " <= " : " < ") + Printer.number(upper);
        return null;
    }

    private static String fmt(double x) {
        if (x == Double.POSITIVE_INFINITY) return "∞";
        if (x == Double.NEGATIVE_INFINITY) return "-∞";
        return Printer.number(x);
    }
}
