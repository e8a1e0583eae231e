package org.bregman.train.model;

import org.bregman.train.data.Augmentation;
import org.bregman.train.data.Dataset;

/**
 * The augmentation of an image network's training examples ({@code augment = crop4, flip}): which one, and the seed
 * and epoch its draws depend on. Shared by the {@code sgemm} networks and the DL4J ones, so both augment alike.
 */
final class AugmentedExamples {
    private final Dataset data;
    private Augmentation augmentation;
    private long seed, epoch;

    AugmentedExamples(Dataset data) {
        this.data = data;
    }

    /** Sets (or, with null, clears) the augmentation; data without an image shape cannot have one. */
    void set(Augmentation a) {
        if (a != null && data.imageShape() == null) throw new IllegalArgumentException("augment needs image data; " + data.description() + " has none");
        augmentation = a;
    }

    /** The seed and epoch of the mini-batches that follow. */
    void epoch(long seed, long epoch) {
        this.seed = seed;
        this.epoch = epoch;
    }

    boolean active() {
        return augmentation != null;
    }

    /** Training example {@code i}, augmented, into {@code dst} from {@code at}. */
    void copy(int i, float[] dst, int at) {
        int d = data.d();
        int[] s = data.imageShape();
        augmentation.apply(data.x(), i * d, dst, at, s[0], s[1], s[2], seed, epoch, i);
    }
}
