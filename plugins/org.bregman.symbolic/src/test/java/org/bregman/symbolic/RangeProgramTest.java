package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.bregman.symbolic.Condition.Op;
import org.junit.jupiter.api.Test;

/**
 * {@link RangeProgram} is {@link Ranges#range} evaluated once per distinct subexpression: the same enclosures, bit for
 * bit, for a fraction of the work on the convexity proof's large time-varying ψ''.
 */
class RangeProgramTest {
    private static final Expr T = var("t"), ALPHA = var("alpha");

    /** examples/experiments/time-varying.potential's SmoothedSignMirror, t symbolic (its ψ'' has 169 nodes). */
    static PotentialSpec smoothedSignMirror() {
        Expr w = Examples.W, a2 = pow(ALPHA, num(2)), tp = add(num(1), T);
        Expr root = add(sqrt(add(pow(w, num(2)), div(mul(num(4), pow(ALPHA, num(4))), pow(tp, num(2))))), div(mul(num(2), a2), tp));
        Expr psi = sub(div(pow(w, num(2)), sqrt(root)), div(pow(root, div(num(3), num(2))), num(3)));
        return PotentialSpec.of("SmoothedSignMirror", List.of(Examples.param("alpha", 0.5, Op.GT, 0)), "w", psi).withTime("t");
    }

    /** The intervals of w that the proof meets: points, pieces of every scale and sign, half-lines, all reals. */
    static List<RealInterval> pieces(SplittableRandom rnd) {
        List<RealInterval> out = new ArrayList<>(List.of(RealInterval.REALS, RealInterval.POSITIVE, RealInterval.NON_NEGATIVE,
                new RealInterval(Double.NEGATIVE_INFINITY, false, -Double.MAX_VALUE, true), RealInterval.point(0),
                RealInterval.point(-0.0), RealInterval.closed(-1, 1), RealInterval.open(0, 1e-300)));
        for (int i = 0; i < 300; i++) {
            double a = Math.scalb(rnd.nextDouble(-1, 1), rnd.nextInt(-60, 60)), b = a + Math.scalb(rnd.nextDouble(), rnd.nextInt(-60, 60));
            out.add(rnd.nextInt(3) == 0 ? RealInterval.point(a) : new RealInterval(a, rnd.nextBoolean(), b, rnd.nextBoolean()));
        }
        return out;
    }

    private static void assertSameAsTree(Expr e, Map<String, RealInterval> others, List<RealInterval> xs) {
        RangeProgram p = new RangeProgram(e, "w", others);
        for (RealInterval x : xs) {
            Map<String, RealInterval> vars = new LinkedHashMap<>(others);
            vars.put("w", x);
            assertEquals(Ranges.range(e, vars), p.range(x), () -> e + " over w in " + x);
        }
    }

    /** The distinct subtrees of e (by structure) that contain x, collected independently of the program. */
    private static void distinctContaining(Expr e, String x, Set<Expr> into) {
        if (!e.contains(x) || !into.add(e)) return;
        for (Expr c : e.children()) distinctContaining(c, x, into);
    }

    @Test
    void timeVaryingHessianEnclosuresAreTheTreesAndCostItsDistinctSubexpressions() {
        Derivation d = Derivation.derive(smoothedSignMirror());
        Expr h = d.hessian();
        Map<String, RealInterval> params = Map.of("alpha", RealInterval.point(0.5), "t", RealInterval.NON_NEGATIVE);
        assertSameAsTree(h, params, pieces(new SplittableRandom(1)));

        Set<Expr> varying = new HashSet<>();
        distinctContaining(h, "w", varying);
        RangeProgram p = new RangeProgram(h, "w", params);
        assertEquals(varying.size(), p.steps(), "one step per distinct subexpression that contains w");
        int nodes = size(h);
        assertTrue(p.steps() * 4 < nodes, p.steps() + " steps for " + nodes + " nodes");
    }

    private static int size(Expr e) {
        int n = 1;
        for (Expr c : e.children()) n += size(c);
        return n;
    }

    @Test
    void randomTreesWithRepeatedSubtreesEncloseAsTheTree() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<RealInterval> xs = pieces(new SplittableRandom(2)).subList(0, 60);
        for (int i = 0; i < 400; i++) {
            Expr s = FuzzTest.random(rnd, 3), u = FuzzTest.random(rnd, 3);
            // the same subtree twice, once as an equal copy: both share one step
            Expr e = add(mul(s, u), call(Func.SQRT, Simplifier.substitute(s, Map.of())), pow(u, s));
            RealInterval q = rnd.nextBoolean() ? RealInterval.point(rnd.nextInt(-3, 4)) : RealInterval.open(1, 1 + rnd.nextDouble(5));
            assertSameAsTree(e, Map.of("q", q), xs);
        }
    }
}
