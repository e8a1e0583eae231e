package org.bregman.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bregman.train.model.Model;

/**
 * Everything a run in progress depends on, so that a run continued from a checkpoint takes exactly the steps an
 * uninterrupted one takes: the weights (and the compensated iterate's low word), the mini-batch order of the current
 * epoch and the position in it, the shuffling generator, the step and epoch counts, the last epoch's metrics, the
 * curve so far and the safeguard's rate and counters.
 */
final class RunState {

    /** The mini-batch order of the current epoch (shuffled in place at each epoch's start). */
    final int[] order;
    /** Shuffles the order: the same sequence for every mirror of a seed. */
    final Random shuffle;
    /** Where the next mini-batch of the current epoch starts; 0 at an epoch's start (before its shuffle). */
    int from;
    long epochs;
    long steps;
    Model.Metrics metrics;
    final List<double[]> curve;
    /** Seconds spent in earlier processes (a resumed run's curve and wall time go on from there). */
    double secondsBefore;
    /** A time-varying mirror's clock t (the sum of the kept steps' rates); 0 for the others. */
    double time;
    /** The safeguard's state ({@code Safeguard.Run.save()}), or null. */
    double[] guard;
    /** Set from and restored to the model. */
    float[] params;
    float[] compensation;

    private RunState(int[] order, Random shuffle, List<double[]> curve) {
        this.order = order;
        this.shuffle = shuffle;
        this.curve = curve;
    }

    /** The state before the first step of seed {@code seed}'s run over {@code n} examples. */
    static RunState start(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return new RunState(order, new Random(seed * 0x9E3779B97F4A7C15L + 1), new ArrayList<>()); // same order for every mirror of a seed
    }

    /** Takes the model's current point and the guard's state, for {@link #write}. */
    RunState capture(Model model, Safeguard.Run run, double seconds) {
        params = model.params();
        compensation = model.compensation();
        guard = run == null ? null : run.save();
        secondsBefore = seconds;
        return this;
    }

    byte[] write() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Bin.ints(out, order);
            ByteArrayOutputStream random = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(random)) {
                o.writeObject(shuffle); // java.util.Random serialises its seed: the exact generator state
            }
            Bin.bytes(out, random.toByteArray());
            out.writeInt(from);
            out.writeLong(epochs);
            out.writeLong(steps);
            Bin.doubles(out, new double[] {metrics.loss(), metrics.accuracy(), metrics.margin(), secondsBefore, time});
            Bin.curve(out, curve);
            Bin.doubles(out, guard);
            Bin.floats(out, params);
            Bin.floats(out, compensation);
        }
        return bytes.toByteArray();
    }

    static RunState read(byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int[] order = Bin.ints(in);
            Random shuffle;
            try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(Bin.bytes(in)))) {
                shuffle = (Random) o.readObject();
            } catch (ClassNotFoundException | ClassCastException e) {
                throw new IOException("not a checkpoint: " + e.getMessage(), e);
            }
            RunState s = new RunState(order, shuffle, new ArrayList<>());
            s.from = in.readInt();
            s.epochs = in.readLong();
            s.steps = in.readLong();
            double[] m = Bin.doubles(in);
            s.metrics = new Model.Metrics(m[0], m[1], m[2]);
            s.secondsBefore = m[3];
            s.time = m[4];
            s.curve.addAll(Bin.curve(in));
            s.guard = Bin.doubles(in);
            s.params = Bin.floats(in);
            s.compensation = Bin.floats(in);
            return s;
        }
    }
}
