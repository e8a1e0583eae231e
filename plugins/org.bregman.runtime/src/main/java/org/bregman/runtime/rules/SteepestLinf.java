package org.bregman.runtime.rules;

/** Steepest descent w.r.t. ℓ∞: w ← w − η ‖g‖₁ sign(g). */
public final class SteepestLinf extends BaseRule {

    public SteepestLinf() {
        super("SteepestLinf", "steepest descent for the l-infinity norm: sign descent scaled by the l1 norm of g",
                "w ← w − η ‖g‖₁ sign(g) (seed 003, Gunasekar et al. 2018: ‖g‖₁ · argmin_{‖v‖∞ ≤ 1} ⟨v, g⟩)", (g, n, d) -> {
                    double l1 = 0;
                    for (int j = 0; j < n; j++) l1 += Math.abs((double) g[j]);
                    for (int j = 0; j < n; j++) d[j] = l1 * Math.signum(g[j]);
                });
    }
}
