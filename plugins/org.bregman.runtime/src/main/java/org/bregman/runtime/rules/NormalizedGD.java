package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/** Normalised gradient descent, w ← w − η g/‖g‖₂ (no step when g = 0). */
public final class NormalizedGD extends BaseRule {

    public NormalizedGD() {
        super("NormalizedGD", java.util.Collections.<Param>emptyList(), "normalised gradient descent: steps of length lr along -g",
                "w ← w − η g/‖g‖₂ (seed 003: Δw = argmin_{‖v‖₂ ≤ 1} ⟨v, g⟩)");
    }

    @Override
    protected Direction direction(Map<String, Double> args) {
        return (g, n, d) -> {
            double sq = 0;
            for (int j = 0; j < n; j++) sq += (double) g[j] * g[j];
            double norm = Math.sqrt(sq);
            if (norm > 0) {
                for (int j = 0; j < n; j++) d[j] = g[j] / norm;
            }
        };
    }
}
