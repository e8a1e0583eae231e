package org.bregman.runtime.rules;

/** Normalised gradient descent, w ← w − η g/‖g‖₂ (no step when g = 0). */
public final class NormalizedGD extends BaseRule {

    public NormalizedGD() {
        super("NormalizedGD", "normalised gradient descent: steps of length lr along -g",
                "w ← w − η g/‖g‖₂ (seed 003: Δw = argmin_{‖v‖₂ ≤ 1} ⟨v, g⟩)", (g, n, d) -> {
                    double sq = 0;
                    for (int j = 0; j < n; j++) sq += (double) g[j] * g[j];
                    double norm = Math.sqrt(sq);
                    if (norm > 0) {
                        for (int j = 0; j < n; j++) d[j] = g[j] / norm;
                    }
                });
    }
}
