package org.bregman.train.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Rows held out of a data source for testing ({@code test = N} or {@code testFraction = f}): the test rows are chosen by
 * a permutation with a fixed seed (a CSV sorted by label still gives a mixed test set), the training rows keep their
 * order. The source's rows are split, not extended: {@code regression(n = 40, test = 10)} trains on 30 rows.
 *
 * @param count test rows (0: use {@code fraction})
 * @param fraction the share of rows held out, rounded to the nearest row (0: none)
 * @param where {@code file:line:column} of the data setting, for the message when the split leaves nothing to train on
 */
public record TestSplit(int count, double fraction, String where) {

    /** The permutation's seed: the same rows are held out in every run of every experiment. */
    private static final long SEED = 0x7E57L;

    public boolean none() {
        return count <= 0 && !(fraction > 0);
    }

    /** {@code test = N} or {@code testFraction = f}, as written. */
    public String describe() {
        return count > 0 ? "test = " + count : "testFraction = " + org.bregman.train.Num.format(fraction);
    }

    /** The number of test rows of a data set of {@code n} rows. */
    int rows(int n) {
        return count > 0 ? count : (int) Math.round(fraction * n);
    }

    /** The training rows with the held-out rows as their test set. */
    public Dataset apply(Dataset data) {
        int n = data.n(), d = data.d(), t = rows(n);
        if (t >= n) {
            throw new DataException((where == null ? "" : where + ": ") + describe() + " holds out " + t + " of the " + n + " rows of "
                    + data.description() + ", leaving none to train on");
        }
        if (t <= 0) return data;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        org.bregman.train.Trainer.shuffle(order, new Random(SEED));
        int[] test = Arrays.copyOf(order, t);
        Arrays.sort(test);
        boolean[] held = new boolean[n];
        for (int i : test) held[i] = true;
        int[] train = new int[n - t];
        for (int i = 0, k = 0; i < n; i++) if (!held[i]) train[k++] = i;
        Dataset testSet = rows(data, test, data.description() + ", " + t + " held-out rows");
        return rows(data, train, data.description()).withTest(testSet);
    }

    private static Dataset rows(Dataset data, int[] rows, String description) {
        int d = data.d();
        float[] x = new float[rows.length * d];
        int[] labels = data.labels() == null ? null : new int[rows.length];
        float[] targets = data.targets() == null ? null : new float[rows.length];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(data.x(), rows[k] * d, x, k * d, d);
            if (labels != null) labels[k] = data.labels()[rows[k]];
            if (targets != null) targets[k] = data.targets()[rows[k]];
        }
        return new Dataset(description, rows.length, d, x, labels, targets, data.classes(), data.imageShape(), data.synthetic(), null);
    }
}
