package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/** Smoothed sign descent, coordinate-wise w ← w − η g/(|g| + ε) (seed 001); ε → 0 is sign descent, large ε is GD with rate η/ε. */
public final class SmoothedSign extends BaseRule {

    public SmoothedSign() {
        super("SmoothedSign", java.util.Collections.singletonList(new Param("eps", 0.1, 0, true, "stability constant ε > 0")), "smoothed sign descent: coordinate-wise g/(|g| + eps)",
                "w ← w − η g/(|g| + ε), coordinate-wise (seed 001)");
    }

    @Override
    protected Direction direction(Map<String, Double> args) {
        double eps = arg(args, "eps");
        return (g, n, d) -> {
            for (int j = 0; j < n; j++) d[j] = g[j] / (Math.abs((double) g[j]) + eps);
        };
    }
}
