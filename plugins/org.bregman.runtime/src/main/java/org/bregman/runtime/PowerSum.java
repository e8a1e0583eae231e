package org.bregman.runtime;

import java.util.function.DoubleUnaryOperator;

/**
 * Σ_j |w_j|^r over a float range, accumulated in double with four partial sums (instruction-level parallelism; the
 * JIT does not reorder a floating-point reduction itself), the power specialised: written out for r = 2, 3 and
 * 1.5, otherwise whole r by multiplications, half-integral r by one square root, others by {@link Math#pow}. The reductions of {@link CompositeMirrorMap}'s step.
 */
final class PowerSum {

    private final double r;
    private final int whole;
    private final boolean half;

    PowerSum(double r) {
        this.r = r;
        double twice = 2 * r;
        boolean integral = twice == Math.rint(twice) && twice >= 0 && twice <= 16;
        this.half = integral && (int) twice % 2 == 1;
        this.whole = integral ? (int) (twice / 2) : -1;
    }

    /** |x|^r. */
    double pow(double x) {
        double a = Math.abs(x);
        if (whole < 0) return Math.pow(a, r);
        double p = 1;
        for (int i = 0; i < whole; i++) p *= a;
        return half ? p * Math.sqrt(a) : p;
    }

    /** The sum: for r = 2, 3 and 1.5 two partial sums of the term written out (inlined per exponent), else four of {@link #pow}. */
    double sum(float[] w, int offset, int n) {
        if (r == 2) return inPairs(w, offset, n, a -> a * a);
        if (r == 3) return inPairs(w, offset, n, a -> a * a * a);
        if (r == 1.5) return inPairs(w, offset, n, a -> a * Math.sqrt(a));
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += pow(w[offset + i]);
            s1 += pow(w[offset + i + 1]);
            s2 += pow(w[offset + i + 2]);
            s3 += pow(w[offset + i + 3]);
        }
        for (; i < n; i++) s0 += pow(w[offset + i]);
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ term(|w_j|) with two partial sums (even and odd j; the last odd-length one to the first). */
    private static double inPairs(float[] w, int offset, int n, DoubleUnaryOperator term) {
        double s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += term.applyAsDouble(Math.abs((double) w[offset + i]));
            s1 += term.applyAsDouble(Math.abs((double) w[offset + i + 1]));
        }
        if (i < n) s0 += term.applyAsDouble(Math.abs((double) w[offset + i]));
        return s0 + s1;
    }
}
