package org.bregman.runtime;

/**
 * The functions of the potential language that {@link Math} lacks. The symbolic engine's values, the
 * interpreter and generated classes all call these methods, so they compute the same bits (Java 8: an
 * exported optimizer jar carries this class).
 */
public final class SpecialFunctions {

    private static final double LN2 = 0.6931471805599453;
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
    private static final NewtonBisection ERF_INVERSE = new NewtonBisection(new ErfDerivatives(), Interval.REALS, Interval.open(-1, 1));

    /** erf and erf' = 2/√π e^(−t²), for {@link #erfinv}. */
    private static final class ErfDerivatives implements NewtonBisection.Derivatives {
        public double grad(double t) {
            return erf(t);
        }

        public double hessian(double t) {
            return TWO_OVER_SQRT_PI * Math.exp(-t * t);
        }
    }

    private SpecialFunctions() {
    }

    /** asinh, accurate near 0 and without overflow for large |x|. */
    public static double asinh(double x) {
        double a = Math.abs(x);
        double r;
        if (a > 0x1p28) {
            r = Math.log(a) + LN2;
        } else if (a < 0x1p-28) {
            return x;
        } else {
            r = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        }
        return Math.copySign(r, x);
    }

    /** acosh for x ≥ 1 (NaN below), accurate near 1. */
    public static double acosh(double x) {
        if (!(x >= 1)) return Double.NaN;
        if (x > 0x1p28) return Math.log(x) + LN2;
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** atanh on (−1, 1) (±∞ at ±1, NaN outside), accurate near 0. */
    public static double atanh(double x) {
        double a = Math.abs(x);
        if (a > 1) return Double.NaN;
        if (a < 0x1p-28) return x;
        return Math.copySign(0.5 * Math.log1p(2 * a / (1 - a)), x);
    }

    /**
     * The error function 2/√π ∫₀ˣ e^(−t²) dt, within 10 ulps: below 1.5 the series
     * 2/√π · x e^(−x²) Σ (2x²)ⁿ / (1·3·…·(2n+1)) (positive terms: no cancellation; x² split exactly
     * for the exponential), above it 1 − erfc(x) with erfc's continued fraction (150 terms), ±1 beyond 6.
     */
    public static double erf(double x) {
        if (x != x) return Double.NaN;
        double a = Math.abs(x);
        double r;
        if (a < 0x1p-28) {
            r = TWO_OVER_SQRT_PI * a;
        } else if (a < 1.5) {
            double k = 2 * a * a;
            double term = 1;
            double sum = 1;
            for (int n = 0; term > 0x1p-56 * sum; n++) {
                term *= k / (2 * n + 3);
                sum += term;
            }
            r = TWO_OVER_SQRT_PI * a * expMinusSquare(a) * sum;
        } else if (a < 6) {
            // erfc(a) = e^(−a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + …)))), evaluated from the tail
            double f = a;
            for (int n = 150; n >= 1; n--) f = a + 0.5 * n / f;
            r = 1 - ONE_OVER_SQRT_PI * expMinusSquare(a) / f;
        } else {
            r = 1;
        }
        return Math.copySign(r, x);
    }

    /** e^(−a²) with a² split into two doubles (Dekker), so that its rounding does not scale by a². */
    private static double expMinusSquare(double a) {
        double hi = a * a;
        double c = 134217729.0 * a;
        double ah = c - (c - a);
        double al = a - ah;
        double lo = ((ah * ah - hi) + 2 * ah * al) + al * al;
        return Math.exp(-hi) * (1 - lo);
    }

    /** The inverse of {@link #erf} on (−1, 1) (±∞ at ±1, NaN outside), by {@link NewtonBisection}. */
    public static double erfinv(double z) {
        if (z == 1 || z == -1) return z * Double.POSITIVE_INFINITY;
        return ERF_INVERSE.solve(z);
    }
}
