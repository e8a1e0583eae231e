package org.bregman.train.model;

import java.util.Locale;

/**
 * The memory a network needs to train at a batch size, estimated before training so that a batch larger than memory
 * allows is a message with the numbers, not an out-of-memory error hours later. ND4J keeps parameters, gradients and
 * activations off the JVM heap, under JavaCPP's limit ({@code -Dorg.bytedeco.javacpp.maxbytes}, by default the
 * {@code -Xmx}).
 *
 * <p>Estimate: 4 bytes × (3 × parameters — the parameters, their gradients and the safeguard's copy — plus
 * {@link #TRAINING_COPIES} × activations per example × batch — the forward activations kept for backpropagation, the
 * backward pass's errors of the same shapes, and the convolutions' im2col and workspace buffers). The activations per
 * example are measured by one forward pass of one example.
 */
public final class MemoryEstimate {

    /** Activation-sized buffers alive at the peak of a training step (forward, backward, workspace). */
    static final int TRAINING_COPIES = 3;
    /** The evaluation passes take as many examples at once as fit in this (at most 1,024, as before). */
    static final long EVALUATION_BYTES = 256L << 20;
    /**
     * Passes with this many bytes of activations or more are followed by a garbage collection (ND4J frees an array's
     * native memory only when its handle is collected). Half of {@link #EVALUATION_BYTES}: a chunk of a split evaluation
     * holds more than that (⌊x⌋ &gt; x / 2 for x ≥ 1), so every chunk is collected, not only the training passes.
     */
    static final long COLLECT_BYTES = EVALUATION_BYTES / 2;

    private MemoryEstimate() {
    }

    /** Bytes to train {@code parameters} parameters with {@code activations} activation floats per example at {@code batch}. */
    static long bytes(long parameters, long activations, int batch) {
        return 4 * (3 * parameters + TRAINING_COPIES * activations * (long) batch);
    }

    /** The message when the estimate exceeds ND4J's limit, else null. */
    static String problem(long parameters, long activations, int batch) {
        long need = bytes(parameters, activations, batch);
        long limit = org.bytedeco.javacpp.Pointer.maxBytes();
        if (limit <= 0 || need <= limit) return null;
        long perExample = 4L * TRAINING_COPIES * activations;
        int fits = (int) Math.max(0, Math.min(Integer.MAX_VALUE, (limit - 12 * parameters) / Math.max(1, perExample)));
        return String.format(Locale.ROOT, "batch %,d needs about %s to train (parameters and gradients %s, activations %s per example × %,d) "
                + "but ND4J may use at most %s off the heap (-Dorg.bytedeco.javacpp.maxbytes, by default -Xmx); "
                + "use a batch of at most %,d or give the JVM more memory", batch, gb(need), gb(12 * parameters), gb(perExample), batch, gb(limit), fits);
    }

    /** How many examples an evaluation pass takes at once: 1,024, fewer where their activations exceed {@link #EVALUATION_BYTES}. */
    static int evaluationChunk(long activations) {
        return (int) Math.max(1, Math.min(1024, EVALUATION_BYTES / Math.max(1, 4 * activations)));
    }

    static String gb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
}
