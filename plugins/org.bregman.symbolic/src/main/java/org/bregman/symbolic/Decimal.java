package org.bregman.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Exact constant folding: a double that is the nearest double to a fraction p/q with a modest
 * denominator (1/3, 11/10, 1e-3) is folded as that fraction, so that {@code 3 · (1/3)} is exactly
 * {@code 1} and {@code 1.1 - 1} is {@code 0.1} (what the user wrote) rather than
 * {@code 0.10000000000000009}; results are rounded to the nearest double once, at the end.
 * Other doubles fold as doubles.
 */
final class Decimal {
    private static final long MAX_DEN = 1_000_000_000_000L;

    private Decimal() {
    }

    /** {p, q} with q > 0 and (double) p/q == x, or null. */
    static BigInteger[] fraction(double x) {
        if (!Double.isFinite(x)) return null;
        if (x == Math.rint(x) && Math.abs(x) < 1e18) return new BigInteger[] {BigInteger.valueOf((long) x), BigInteger.ONE};
        // continued-fraction convergents of x
        double r = Math.abs(x);
        long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
        for (int i = 0; i < 40; i++) {
            double a = Math.floor(r);
            if (a > 1e15) return null;
            long ai = (long) a;
            long p2 = ai * p1 + p0, q2 = ai * q1 + q0;
            if (q2 > MAX_DEN || p2 < 0 || q2 <= 0) return null;
            if ((double) p2 / (double) q2 == Math.abs(x) || value(BigInteger.valueOf(p2), BigInteger.valueOf(q2)) == Math.abs(x)) {
                return new BigInteger[] {BigInteger.valueOf(x < 0 ? -p2 : p2), BigInteger.valueOf(q2)};
            }
            double frac = r - a;
            if (frac == 0) return null;
            r = 1 / frac;
            p0 = p1;
            q0 = q1;
            p1 = p2;
            q1 = q2;
        }
        return null;
    }

    private static double value(BigInteger p, BigInteger q) {
        // p and q exact as doubles: one division rounds p/q correctly, and so does the 34-digit quotient below (p/q is
        // no exact midpoint of two doubles, nor closer to one than 2^-107 relative); the BigDecimal division was half of
        // a derivation's time
        if (p.bitLength() <= 53 && q.bitLength() <= 53 && q.signum() > 0) return p.doubleValue() / q.doubleValue();
        return new BigDecimal(p).divide(new BigDecimal(q), MathContext.DECIMAL128).doubleValue();
    }

    /** Small multiples of 1/4096 (integers, halves, quarters …): binary arithmetic on them is what the user means. */
    private static boolean dyadic(double x) {
        double y = x * 4096;
        return y == Math.rint(y) && Math.abs(y) < 0x1p50;
    }

    static double add(double a, double b) {
        if (dyadic(a) && dyadic(b)) return a + b; // k/4096 values: the double sum is exact
        BigInteger[] x = fraction(a), y = fraction(b);
        if (x == null || y == null) return a + b;
        return value(x[0].multiply(y[1]).add(y[0].multiply(x[1])), x[1].multiply(y[1]));
    }

    static double mul(double a, double b) {
        if (dyadic(a) && dyadic(b)) {
            double p = a * b;
            if (Math.fma(a, b, -p) == 0) return p;
        }
        BigInteger[] x = fraction(a), y = fraction(b);
        if (x == null || y == null) return a * b;
        return value(x[0].multiply(y[0]), x[1].multiply(y[1]));
    }

    /** a^n for an integer n with |n| ≤ 64, exactly when a is a fraction. */
    static double powInt(double a, int n) {
        BigInteger[] x = fraction(a);
        if (x == null || (n < 0 && x[0].signum() == 0)) return Math.pow(a, n);
        BigInteger p = x[0].pow(Math.abs(n)), q = x[1].pow(Math.abs(n));
        if (p.bitLength() > 1000 || q.bitLength() > 1000) return Math.pow(a, n);
        return n >= 0 ? value(p, q) : value(q, p);
    }

    /** a / b as fractions (exact when both are), NaN when either is not a fraction or b = 0. */
    static double divExact(double a, double b) {
        BigInteger[] x = fraction(a), y = fraction(b);
        if (x == null || y == null || y[0].signum() == 0) return Double.NaN;
        BigInteger p = x[0].multiply(y[1]), q = x[1].multiply(y[0]);
        if (q.signum() < 0) {
            p = p.negate();
            q = q.negate();
        }
        return value(p, q);
    }

    /**
     * c^k when it is a fraction again: integer k (|k| ≤ 64), or a half-integer k with c = p/q, p and q
     * perfect squares; NaN otherwise.
     */
    static double rationalPow(double c, double k) {
        BigInteger[] x = fraction(c);
        if (x == null) return Double.NaN;
        if (k == Math.rint(k) && Math.abs(k) <= 64) return powInt(c, (int) k);
        double k2 = 2 * k;
        if (k2 != Math.rint(k2) || Math.abs(k2) > 64 || x[0].signum() <= 0) return Double.NaN;
        BigInteger rp = x[0].sqrt(), rq = x[1].sqrt();
        if (!rp.multiply(rp).equals(x[0]) || !rq.multiply(rq).equals(x[1])) return Double.NaN;
        return powInt(value(rp, rq), (int) k2);
    }
}
