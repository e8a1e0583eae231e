package org.bregman.train.model;

import org.bregman.runtime.MirrorMap;
import org.bregman.train.data.Dataset;

/**
 * A trainable model with one flat float32 parameter vector. The training step is: {@link #gradient}
 * on a mini-batch (the SUM of per-example gradients), then {@link #step} — one {@link MirrorMap} call
 * over the whole parameter vector.
 */
public abstract class Model implements AutoCloseable {

    /** Number of parameters. */
    public abstract int size();

    /** Sets every parameter (a copy is taken). */
    public abstract void setParams(float[] flat);

    /**
     * The initial parameters from the experiment's draw: the draw itself, except for what the model fixes
     * (batch normalisation: scale 1, shift 0, running mean 0 and standard deviation 1).
     */
    public float[] initial(float[] drawn) {
        return drawn;
    }

    /**
     * Which coordinates are optimised parameters ({@code null}: all of them). Batch normalisation's running
     * statistics are not: they follow their moving average and stay out of divergences and weight reports.
     */
    public boolean[] optimised() {
        return null;
    }

    /**
     * The named blocks of the flat parameter vector, in order, covering it ({@link Layer}). A model that does not name its
     * layers is one block {@code parameters}.
     */
    public java.util.List<Layer> layers() {
        return java.util.List.of(new Layer("parameters", 0, size(), true));
    }

    /**
     * What the iterate holds beyond {@link #params()} (the compensated iterate's low word), for a checkpoint;
     * {@code null} when nothing.
     */
    public float[] compensation() {
        return null;
    }

    /** Restores a checkpoint's {@link #compensation()} after {@link #setParams}. */
    public void restoreCompensation(float[] low) {
        if (low != null) throw new IllegalArgumentException("this model keeps no compensation word");
    }

    /**
     * Why training at this batch size would run out of memory, with the estimate (for a message before training
     * starts), or {@code null} when it fits or the model is small enough not to be estimated.
     */
    public String memoryProblem(int batch) {
        return null;
    }

    /** Augments the training images of every mini-batch from now on ({@code null}: none); models without images refuse it. */
    public void augment(org.bregman.train.data.Augmentation augmentation) {
        if (augmentation != null) throw new IllegalArgumentException("augment needs a network on images (cnn, resnet18, vgg16)");
    }

    /** The seed and epoch of the mini-batches that follow (what an augmentation draws from). */
    public void trainingEpoch(long seed, long epoch) {
    }

    /** A copy of the parameters, in the model's flattened order. */
    public abstract float[] params();

    /** Computes the summed gradient of the examples {@code order[from..to)} into the model's gradient buffer. */
    public abstract void gradient(int[] order, int from, int to);

    /** One in-place mirror step on the parameters; returns −1 or the first failing coordinate. */
    public abstract int step(MirrorMap map, float lr);

    /** One in-place step of a built-in update rule on the parameters; returns −1 or the first non-finite coordinate. */
    public abstract int step(org.bregman.runtime.rules.UpdateRule.Step rule, float lr);

    /** The summed loss of the examples {@code order[from..to)} at the current parameters (the safeguard's test). */
    public abstract double batchLoss(int[] order, int from, int to);

    /**
     * The mean loss of the last {@link #gradient} batch as the network computed it (in training mode: with
     * batch normalisation's batch statistics), NaN where the model does not keep it.
     */
    public double lastBatchLoss() {
        return Double.NaN;
    }

    /** Remembers the current parameters (with any compensation word), for {@link #reset()}. */
    public abstract void mark();

    /** Restores exactly the parameters of the last {@link #mark()}: a rejected step leaves no trace. */
    public abstract void reset();

    /** Plain SGD {@code w ← w − lr·g} without a mirror (ND4J axpy for DL4J models): the baseline of benchmarks. */
    public abstract void sgdStep(float lr);

    /** Mean loss, accuracy (NaN for regression) and minimum margin (NaN for regression) on a data set. */
    public abstract Metrics evaluate(Dataset data);

    /** A readable name for coordinate {@code i}, e.g. {@code w[17]} or {@code layer 0 W[3]}. */
    public abstract String coordinate(int i);

    /** The effective linear predictor (k × d, row-major) for linear-in-x models, else {@code null}. */
    public float[] predictor() {
        return null;
    }

    @Override
    public void close() {
    }

    public record Metrics(double loss, double accuracy, double margin) {
    }

    public static Model create(ModelSpec spec, Loss loss, Dataset data) {
        String bad = loss.mismatch(data.classes());
        if (bad != null) throw new IllegalArgumentException(bad);
        return spec.create(loss, data);
    }
}
