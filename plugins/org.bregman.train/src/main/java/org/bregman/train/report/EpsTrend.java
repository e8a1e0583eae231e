package org.bregman.train.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bregman.train.Num;
import org.bregman.train.RunResult;

/**
 * The {@code kkt} report's verdict over a stability constant (seed 001: the KKT error of smoothed sign descent
 * shrinks as ε grows in the paper's range): for each update rule listed with two or more values of {@code eps},
 * the mean KKT residual of its finished runs per ε, in increasing ε, and whether it decreases at every step —
 * stated as measured, whichever way it goes.
 */
final class EpsTrend {

    private EpsTrend() {
    }

    /** The verdict line, or {@code null} when no rule has two values of ε with a finished run. */
    static String verdict(Map<RunResult, Double> residuals) {
        Map<String, TreeMap<Double, double[]>> byRule = new TreeMap<>(); // rule → ε → {sum, count}
        residuals.forEach((r, res) -> {
            Double eps = r.mirror().isMirror() ? null : r.mirror().args().get("eps");
            if (eps == null || !r.finished() || Double.isNaN(res)) return;
            double[] acc = byRule.computeIfAbsent(r.mirror().name(), k -> new TreeMap<>()).computeIfAbsent(eps, k -> new double[2]);
            acc[0] += res;
            acc[1]++;
        });
        List<String> lines = new ArrayList<>();
        byRule.forEach((rule, byEps) -> {
            if (byEps.size() < 2) return;
            List<String> values = new ArrayList<>();
            int decreasing = 0;
            double previous = Double.NaN;
            for (var e : byEps.entrySet()) {
                double mean = e.getValue()[0] / e.getValue()[1];
                if (mean < previous) decreasing++;
                previous = mean;
                values.add("ε = " + Num.format(e.getKey()) + ": " + Num.short4(mean));
            }
            int steps = byEps.size() - 1;
            lines.add("**KKT verdict: the KKT residual of " + rule + " " + (decreasing == steps ? "decreases as ε grows"
                    : decreasing == 0 ? "does not decrease as ε grows (it grows or stays)"
                    : "does not decrease monotonically as ε grows (" + decreasing + " of " + steps + " steps decrease)")
                    + "** (mean over finished runs; " + String.join(", ", values) + ").");
        });
        return lines.isEmpty() ? null : String.join("\n\n", lines);
    }
}
