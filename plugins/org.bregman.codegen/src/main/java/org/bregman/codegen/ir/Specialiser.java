package org.bregman.codegen.ir;

import static org.bregman.codegen.ir.Node.*;

/**
 * Strength reduction of constant exponents, decided at generation time so that no {@code Math.pow}
 * survives for the common cases: integers become multiplications (by squaring), halves {@code sqrt},
 * thirds {@code cbrt}; {@code |y|^k} with even k drops the abs; {@code sign(y)·|y|^k} becomes
 * {@code y·|y|^(k-1)} (k ≥ 1) or {@code copySign(|y|^k, y)} (0 < k < 1), which equal it exactly
 * up to the rounding of |y|^k.
 */
public final class Specialiser {

    /** Largest integer exponent expanded into multiplications. */
    static final int MAX_INT_EXPONENT = 32;

    private Specialiser() {
    }

    /** {@code b^k} for a constant k. */
    public static Node pow(Node b, double k) {
        if (k == 1) return b;
        if (k == 0) return num(1);
        if (Double.isNaN(k) || Double.isInfinite(k)) return call(Fn.POW, b, num(k));
        if (k < 0) {
            Node p = pow(b, -k);
            return p instanceof Call c && c.f() == Fn.POW ? call(Fn.POW, b, num(k)) : div(num(1), p);
        }
        Node y = absArg(b);
        if (k == Math.rint(k) && k <= MAX_INT_EXPONENT) {
            int n = (int) k;
            if (y != null) {
                // |y|^even = y^even; |y|^odd = y^(odd-1)·|y|
                return n % 2 == 0 ? intPow(y, n) : mul(intPow(y, n - 1), b);
            }
            return intPow(b, n);
        }
        double twice = 2 * k;
        if (twice == Math.rint(twice) && twice <= 2 * MAX_INT_EXPONENT) {
            int n = (int) Math.floor(k);
            Node root = call(Fn.SQRT, b);
            return n == 0 ? root : mul(pow(b, n), root);
        }
        long m = Math.round(3 * k);
        if (m / 3.0 == k && m <= 3L * MAX_INT_EXPONENT) {
            int n = (int) (m / 3);
            int r = (int) (m % 3);
            Node root = call(Fn.CBRT, r == 1 ? b : pow(b, 2));
            return n == 0 ? root : mul(pow(b, n), root);
        }
        return call(Fn.POW, b, num(k));
    }

    /** {@code sign(y)·|y|^k} for a constant k > 0. */
    public static Node signedPow(Node y, double k) {
        Node ay = call(Fn.ABS, y);
        if (k == 1) return y;
        if (k > 1) return mul(y, pow(ay, k - 1));
        return call(Fn.COPYSIGN, pow(ay, k), y);
    }

    /** {@code y^n}, n ≥ 1, by repeated squaring (fewer roundings than a chain). */
    static Node intPow(Node y, int n) {
        if (n == 0) return num(1);
        if (n == 1) return y;
        Node half = intPow(y, n / 2);
        Node sq = mul(half, half);
        return n % 2 == 0 ? sq : mul(sq, y);
    }

    private static Node absArg(Node b) {
        return b instanceof Call c && c.f() == Fn.ABS ? c.arg() : null;
    }
}
