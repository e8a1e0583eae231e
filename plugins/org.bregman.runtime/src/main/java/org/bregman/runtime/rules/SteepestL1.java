package org.bregman.runtime.rules;

/** Steepest descent w.r.t. ℓ1 (greedy coordinate descent): only the coordinate(s) with the largest |g_j| move, by η sign(g_j). */
public final class SteepestL1 extends BaseRule {

    public SteepestL1() {
        super("SteepestL1", "steepest descent for the l1 norm: greedy coordinate descent",
                "w_j ← w_j − η sign(g_j) for every j with |g_j| = ‖g‖∞ (seed 003: Δw = argmin_{‖v‖₁ ≤ 1} ⟨v, g⟩)", (g, n, d) -> {
                    float max = 0;
                    for (int j = 0; j < n; j++) max = Math.max(max, Math.abs(g[j]));
                    if (max > 0) {
                        for (int j = 0; j < n; j++) if (Math.abs(g[j]) == max) d[j] = Math.signum(g[j]);
                    }
                });
    }
}
