package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/** Sign descent, w ← w − η sign(g) (sign 0 = 0). */
public final class SignDescent implements UpdateRule {

    @Override
    public String name() {
        return "SignDescent";
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public String description() {
        return "sign descent: every coordinate moves by the rate";
    }

    @Override
    public String formula() {
        return "w ← w − η sign(g) (seed 001, the ε → 0 limit of smoothed sign descent)";
    }

    @Override
    public Step create(Map<String, Double> args) {
        return (w, g, n, lr) -> {
            double[] d = new double[n];
            for (int j = 0; j < n; j++) d[j] = Math.signum(g[j]);
            return UpdateRule.apply(w, d, n, lr);
        };
    }
}
