package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/** Sign descent, w ← w − η sign(g) (sign 0 = 0). */
public final class SignDescent extends BaseRule {

    public SignDescent() {
        super("SignDescent", java.util.Collections.<Param>emptyList(), "sign descent: every coordinate moves by the rate",
                "w ← w − η sign(g) (seed 001, the ε → 0 limit of smoothed sign descent)");
    }

    @Override
    protected Direction direction(Map<String, Double> args) {
        return (g, n, d) -> {
            for (int j = 0; j < n; j++) d[j] = Math.signum(g[j]);
        };
    }
}
