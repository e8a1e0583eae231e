package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/** Steepest descent w.r.t. ℓ1 (greedy coordinate descent): only the coordinate(s) with the largest |g_j| move, by η sign(g_j). */
public final class SteepestL1 implements UpdateRule {

    @Override
    public String name() {
        return "SteepestL1";
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public String description() {
        return "steepest descent for the l1 norm: greedy coordinate descent";
    }

    @Override
    public String formula() {
        return "w_j ← w_j − η sign(g_j) for every j with |g_j| = ‖g‖∞ (Boyd & Vandenberghe 9.4.2, normalised step)";
    }

    @Override
    public Step create(Map<String, Double> args) {
        return (w, g, n, lr) -> {
            float max = 0;
            for (int j = 0; j < n; j++) max = Math.max(max, Math.abs(g[j]));
            double[] d = new double[n];
            if (max > 0) {
                for (int j = 0; j < n; j++) if (Math.abs(g[j]) == max) d[j] = Math.signum(g[j]);
            }
            return UpdateRule.apply(w, d, n, lr);
        };
    }
}
