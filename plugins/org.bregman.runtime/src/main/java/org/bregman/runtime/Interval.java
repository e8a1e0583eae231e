package org.bregman.runtime;

/**
 * A real interval with open or closed ends; infinite ends are always open.
 * Used for the domain of ψ and for its dual domain (the range of ψ').
 */
public record Interval(double lower, boolean lowerClosed, double upper, boolean upperClosed) {

    public static final Interval REALS = new Interval(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("not an interval: " + lower + ", " + upper);
        }
        lowerClosed &= !Double.isInfinite(lower);
        upperClosed &= !Double.isInfinite(upper);
    }

    public static Interval open(double lower, double upper) {
        return new Interval(lower, false, upper, false);
    }

    public boolean contains(double x) {
        return (lowerClosed ? x >= lower : x > lower) && (upperClosed ? x <= upper : x < upper);
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
