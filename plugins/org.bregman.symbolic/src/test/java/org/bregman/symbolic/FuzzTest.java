package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Thousands of random expression trees through every entry point: nothing but
 * {@link SymbolicException} may escape, and simplification must not change values.
 */
class FuzzTest {
    static final Func[] FUNCS = Func.values();

    static Expr random(SplittableRandom rnd, int depth) {
        if (depth == 0 || rnd.nextInt(4) == 0) {
            return switch (rnd.nextInt(6)) {
                case 0, 1 -> var("w");
                case 2 -> var("q");
                case 3 -> rnd.nextBoolean() ? pi() : e();
                default -> num(switch (rnd.nextInt(5)) {
                    case 0 -> rnd.nextInt(-3, 4);
                    case 1 -> 0.5;
                    case 2 -> rnd.nextDouble(-10, 10);
                    case 3 -> 1e-3;
                    default -> rnd.nextInt(1, 5);
                });
            };
        }
        return switch (rnd.nextInt(9)) {
            case 0, 1 -> add(random(rnd, depth - 1), random(rnd, depth - 1));
            case 2 -> sub(random(rnd, depth - 1), random(rnd, depth - 1));
            case 3, 4 -> mul(random(rnd, depth - 1), random(rnd, depth - 1));
            case 5 -> div(random(rnd, depth - 1), random(rnd, depth - 1));
            case 6 -> pow(random(rnd, depth - 1), rnd.nextBoolean() ? num(rnd.nextInt(-3, 5)) : random(rnd, depth - 1));
            default -> {
                Func f = FUNCS[rnd.nextInt(FUNCS.length)];
                List<Expr> args = new ArrayList<>();
                for (int i = 0; i < f.arity(); i++) args.add(random(rnd, depth - 1));
                yield call(f, args);
            }
        };
    }

    static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) return true;
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** The checks of one fuzz round on its random input; returns how many value comparisons it made. */
    interface Check<T> {
        int run(T input, SplittableRandom rnd);
    }

    /**
     * {@code rounds} random inputs from one seeded stream through {@code check}: nothing but a
     * {@link SymbolicException} with a message may escape a check (a refused input compares nothing).
     * Returns the comparisons made.
     */
    static <T> int fuzz(long seed, int rounds, Function<SplittableRandom, T> input, Check<T> check) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int compared = 0;
        for (int i = 0; i < rounds; i++) {
            T in = input.apply(rnd);
            try {
                compared += check.run(in, rnd);
            } catch (SymbolicException ex) {
                assertNotNull(ex.getMessage());
            }
        }
        return compared;
    }

    @Test
    void simplifyDiffPrintNeverCrashAndSimplifyKeepsValues() {
        int compared = fuzz(2024, 2500, rnd -> random(rnd, 4), (e, rnd) -> {
            int kept = 0;
            Expr s = Simplifier.simplify(e);
            Expr d = Differentiator.diff(e, "w");
            assertNotNull(Printer.print(s));
            assertNotNull(Printer.print(d));
            for (int k = 0; k < 3; k++) {
                Map<String, Double> p = Map.of("w", rnd.nextDouble(-3, 3), "q", rnd.nextDouble(0.5, 4));
                double a = e.eval(p), b = s.eval(p);
                // values where e is finite and well-conditioned (stable under a 1e-9 nudge of the
                // variables: not at a pole, a kink or a rounding cliff) must survive simplification
                Map<String, Double> nudged = Map.of("w", p.get("w") * (1 + 1e-9), "q", p.get("q") * (1 - 1e-9));
                if (Double.isFinite(a) && Math.abs(a) < 1e8 && Double.isFinite(b) && close(a, e.eval(nudged))) {
                    kept++;
                    assertTrue(close(a, b), "simplify changed " + Printer.print(e) + " → " + Printer.print(s) + " at " + p + ": " + a + " vs " + b);
                }
            }
            return kept;
        });
        assertTrue(compared > 1500, "compared " + compared);
    }

    @Test
    void derivationsAndChecksNeverCrash() {
        int derived = fuzz(7, 300, rnd -> {
            Expr psi = random(rnd, 3);
            RealInterval dom = switch (rnd.nextInt(3)) {
                case 0 -> RealInterval.REALS;
                case 1 -> RealInterval.POSITIVE;
                default -> RealInterval.open(0, 1);
            };
            return new PotentialSpec("Fuzz", List.of(Examples.param("q", 2, Condition.Op.GT, 1)), "w", dom, psi,
                    rnd.nextInt(4) == 0 ? new PotentialSpec.Override("x", random(rnd, 2)) : null,
                    rnd.nextInt(4) == 0 ? new PotentialSpec.Override("z", random(rnd, 2)) : null);
        }, (spec, rnd) -> {
            Derivation d = Derivation.derive(spec);
            assertNotNull(d.check());
            Derivation b = d.bind(Map.of("q", 1.5));
            b.inverse(0.3);
            b.bregman(0.2, 0.4);
            assertNotNull(Printer.print(b.bregman()));
            return 1;
        });
        assertTrue(derived > 200, "derived " + derived);
    }
}
