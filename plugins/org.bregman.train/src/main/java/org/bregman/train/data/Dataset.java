package org.bregman.train.data;

import java.util.Objects;

/**
 * A data set in memory: {@code n} rows of {@code d} float32 features (row-major), and either class
 * labels {@code 0 .. classes-1} (classification) or real targets (regression, {@code classes == 0}).
 *
 * @param description what it is, for the summary
 * @param imageShape {@code {height, width, channels}} for image data, else {@code null}
 * @param synthetic whether it was generated (then {@code --save-weights} also writes X and y)
 * @param test a held-out set of the same shape, or {@code null}
 */
public record Dataset(String description, int n, int d, float[] x, int[] labels, float[] targets, int classes,
        int[] imageShape, boolean synthetic, Dataset test) {

    public Dataset {
        Objects.requireNonNull(x, "x");
        if (n < 1 || d < 1) throw new IllegalArgumentException(description + ": empty data set (" + n + " rows, " + d + " columns)");
        if ((long) n * d != x.length) throw new IllegalArgumentException(description + ": X has " + x.length + " values, expected " + n + " x " + d);
        if (classes == 0) {
            if (targets == null || targets.length != n) throw new IllegalArgumentException(description + ": need " + n + " targets");
        } else {
            if (labels == null || labels.length != n) throw new IllegalArgumentException(description + ": need " + n + " labels");
            for (int l : labels) {
                if (l < 0 || l >= classes) throw new IllegalArgumentException(description + ": label " + l + " outside 0.." + (classes - 1));
            }
        }
    }

    public boolean classification() {
        return classes > 0;
    }

    /** The label (as a float) or target of row {@code i}, as written to {@code y.npy}. */
    public float y(int i) {
        return classification() ? labels[i] : targets[i];
    }

    public Dataset withTest(Dataset t) {
        return new Dataset(description, n, d, x, labels, targets, classes, imageShape, synthetic, t);
    }
}
