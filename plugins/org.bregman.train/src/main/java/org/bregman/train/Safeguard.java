package org.bregman.train;

import org.bregman.train.model.Model;

/**
 * The safeguarded step size ({@code lr 0.01 safeguarded}, {@code lr auto} = {@code lr 1 safeguarded}): backtracking
 * on the mini-batch loss.
 *
 * <p>Each step first tries η = min(η₀, {@code growth}·η_prev), where η₀ is the run's learning rate and η_prev the
 * rate the previous step took (η₀ at the first step). If the step leaves the dual domain, makes a weight non-finite,
 * or makes the mini-batch loss (summed over the batch, at the new point) larger than before the step, the model is
 * reset to exactly the point before the step (the compensated iterate's low word included) and η is halved; after
 * {@code maxHalvings} halvings that all fail, the step is skipped (the point and the rate stay as they were) when the last try
 * was only a loss increase, and the run diverges when even the smallest try left the dual domain. The gradient is
 * computed once per step: the tries differ only in η.
 *
 * <p>Every try of a linear model moves the mirror coordinate ∇ψ(w) by a multiple of the same gradient, which lies in
 * the row space of X, so the implicit bias (the limit argmin_{Xw=y} D_ψ(w, w0)) holds for any sequence of accepted
 * rates.
 *
 * @param growth the factor by which η grows back after a step (1: never grows back)
 * @param maxHalvings the number of halvings K before a step is skipped
 */
public record Safeguard(double growth, int maxHalvings) {

    /** The rule `lr … safeguarded` uses: grow back by 2 per step, at most 30 halvings (η₀·2⁻³⁰ ≈ 1e-9 η₀). */
    public static final Safeguard DEFAULT = new Safeguard(2, 30);

    public Safeguard {
        if (!(growth >= 1) || Double.isInfinite(growth)) throw new IllegalArgumentException("growth must be >= 1, got " + growth);
        if (maxHalvings < 0) throw new IllegalArgumentException("maxHalvings must be >= 0, got " + maxHalvings);
    }

    /** The per-run state: the rate the last step took, and counters for the run's summary. */
    public final class Run {
        private final double base;
        private double rate;
        private long halvings;
        private long skipped;
        private double smallest;

        Run(double base) {
            this.base = base;
            this.rate = base;
            this.smallest = base;
        }

        /**
         * One safeguarded step on the mini-batch {@code order[from..to)} whose summed gradient the model holds;
         * {@code step} makes the model's step (mirror map or update rule) with a given per-example rate.
         *
         * @return −1 when a step was taken or skipped, else the coordinate that left the dual domain at the
         *     smallest rate tried (the model is then at that failed point, like an unguarded diverging step)
         */
        public int step(Model model, StepFn step, int[] order, int from, int to) {
            int batch = to - from;
            double before = model.batchLoss(order, from, to);
            double eta = Math.min(base, rate * growth);
            model.mark();
            for (int k = 0; ; k++) {
                int bad = step.apply((float) (eta / batch));
                boolean valid = bad < 0;
                if (valid) {
                    double after = model.batchLoss(order, from, to);
                    if (after <= before || !Double.isFinite(before) && Double.isFinite(after)) {
                        rate = eta;
                        smallest = Math.min(smallest, eta);
                        return -1;
                    }
                }
                if (k == maxHalvings) {
                    if (!valid) return bad;
                    model.reset();
                    skipped++; // the rate is left as it was: repeated skips must not drive it to 0
                    return -1;
                }
                model.reset();
                eta /= 2;
                halvings++;
            }
        }

        /** The rate the last step took. */
        public double rate() {
            return rate;
        }

        /** A summary such as {@code safeguard: 1,234 halvings, 0 skipped steps, smallest lr 1.2e-05, last lr 0.1}. */
        public String summary() {
            return String.format(java.util.Locale.ROOT, "safeguard: %,d halvings, %,d skipped steps, smallest lr %s, last lr %s", halvings,
                    skipped, Num.short4(smallest), Num.short4(rate));
        }

        public long halvings() {
            return halvings;
        }

        public long skipped() {
            return skipped;
        }

        /** The state a checkpoint keeps: {rate, halvings, skipped, smallest}. */
        double[] save() {
            return new double[] {rate, halvings, skipped, smallest};
        }

        /** Continues from a checkpoint's {@link #save()}. */
        Run restore(double[] saved) {
            rate = saved[0];
            halvings = (long) saved[1];
            skipped = (long) saved[2];
            smallest = saved[3];
            return this;
        }
    }

    /** One in-place step of the model at rate {@code lr} (already divided by the batch size); −1 or a failing coordinate. */
    @FunctionalInterface
    public interface StepFn {
        int apply(float lr);
    }

    /** A fresh state for one run with learning rate {@code base}. */
    public Run start(double base) {
        return new Run(base);
    }
}
