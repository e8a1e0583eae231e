package org.bregman.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exact constant folding rounds its fractions as a 34-digit quotient would, whether it divides doubles or BigDecimals. */
class DecimalTest {

    private static double reference(BigInteger p, BigInteger q) {
        return new BigDecimal(p).divide(new BigDecimal(q), MathContext.DECIMAL128).doubleValue();
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what + ": " + expected + " vs " + actual);
    }

    @Test
    void sumsProductsAndQuotientsOfFractionsAreTheir34DigitQuotientsRounded() {
        SplittableRandom rnd = new SplittableRandom(14);
        int checked = 0;
        for (int i = 0; i < 200_000; i++) {
            // small fractions (what users write), denominators up to 10^6, powers of two, numerators up to 2^40
            long q1 = i % 3 == 0 ? 1L << rnd.nextInt(20) : 1 + rnd.nextLong(1_000_000), q2 = 1 + rnd.nextLong(i % 2 == 0 ? 1000 : 1_000_000);
            long p1 = rnd.nextLong(-(1L << 40), 1L << 40), p2 = rnd.nextLong(-(1L << 20), 1L << 20);
            double a = (double) p1 / q1, b = (double) p2 / q2;
            BigInteger[] x = Decimal.fraction(a), y = Decimal.fraction(b);
            if (x == null || y == null) continue;
            checked++;
            assertBits(reference(x[0].multiply(y[1]).add(y[0].multiply(x[1])), x[1].multiply(y[1])), Decimal.add(a, b), a + " + " + b);
            assertBits(reference(x[0].multiply(y[0]), x[1].multiply(y[1])), Decimal.mul(a, b), a + " · " + b);
            if (y[0].signum() != 0) {
                BigInteger p = x[0].multiply(y[1]), q = x[1].multiply(y[0]);
                assertBits(q.signum() < 0 ? reference(p.negate(), q.negate()) : reference(p, q), Decimal.divExact(a, b), a + " / " + b);
            }
        }
        assertTrue(checked > 100_000, "fractions recovered: " + checked);
    }
}
