package org.bregman.train.model;

import org.bregman.train.data.Dataset;

/**
 * The evaluation pass's sums, shared by the networks: the caller writes example i's scores into {@link #scores()} and
 * calls {@link #add(int)}; {@link #metrics()} gives the mean loss, accuracy and smallest margin.
 */
final class MetricsSum {

    private final Dataset set;
    private final Loss loss;
    private final double[] scores;
    private double sum;
    private int correct;
    private double minMargin = Double.POSITIVE_INFINITY;

    MetricsSum(Dataset set, Loss loss, int outputs) {
        this.set = set;
        this.loss = loss;
        this.scores = new double[outputs];
    }

    /** Where the next example's scores go. */
    double[] scores() {
        return scores;
    }

    /** Adds example {@code i} of the set, whose scores are in {@link #scores()}. */
    void add(int i) {
        int label = set.classification() ? set.labels()[i] : -1;
        sum += loss.lossAndDerivative(scores, label, set.classification() ? 0 : set.targets()[i], null);
        if (set.classification()) {
            if (Loss.predict(scores) == label) correct++;
            minMargin = Math.min(minMargin, Loss.margin(scores, label));
        }
    }

    Model.Metrics metrics() {
        int n = set.n();
        return set.classification() ? new Model.Metrics(sum / n, (double) correct / n, minMargin) : new Model.Metrics(sum / n, Double.NaN, Double.NaN);
    }
}
