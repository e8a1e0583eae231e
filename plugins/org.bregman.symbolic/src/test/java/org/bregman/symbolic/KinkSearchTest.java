package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The convexity proof looks for kinks at the zeros of affine sums, and skips simplifying the slope of a sum that
 * {@link ConvexityProof#varies} provably: such a slope must never simplify to a constant (else a kink would be lost).
 */
class KinkSearchTest {

    @Test
    void aSlopeThatProvablyVariesNeverSimplifiesToAConstant() {
        int[] skipped = {0}, affine = {0};
        int compared = FuzzTest.fuzz(41, 4000, rnd -> FuzzTest.random(rnd, 4), (e, rnd) -> {
            double q = rnd.nextInt(-2, 4) + (rnd.nextBoolean() ? 0.5 : 0);
            Expr slope = Differentiator.diffRaw(e, "w");
            Expr simplified = Simplifier.simplify(slope);
            Expr atQ = Simplifier.simplify(Simplifier.substitute(simplified, Map.of("q", num(q))));
            boolean constant = simplified instanceof Expr.Num || atQ instanceof Expr.Num || !atQ.contains("w");
            if (constant) affine[0]++;
            if (ConvexityProof.varies(slope, "w", Map.of("q", q))) {
                skipped[0]++;
                assertFalse(constant, () -> "the slope " + slope + " of " + e + " varies at q = " + q + " but simplifies to " + atQ);
            }
            return 1;
        });
        assertTrue(compared > 3000, "compared " + compared);
        assertTrue(skipped[0] > 1000 && affine[0] > 100, skipped[0] + " skipped, " + affine[0] + " affine");
    }

    @Test
    void affineSlopesAndUndefinedProbesAreNotSkipped() {
        Expr w = var("w");
        // (w + 1)^2 - w^2 = 2w + 1: its slope 2(w + 1) - 2w is 2 everywhere, though written with w
        assertFalse(ConvexityProof.varies(Differentiator.diffRaw(sub(pow(add(w, num(1)), num(2)), pow(w, num(2))), "w"), "w", Map.of()));
        // log(w - 3) is undefined at every probe: nothing is known, so nothing is skipped
        assertFalse(ConvexityProof.varies(log(sub(w, num(3))), "w", Map.of()));
        assertTrue(ConvexityProof.varies(mul(var("q"), w), "w", Map.of("q", 2.0)));
        assertFalse(ConvexityProof.varies(mul(var("q"), w), "w", Map.of("q", 0.0)));
    }
}
