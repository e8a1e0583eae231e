package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/** Normalised gradient descent, w ← w − η g/‖g‖₂ (no step when g = 0). */
public final class NormalizedGD implements UpdateRule {

    @Override
    public String name() {
        return "NormalizedGD";
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public String description() {
        return "normalised gradient descent: steps of length lr along -g";
    }

    @Override
    public String formula() {
        return "w ← w − η g/‖g‖₂ (seed 003)";
    }

    @Override
    public Step create(Map<String, Double> args) {
        return (w, g, n, lr) -> {
            double sq = 0;
            for (int j = 0; j < n; j++) sq += (double) g[j] * g[j];
            double norm = Math.sqrt(sq);
            double[] d = new double[n];
            if (norm > 0) {
                for (int j = 0; j < n; j++) d[j] = g[j] / norm;
            }
            return UpdateRule.apply(w, d, n, lr);
        };
    }
}
