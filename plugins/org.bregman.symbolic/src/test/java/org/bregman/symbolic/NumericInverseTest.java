package org.bregman.symbolic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The safeguarded Newton–bisection on steep and bounded mirror maps, to full precision. */
class NumericInverseTest {

    /** |x − expected| within a few ulps, plus what the conditioning of f at x allows for z's last bit. */
    static void assertFullPrecision(double expected, double x, double z, double slope, String what) {
        double tol = 4 * Math.ulp(expected) + 2 * Math.ulp(z) / Math.abs(slope);
        assertEquals(expected, x, tol, what);
    }

    @Test
    void exponential() {
        NumericInverse inv = new NumericInverse(Math::exp, Math::exp, RealInterval.REALS, RealInterval.POSITIVE);
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            double z = Math.pow(10, rnd.nextDouble(-300, 300));
            double x = inv.solve(z);
            assertFullPrecision(Math.log(z), x, z, z, "exp⁻¹(" + z + ")");
        }
        assertTrue(Double.isNaN(inv.solve(-1)), "outside the dual domain");
        assertTrue(Double.isNaN(inv.solve(0)), "at the open end of the dual domain");
    }

    @Test
    void exponentialWithoutDerivativeBisectsToFullPrecision() {
        NumericInverse inv = new NumericInverse(Math::exp, null, RealInterval.REALS, RealInterval.POSITIVE);
        for (double z : new double[] {1e-300, 1e-5, 0.5, 1, 2, 1e10, 1e300}) {
            assertFullPrecision(Math.log(z), inv.solve(z), z, z, "exp⁻¹(" + z + ")");
        }
    }

    @Test
    void logitOnTheUnitInterval() {
        DoubleUnaryOperator logit = w -> Math.log(w / (1 - w));
        DoubleUnaryOperator dlogit = w -> 1 / (w * (1 - w));
        NumericInverse inv = new NumericInverse(logit, dlogit, RealInterval.open(0, 1), RealInterval.REALS);
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < 2000; i++) {
            double z = rnd.nextDouble(-700, 36);
            double expected = z < 0 ? Math.exp(z) / (1 + Math.exp(z)) : 1 / (1 + Math.exp(-z));
            double x = inv.solve(z);
            // logit's rounding (≈ ulp(z)) moves the root by a relative |z|·ulp: tolerance (8 + |z|)·2^-52 relative
            assertEquals(expected, x, (8 + Math.abs(z)) * 0x1p-52 * expected + 2 * Math.ulp(expected), "logit⁻¹(" + z + ")");
            assertTrue(x > 0 && x < 1);
        }
        // beyond the last double below 1, the answer is that double (not 1, which is outside the domain)
        assertEquals(Math.nextDown(1.0), inv.solve(50));
    }

    @Test
    void tanhIsBounded() {
        NumericInverse inv = new NumericInverse(Math::tanh, x -> 1 / (Math.cosh(x) * Math.cosh(x)), RealInterval.REALS,
                RealInterval.open(-1, 1));
        for (int k = 1; k <= 15; k++) {
            for (double sgn : new double[] {1, -1}) {
                double z = sgn * (1 - Math.pow(10, -k));
                double x = inv.solve(z);
                // near saturation x is ill-conditioned: ask that tanh(x) hits z to the last bits
                assertEquals(z, Math.tanh(x), 2 * Math.ulp(z), "tanh(solve(" + z + "))");
                if (k <= 1) assertFullPrecision(org.bregman.runtime.SpecialFunctions.atanh(z), x, z, 1 - z * z, "atanh(" + z + ")");
            }
        }
        assertTrue(Double.isNaN(inv.solve(1.5)));
        assertTrue(Double.isNaN(inv.solve(-1)));
        assertEquals(0.0, inv.solve(0.0));
    }

    @Property(tries = 500)
    void tanhInteriorToFullPrecision(@ForAll @DoubleRange(min = -0.99, max = 0.99) double z) {
        NumericInverse inv = new NumericInverse(Math::tanh, x -> 1 / (Math.cosh(x) * Math.cosh(x)), RealInterval.REALS,
                RealInterval.open(-1, 1));
        assertFullPrecision(org.bregman.runtime.SpecialFunctions.atanh(z), inv.solve(z), z, 1 - z * z, "atanh(" + z + ")");
    }

    @Property(tries = 500)
    void cubicPlusLinear(@ForAll @DoubleRange(min = -1e6, max = 1e6) double w) {
        // Quartic's mirror map w^3 + w: inverse(grad(w)) = w to 1e-12
        NumericInverse inv = new NumericInverse(x -> x * x * x + x, x -> 3 * x * x + 1, RealInterval.REALS, RealInterval.REALS);
        double back = inv.solve(w * w * w + w);
        assertEquals(w, back, 1e-12 * Math.max(1e-300, Math.abs(w)) + 1e-300, "w = " + w);
    }

    @Test
    void finiteClosedDomain() {
        // sqrt on [0, 4]: the endpoints are attained
        NumericInverse inv = new NumericInverse(Math::sqrt, x -> 0.5 / Math.sqrt(x), RealInterval.closed(0, 4), RealInterval.closed(0, 2));
        assertEquals(0.0, inv.solve(0));
        assertEquals(4.0, inv.solve(2));
        assertEquals(2.25, inv.solve(1.5), 2 * Math.ulp(2.25));
    }
}
