package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/** Smoothed sign descent, coordinate-wise w ← w − η g/(|g| + ε) (seed 001); ε → 0 is sign descent, large ε is GD with rate η/ε. */
public final class SmoothedSign implements UpdateRule {

    @Override
    public String name() {
        return "SmoothedSign";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("eps", 0.1, 0, true, "stability constant ε > 0"));
    }

    @Override
    public String description() {
        return "smoothed sign descent: coordinate-wise g/(|g| + eps)";
    }

    @Override
    public String formula() {
        return "w ← w − η g/(|g| + ε), coordinate-wise (seed 001)";
    }

    @Override
    public Step create(Map<String, Double> args) {
        double eps = arg(args, "eps");
        return (w, g, n, lr) -> {
            double[] d = new double[n];
            for (int j = 0; j < n; j++) d[j] = g[j] / (Math.abs((double) g[j]) + eps);
            return UpdateRule.apply(w, d, n, lr);
        };
    }
}
