package org.bregman.train.model;

/**
 * The losses of spec section 3, per example, over scores f (the model's outputs before any link):
 * <ul>
 * <li>{@code squared}: ½ Σ_k (f_k − t_k)² (regression; for classification t is ±1 for two classes, one-hot otherwise)</li>
 * <li>{@code crossEntropy}: −log softmax(f)_y</li>
 * <li>{@code logistic}: log(1 + exp(−s f)) with s = ±1 (two classes)</li>
 * <li>{@code exponential}: exp(−s f) with s = ±1 (two classes)</li>
 * </ul>
 * The reported loss is the mean over the training set.
 */
public enum Loss implements org.bregman.potential.api.Keyword {
    SQUARED, CROSS_ENTROPY, LOGISTIC, EXPONENTIAL;

    public static Loss of(String keyword) {
        return org.bregman.potential.api.Keyword.of(Loss.class, keyword, "loss");
    }

    /** Whether the loss needs class labels. */
    public boolean classification() {
        return this != SQUARED;
    }

    /** Number of model outputs for data with {@code classes} classes (0 = regression). */
    public int outputs(int classes) {
        return switch (this) {
            case SQUARED -> classes <= 2 ? 1 : classes;
            case CROSS_ENTROPY -> classes;
            case LOGISTIC, EXPONENTIAL -> 1;
        };
    }

    /** A clear message when loss and data do not fit together, else {@code null}. */
    public String mismatch(int classes) {
        if (this == SQUARED) return null;
        if (classes == 0) return "loss " + keyword() + " needs class labels, but the data are regression targets";
        if ((this == LOGISTIC || this == EXPONENTIAL) && classes != 2) {
            return "loss " + keyword() + " is binary, but the data have " + classes + " classes (use crossEntropy)";
        }
        return null;
    }

    /**
     * Loss of one example and its derivative with respect to the scores.
     *
     * @param f scores (length k), @param label class or −1 for regression, @param target regression target
     * @param dldf receives dL/df (may be null)
     */
    public double lossAndDerivative(double[] f, int label, double target, double[] dldf) {
        int k = f.length;
        switch (this) {
            case SQUARED -> {
                double l = 0;
                for (int j = 0; j < k; j++) {
                    double t = label < 0 ? target : k == 1 ? (label == 1 ? 1 : -1) : (label == j ? 1 : 0);
                    double r = f[j] - t;
                    l += 0.5 * r * r;
                    if (dldf != null) dldf[j] = r;
                }
                return l;
            }
            case CROSS_ENTROPY -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : f) max = Math.max(max, v);
                double sum = 0;
                for (double v : f) sum += Math.exp(v - max);
                double logZ = max + Math.log(sum);
                if (dldf != null) {
                    for (int j = 0; j < k; j++) dldf[j] = Math.exp(f[j] - logZ) - (j == label ? 1 : 0);
                }
                return logZ - f[label];
            }
            case LOGISTIC -> {
                double s = label == 1 ? 1 : -1;
                double m = s * f[0];
                if (dldf != null) dldf[0] = -s / (1 + Math.exp(m)); // −s·σ(−m)
                return Math.max(-m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
            }
            case EXPONENTIAL -> {
                double s = label == 1 ? 1 : -1;
                double e = Math.exp(-s * f[0]);
                if (dldf != null) dldf[0] = -s * e;
                return e;
            }
            default -> throw new AssertionError(this);
        }
    }

    /**
     * log of the loss of one example with margin {@code m} = s·f for the binary losses, finite for every finite m: the
     * exponential loss is −m, the logistic loss log(log1p(e^{−m})) = −m + log(log1p(u)/u) with u = e^{−m} (→ −m once u
     * underflows). The loss itself, e^{−m}, is 0 in double beyond m ≈ 745 (the logistic log(1 + e^{−m}) written naively
     * already at m ≈ 37); its logarithm keeps a long run's progress measurable (seed 002's soft margin −log L / ‖θ‖^L).
     */
    public double logLoss(double m) {
        return switch (this) {
            case EXPONENTIAL -> -m;
            case LOGISTIC -> {
                if (m <= 0) yield Math.log(-m + Math.log1p(Math.exp(m)));
                double u = Math.exp(-m);
                yield u == 0 ? -m : -m + Math.log(Math.log1p(u) / u);
            }
            default -> throw new IllegalArgumentException("log-space loss is for the binary losses logistic and exponential, not " + keyword());
        };
    }

    /** log Σ_i exp(logLoss_i) without overflow or underflow (log-sum-exp): the log of the summed loss. */
    public static double logSumExp(double[] logs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logs) max = Math.max(max, v);
        if (!Double.isFinite(max)) return max;
        double s = 0;
        for (double v : logs) s += Math.exp(v - max);
        return max + Math.log(s);
    }

    /** The predicted class of scores f. */
    public static int predict(double[] f) {
        if (f.length == 1) return f[0] > 0 ? 1 : 0;
        int best = 0;
        for (int j = 1; j < f.length; j++) if (f[j] > f[best]) best = j;
        return best;
    }

    /** Margin of one example: s·f for one output, f_y − max_{j≠y} f_j otherwise. */
    public static double margin(double[] f, int label) {
        if (f.length == 1) return (label == 1 ? 1 : -1) * f[0];
        double other = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < f.length; j++) if (j != label) other = Math.max(other, f[j]);
        return f[label] - other;
    }
}
