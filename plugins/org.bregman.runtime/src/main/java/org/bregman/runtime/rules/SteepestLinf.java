package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/** Steepest descent w.r.t. ℓ∞: w ← w − η ‖g‖₁ sign(g). */
public final class SteepestLinf implements UpdateRule {

    @Override
    public String name() {
        return "SteepestLinf";
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public String description() {
        return "steepest descent for the l-infinity norm: sign descent scaled by the l1 norm of g";
    }

    @Override
    public String formula() {
        return "w ← w − η ‖g‖₁ sign(g) (Boyd & Vandenberghe 9.4, unnormalised step: the dual norm ‖g‖₁ times the ℓ∞ direction)";
    }

    @Override
    public Step create(Map<String, Double> args) {
        return (w, g, n, lr) -> {
            double l1 = 0;
            for (int j = 0; j < n; j++) l1 += Math.abs((double) g[j]);
            double[] d = new double[n];
            for (int j = 0; j < n; j++) d[j] = l1 * Math.signum(g[j]);
            return UpdateRule.apply(w, d, n, lr);
        };
    }
}
