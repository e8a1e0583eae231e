package org.bregman.runtime;

/**
 * Σ_j |w_j|^r over a float range, accumulated in double with four partial sums (instruction-level parallelism; the
 * JIT does not reorder a floating-point reduction itself), the power specialised: a loop of its own for r = 2, 3 and
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

    /** The sum, with a loop per common exponent (one multiplication chain the JIT keeps in registers). */
    double sum(float[] w, int offset, int n) {
        if (r == 2) {
            double s0 = 0, s1 = 0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                double a = w[offset + i], b = w[offset + i + 1];
                s0 += a * a;
                s1 += b * b;
            }
            for (; i < n; i++) s0 += (double) w[offset + i] * w[offset + i];
            return s0 + s1;
        }
        if (r == 3) {
            double s0 = 0, s1 = 0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                double a = Math.abs(w[offset + i]), b = Math.abs(w[offset + i + 1]);
                s0 += a * a * a;
                s1 += b * b * b;
            }
            for (; i < n; i++) s0 += pow(w[offset + i]);
            return s0 + s1;
        }
        if (r == 1.5) {
            double s0 = 0, s1 = 0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                double a = Math.abs(w[offset + i]), b = Math.abs(w[offset + i + 1]);
                s0 += a * Math.sqrt(a);
                s1 += b * Math.sqrt(b);
            }
            for (; i < n; i++) s0 += pow(w[offset + i]);
            return s0 + s1;
        }
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
}
