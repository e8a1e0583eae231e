package org.bregman.train;

import java.util.List;

/**
 * The outcome of one run (one mirror from one seed's initial point).
 *
 * @param status how it ended
 * @param epochs completed epochs; @param steps completed steps
 * @param finalLoss mean training loss at the end (NaN when unknown)
 * @param trainAccuracy / testAccuracy: NaN for regression or without a test set
 * @param margin minimum margin over the training set (classification), NaN otherwise
 * @param message why it diverged / failed / stopped, or {@code null}
 * @param init the initial parameters; @param fin the final ones (null when never started)
 * @param predictor the effective linear predictor at the end for linear-in-x models, else null
 * @param curve per evaluated epoch: {epoch, steps, loss, trainAccuracy, seconds, normalised margin ({@link Geometry})}
 * @param seconds wall time of the run
 * @param testLoss mean loss on the test set (the test error of regression), NaN without one
 * @param path for models with an effective linear predictor: {epoch, w…} at epochs 0, 1, 2, 5, 10, 20, 50, … and the last
 *     (the direction over log time, for the margin report's cosine curve); empty otherwise
 */
public record RunResult(MirrorSpec mirror, long seed, double lr, Status status, long epochs, long steps, double finalLoss,
        double trainAccuracy, double testAccuracy, double margin, String message, float[] init, float[] fin,
        float[] predictor, List<double[]> curve, double seconds, double testLoss, List<double[]> path) {

    /** A run without a test set. */
    public RunResult(MirrorSpec mirror, long seed, double lr, Status status, long epochs, long steps, double finalLoss, double trainAccuracy,
            double testAccuracy, double margin, String message, float[] init, float[] fin, float[] predictor, List<double[]> curve, double seconds) {
        this(mirror, seed, lr, status, epochs, steps, finalLoss, trainAccuracy, testAccuracy, margin, message, init, fin, predictor, curve,
                seconds, Double.NaN, List.of());
    }

    public enum Status {
        /** The loss / accuracy target of {@code until} was reached. */
        CONVERGED("converged"),
        /** {@code until} has no loss / accuracy target and its epoch / step budget is used up. */
        COMPLETED("completed"),
        /** The epoch / step budget ran out before the loss / accuracy target was reached. */
        STOPPED("stopped"),
        /** NaN, infinity or a step leaving the dual domain. */
        DIVERGED("diverged"),
        /** Could not start, e.g. the initial point lies outside the potential's domain. */
        FAILED("failed"),
        /** Ended by Ctrl-C. */
        INTERRUPTED("interrupted"),
        /** Never started (an earlier Ctrl-C). */
        SKIPPED("skipped");

        public final String word;

        Status(String word) {
            this.word = word;
        }
    }

    /**
     * Whether the final point is a training result that tables may compare: the run converged (or ran its whole
     * budget when {@code until} has no target). A run stopped by its budget short of the target is not at an
     * interpolating point, so comparing its divergence would say nothing about implicit bias.
     */
    public boolean finished() {
        return status == Status.CONVERGED || status == Status.COMPLETED;
    }

    /** File-name stem, e.g. {@code QNorm_q3_seed1}. */
    public String key() {
        return mirror.key() + "_seed" + seed;
    }

    /** One line for the console and the log. */
    public String line() {
        StringBuilder b = new StringBuilder();
        b.append(mirror.label()).append(", seed ").append(seed).append(": ").append(status.word);
        if (status != Status.SKIPPED && status != Status.FAILED) {
            b.append(" after ").append(epochs).append(epochs == 1 ? " epoch" : " epochs").append(" (").append(steps).append(" steps)");
            if (!Double.isNaN(finalLoss)) b.append(", loss ").append(Num.short4(finalLoss));
            if (!Double.isNaN(trainAccuracy)) b.append(", train accuracy ").append(pct(trainAccuracy));
            if (!Double.isNaN(testAccuracy)) b.append(", test accuracy ").append(pct(testAccuracy));
            else if (!Double.isNaN(testLoss)) b.append(", test loss ").append(Num.short4(testLoss));
            b.append(String.format(java.util.Locale.ROOT, ", %.1f s", seconds));
        }
        if (message != null) b.append(" — ").append(message);
        return b.toString();
    }

    static String pct(double a) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * a);
    }
}
