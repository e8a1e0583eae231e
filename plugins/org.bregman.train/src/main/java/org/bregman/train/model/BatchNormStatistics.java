package org.bregman.train.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mirror does to batch normalisation. DL4J keeps a batch-norm layer's running statistics (mean
 * and log₁₀ standard deviation) in the flat parameter vector next to its scale γ and shift β, and puts
 * into the gradient vector not a gradient but the moving-average update: the new statistic is
 * {@code s − g}. So:
 * <ul>
 * <li>γ and β are trainable parameters like any weight: the mirror (or update rule) steps them;</li>
 * <li>the running statistics are not optimised: they follow DL4J's moving average (decay 0.9, PyTorch's
 * momentum 0.1) whatever the mirror, are set to mean 0 and standard deviation 1 at initialisation, and
 * are left out of divergences and weight reports ({@link #optimised}).</li>
 * </ul>
 * At initialisation γ = 1 and β = 0 (the usual start; the experiment's {@code init} draws the other
 * weights).
 */
final class BatchNormStatistics {

    private final List<int[]> statistics = new ArrayList<>(); // {start, length}
    private final List<int[]> scales = new ArrayList<>();
    private final List<int[]> shifts = new ArrayList<>();
    private final List<int[]> variances = new ArrayList<>();
    private final boolean[] optimised;
    private float[] next;

    BatchNormStatistics(List<String> names, List<Long> starts, int size) {
        optimised = new boolean[size];
        java.util.Arrays.fill(optimised, true);
        for (int i = 0; i < names.size(); i++) {
            int start = Math.toIntExact(starts.get(i));
            int end = i + 1 < names.size() ? Math.toIntExact(starts.get(i + 1)) : size;
            int[] segment = {start, end - start};
            String n = names.get(i);
            if (n.endsWith("_mean") || n.endsWith("_var") || n.endsWith("_log10stdev")) {
                statistics.add(segment);
                if (n.endsWith("_var")) variances.add(segment);
                for (int j = start; j < end; j++) optimised[j] = false;
            } else if (n.endsWith("_gamma")) {
                scales.add(segment);
            } else if (n.endsWith("_beta")) {
                shifts.add(segment);
            }
        }
    }

    boolean any() {
        return !statistics.isEmpty() || !scales.isEmpty();
    }

    /** Whether coordinate i is an optimised parameter (false for running statistics). */
    boolean[] optimised() {
        return optimised.clone();
    }

    /** The initial values: γ = 1, β = 0, running mean 0, log₁₀ std 0 (variance 1 where DL4J stores it). */
    void initialise(float[] flat) {
        for (int[] s : scales) java.util.Arrays.fill(flat, s[0], s[0] + s[1], 1f);
        for (int[] s : shifts) java.util.Arrays.fill(flat, s[0], s[0] + s[1], 0f);
        for (int[] s : statistics) java.util.Arrays.fill(flat, s[0], s[0] + s[1], 0f);
        for (int[] s : variances) java.util.Arrays.fill(flat, s[0], s[0] + s[1], 1f);
    }

    /** Before a step: DL4J's moving-average update of the statistics, {@code s − g}. */
    void before(FloatBuffer params, FloatBuffer grads) {
        if (statistics.isEmpty()) return;
        int total = 0;
        for (int[] s : statistics) total += s[1];
        if (next == null || next.length != total) next = new float[total];
        int at = 0;
        for (int[] s : statistics) {
            for (int j = 0; j < s[1]; j++) next[at++] = params.get(s[0] + j) - grads.get(s[0] + j);
        }
    }

    /** After the step: the statistics get their moving average, whatever the step did to them. */
    void after(FloatBuffer params) {
        if (statistics.isEmpty()) return;
        int at = 0;
        for (int[] s : statistics) {
            for (int j = 0; j < s[1]; j++) params.put(s[0] + j, next[at++]);
        }
    }
}
