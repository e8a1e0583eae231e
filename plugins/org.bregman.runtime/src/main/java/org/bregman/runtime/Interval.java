package org.bregman.runtime;

/**
 * A real interval with open or closed ends; infinite ends are always open.
 * Used for the domain of ψ and for its dual domain (the range of ψ').
 *
 * <p>A plain final class with record-style accessors (not a record): this module is compiled for Java 8, so
 * that an exported optimizer jar runs on any Java 8+ JVM. The symbolic engine's {@code RealInterval} is the
 * same set with the operations of its range arithmetic; the code generator's {@code Forms.Range} has ends
 * that are expressions in the parameters.
 */
public final class Interval {

    public static final Interval REALS = new Interval(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

    private final double lower;
    private final boolean lowerClosed;
    private final double upper;
    private final boolean upperClosed;

    public Interval(double lower, boolean lowerClosed, double upper, boolean upperClosed) {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("not an interval: " + lower + ", " + upper);
        }
        this.lower = lower;
        this.upper = upper;
        this.lowerClosed = lowerClosed && !Double.isInfinite(lower);
        this.upperClosed = upperClosed && !Double.isInfinite(upper);
    }

    public double lower() {
        return lower;
    }

    public boolean lowerClosed() {
        return lowerClosed;
    }

    public double upper() {
        return upper;
    }

    public boolean upperClosed() {
        return upperClosed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Interval)) return false;
        Interval i = (Interval) o;
        return Double.compare(lower, i.lower) == 0 && Double.compare(upper, i.upper) == 0 && lowerClosed == i.lowerClosed
                && upperClosed == i.upperClosed;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(new double[] {lower, upper}) * 31 + (lowerClosed ? 2 : 0) + (upperClosed ? 1 : 0);
    }

    public static Interval open(double lower, double upper) {
        return new Interval(lower, false, upper, false);
    }

    public boolean contains(double x) {
        return (lowerClosed ? x >= lower : x > lower) && (upperClosed ? x <= upper : x < upper);
    }

    /**
     * x, or the nearest double inside when x lies on an open end or at most 2 ulps past an end: where
     * rounding, not the mathematics, put a closed-form inverse outside the domain (the logistic
     * function at 40 is 1.0 in double, outside (0, 1)). NaN and points farther out are returned
     * unchanged, for the caller to report.
     */
    public double inside(double x) {
        if (!Double.isInfinite(lower) && x <= lower && (x > lower || x >= Math.nextDown(Math.nextDown(lower)))) {
            return lowerClosed ? lower : Math.nextUp(lower);
        }
        if (!Double.isInfinite(upper) && x >= upper && (x < upper || x <= Math.nextUp(Math.nextUp(upper)))) {
            return upperClosed ? upper : Math.nextDown(upper);
        }
        return x;
    }

    /** {@link #inside(double)} for generated code, which keeps the ends in fields. */
    public static double inside(double x, double lower, boolean lowerClosed, double upper, boolean upperClosed) {
        return new Interval(lower, lowerClosed, upper, upperClosed).inside(x);
    }

    public boolean isAllReals() {
        return lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY;
    }

    /** Mathematical notation, e.g. {@code (0, ∞)} or {@code (-1, 1)}. */
    @Override
    public String toString() {
        return (lowerClosed ? "[" : "(") + fmt(lower) + ", " + fmt(upper) + (upperClosed ? "]" : ")");
    }

    private static String fmt(double x) {
        if (x == Double.POSITIVE_INFINITY) return "∞";
        if (x == Double.NEGATIVE_INFINITY) return "-∞";
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        return Double.toString(x);
    }
}
