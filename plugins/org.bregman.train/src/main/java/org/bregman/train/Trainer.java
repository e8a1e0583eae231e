package org.bregman.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.TimeVaryingMirrorMap;
import org.bregman.train.RunResult.Status;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Layer;
import org.bregman.train.model.Model;
import org.bregman.potential.api.Until;

/**
 * Stochastic mirror descent over every (seed, mirror) pair of an experiment.
 *
 * <p>One step: the model computes the SUMMED gradient of a mini-batch, then ONE in-place
 * {@link MirrorMap#step} call updates the whole flat parameter vector with {@code lr / batch} (DL4J's
 * own SGD divides by the batch size the same way, so q = 2 reproduces DL4J's SGD). The same seed gives
 * the same initial point and the same mini-batch order for every mirror. A run that diverges ends
 * alone; the others go on. {@link #requestStop()} (Ctrl-C) ends the current run; the rest are skipped.
 */
public final class Trainer {

    /** A test hook: milliseconds to sleep after each step, so that a test can kill a run mid-epoch. */
    static final String STEP_PAUSE_PROPERTY = "bregman.test.stepPauseMs";

    private final ExperimentSpec spec;
    private final Dataset data;
    private final ProgressListener listener;
    private final RunStore store;
    private final long stepPauseMs = Long.getLong(STEP_PAUSE_PROPERTY, 0);
    private volatile boolean stop;

    /**
     * @param listener told of progress, or {@code null}
     * @param store where finished runs and checkpoints are kept and taken from ({@code --resume}), with the shard to
     *     run and the checkpoint interval in its manifest; {@code null}: all runs, nothing kept
     */
    public Trainer(ExperimentSpec spec, Dataset data, ProgressListener listener, RunStore store) {
        this.spec = spec;
        this.data = data;
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.store = store;
    }

    /** Ends the current run at its next step (thread-safe; for a shutdown hook). */
    public void requestStop() {
        stop = true;
    }

    public boolean stopRequested() {
        return stop;
    }

    /**
     * Trains every run (of the store's shard), taking finished runs from the store instead of training them again.
     *
     * @throws UncheckedIOException when the store cannot be read or written
     */
    public ExperimentResult run() {
        long t0 = System.nanoTime();
        List<RunResult> runs = new ArrayList<>();
        Map<Long, float[]> inits = new LinkedHashMap<>();
        Shard shard = store == null ? null : store.manifest().shard();
        int total = spec.seeds().size() * spec.mirrors().size();
        listener.experimentStarted(spec, data, total);
        String names;
        ExperimentSpec bound;
        List<Layer> layers;
        try (Model model = Model.create(spec.model(), spec.loss(), data)) {
            names = String.format(java.util.Locale.ROOT, "%,d", model.size());
            String tooBig = model.memoryProblem(Math.min(spec.batch(), data.n()));
            if (tooBig != null) throw new IllegalArgumentException(tooBig); // before any training
            model.augment(spec.data().augmentation());
            layers = model.layers();
            bound = bound(spec, layers);
            int index = 0;
            for (long seed : spec.seeds()) {
                float[] init = model.initial(spec.init().draw(model.size(), seed));
                inits.put(seed, init);
                for (MirrorSpec m : bound.mirrors()) {
                    index++;
                    if (shard != null && !shard.includes(index)) continue; // another shard's run
                    RunResult r;
                    listener.runStarted(m, seed, index, total); // skipped runs too: each keeps its own number
                    if (stop) {
                        r = new RunResult(m, seed, spec.lrOf(m), Status.SKIPPED, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                                Double.NaN, "not started: interrupted", init, null, null, List.of(), 0);
                    } else {
                        r = kept(m, seed);
                        if (r == null) r = runOne(model, m, seed, init, inProgress(m, seed));
                        else listener.message("kept from " + store.folder() + ": " + r.line());
                    }
                    RunResult done = r;
                    if (store != null && r.status() != Status.SKIPPED && r.status() != Status.INTERRUPTED) save(() -> store.saveFinished(done));
                    runs.add(r);
                    listener.runFinished(r);
                }
            }
        }
        return new ExperimentResult(bound, data, List.copyOf(runs), inits, stop, names, (System.nanoTime() - t0) / 1e9, layers);
    }

    /** A mirror whose map is layer-wise, bound to the model's layers (others unchanged). */
    /** The experiment with its layer-wise mirrors bound to the model's layers (the others as they are). */
    static ExperimentSpec bound(ExperimentSpec spec, List<Layer> layers) {
        return spec.withMirrors(spec.mirrors().stream().map(m -> !(m.map() instanceof LayerwiseMirrorMap) ? m
                : new MirrorSpec(m.name(), m.args(), LayerwiseMirrorMap.bind(m.map(), layers, spec.lrOf(m)), m.lr())).toList());
    }

    private RunResult kept(MirrorSpec m, long seed) {
        try {
            return store == null ? null : store.finished(m, seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RunState inProgress(MirrorSpec m, long seed) {
        try {
            RunState s = store == null ? null : store.inProgress(m, seed);
            if (s != null) listener.message("resuming " + m.label() + ", seed " + seed + " at epoch " + s.epochs + ", step " + s.steps);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void save(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the run in progress when its interval is due (or {@code force}: Ctrl-C); returns whether it did. */
    private boolean checkpoint(RunState s, Model model, MirrorSpec m, long seed, Safeguard.Run guard, double seconds, boolean force) {
        if (store == null || store.manifest().checkpoints() == null && !force) return false;
        save(() -> store.saveInProgress(m, seed, s.capture(model, guard, seconds)));
        listener.checkpointed(m, seed, s.epochs, s.steps);
        return true;
    }

    private RunResult runOne(Model model, MirrorSpec m, long seed, float[] init, RunState resumed) {
        long t0 = System.nanoTime();
        MirrorMap map = m.map();
        double lr = spec.lrOf(m);
        String who = m.label() + ", seed " + seed;
        for (int j = 0; j < init.length && map != null; j++) {
            MirrorMap at = LayerwiseMirrorMap.at(map, j); // the layer's potential; none for a running statistic
            if (at != null && !at.domain().contains(init[j])) {
                return new RunResult(m, seed, lr, Status.FAILED, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        who + ": initial " + model.coordinate(j) + " = " + init[j] + " lies outside the domain "
                                + at.domain() + " of " + at.name() + "; draw the initial point inside it (e.g. uniform with a > 0)",
                        init, null, null, List.of(), 0);
            }
        }
        int n = data.n();
        int batch = Math.min(spec.batch(), n);
        long stepsPerEpoch = (n + batch - 1) / batch;
        double epochLimit = spec.until().epochLimit(stepsPerEpoch);
        RunState s = resumed != null ? resumed : RunState.start(n, seed);
        Geometry geometry = Geometry.of(m);
        int degree = spec.model().homogeneity();
        boolean[] optimised = model.optimised();
        // the effective predictor on a log-time grid (margin curves); a resumed run's path starts at its checkpoint
        List<double[]> path = new ArrayList<>();
        if (resumed == null) {
            model.setParams(init);
            s.metrics = model.evaluate(data);
            s.curve.add(new double[] {0, 0, s.metrics.loss(), s.metrics.accuracy(), 0, normalised(geometry, s.metrics, model, optimised, degree)});
            snapshot(path, 0, model);
        } else {
            model.setParams(s.params);
            model.restoreCompensation(s.compensation);
        }
        CheckpointPolicy every = store == null ? null : store.manifest().checkpoints();
        long lastCheckpoint = System.nanoTime();
        long stepsAtCheckpoint = s.steps;
        long stepsAtStart = s.steps;
        Status status = null;
        String message = null;
        boolean stepCheck = spec.until().mentionsSteps();
        Safeguard.Run guard = spec.safeguard() == null ? null : spec.safeguard().start(lr);
        if (guard != null && s.guard != null) guard.restore(s.guard);
        Clock clock = map instanceof TimeVaryingMirrorMap tv ? new Clock(tv, s.time) : null;
        // the run's stepper carries a composite's S between steps; the safeguard's rollbacks write the weights: no stepper there
        MirrorMap stepping = map == null || guard != null ? map : map.stepper();
        Safeguard.StepFn step = clock != null ? r -> model.step(clock.between(r), r) : map != null ? r -> model.step(stepping, r) : r -> model.step(m.rule(), r);
        outer:
        while (true) {
            if (s.from == 0) { // an epoch's start (a checkpoint inside an epoch continues its order)
                Model.Metrics mt = s.metrics;
                double[] last = s.curve.get(s.curve.size() - 1);
                Until.State st = new Until.State(mt.loss(), mt.accuracy(), testAcc(model), s.epochs, s.steps, last.length > 5 ? last[5] : Double.NaN);
                if (!Double.isFinite(mt.loss())) {
                    status = Status.DIVERGED;
                    message = who + ": diverged: the loss became " + mt.loss() + " after step " + s.steps + " (epoch " + s.epochs + ")"
                            + firstNonFinite(model);
                    break;
                }
                if (spec.until().holds(st)) {
                    status = status(st);
                    break;
                }
                if (stop) {
                    status = Status.INTERRUPTED;
                    message = "interrupted at epoch " + s.epochs;
                    break;
                }
                shuffle(s.order, s.shuffle);
            }
            model.trainingEpoch(seed, s.epochs); // what an augmentation draws from: a resumed epoch sees the same images
            for (int from = s.from; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                model.gradient(s.order, from, to);
                long skipped = guard == null ? 0 : guard.skipped();
                if (clock != null) clock.batch = to - from;
                int bad = guard != null ? guard.step(model, step, s.order, from, to) : step.apply((float) (lr / (to - from)));
                if (clock != null && bad < 0 && (guard == null || guard.skipped() == skipped)) s.time = clock.advance();
                s.steps++;
                s.from = to;
                if (bad >= 0) {
                    status = Status.DIVERGED;
                    float v = model.params()[bad];
                    message = who + ": diverged at step " + s.steps + " (epoch " + (s.epochs + 1) + "): " + model.coordinate(bad)
                            + why(LayerwiseMirrorMap.at(map, bad), m, v) + "; try a smaller lr";
                    s.metrics = model.evaluate(data);
                    break outer;
                }
                if (stop) {
                    checkpoint(s, model, m, seed, guard, s.secondsBefore + (System.nanoTime() - t0) / 1e9, true);
                    status = Status.INTERRUPTED;
                    message = "interrupted at step " + s.steps;
                    s.metrics = model.evaluate(data);
                    break outer;
                }
                if (stepCheck && to < n) {
                    // a step budget may end a run inside an epoch; loss and accuracy are from the last epoch
                    Until.State u = new Until.State(s.metrics.loss(), s.metrics.accuracy(), Double.NaN, s.epochs, s.steps, Double.NaN);
                    if (spec.until().holds(u)) {
                        s.metrics = model.evaluate(data);
                        status = status(new Until.State(s.metrics.loss(), s.metrics.accuracy(), testAcc(model), s.epochs, s.steps,
                                normalised(geometry, s.metrics, model, optimised, degree)));
                        break outer;
                    }
                }
                long now = System.nanoTime();
                double secs = (now - t0) / 1e9;
                listener.step(m, seed, s.steps, Double.isInfinite(epochLimit) ? Double.NaN
                        : Math.max(0, epochLimit * stepsPerEpoch - s.steps) * secs / (s.steps - stepsAtStart));
                if (to < n && every != null && every.due(false, s.epochs, s.steps, s.steps - stepsAtCheckpoint, now - lastCheckpoint)
                        && checkpoint(s, model, m, seed, guard, s.secondsBefore + secs, false)) {
                    lastCheckpoint = System.nanoTime();
                    stepsAtCheckpoint = s.steps;
                }
                pause();
            }
            s.from = 0;
            s.epochs++;
            s.metrics = model.evaluate(data);
            long now = System.nanoTime();
            double secs = (now - t0) / 1e9;
            s.curve.add(new double[] {s.epochs, s.steps, s.metrics.loss(), s.metrics.accuracy(), s.secondsBefore + secs,
                    normalised(geometry, s.metrics, model, optimised, degree)});
            if (logGrid(s.epochs)) snapshot(path, s.epochs, model);
            double eta = Double.isInfinite(epochLimit) ? Double.NaN : Math.max(0, epochLimit - s.epochs) * secs / (s.epochs - stepsAtStart / (double) stepsPerEpoch);
            listener.epoch(m, seed, s.epochs, s.metrics.loss(), s.metrics.accuracy(), eta);
            if (every != null && every.due(true, s.epochs, s.steps, s.steps - stepsAtCheckpoint, now - lastCheckpoint)
                    && checkpoint(s, model, m, seed, guard, s.secondsBefore + secs, false)) {
                lastCheckpoint = System.nanoTime();
                stepsAtCheckpoint = s.steps;
            }
        }
        if (status == Status.INTERRUPTED && s.from == 0) checkpoint(s, model, m, seed, guard, s.secondsBefore + (System.nanoTime() - t0) / 1e9, true);
        if (guard != null) message = message == null ? guard.summary() : message + "; " + guard.summary();
        if (clock != null) message = (message == null ? "" : message + "; ") + clock.tv.time() + " = " + Num.short4(clock.now) + " at the end";
        Model.Metrics test = data.test() != null && status != Status.DIVERGED ? model.evaluate(data.test()) : null;
        Model.Metrics mt = s.metrics;
        return new RunResult(m, seed, lr, status, s.epochs, s.steps, mt.loss(), mt.accuracy(), test == null ? Double.NaN : test.accuracy(),
                mt.margin(), message, init, model.params(), model.predictor(), List.copyOf(s.curve), s.secondsBefore + (System.nanoTime() - t0) / 1e9,
                test == null ? Double.NaN : test.loss(), finish(path, s.epochs, model));
    }

    /** Whether {@code epochs} is 1, 2 or 5 times a power of ten: the path's log-time grid. */
    public static boolean logGrid(long epochs) {
        long p = 1;
        while (p * 10 <= epochs) p *= 10;
        return epochs == p || epochs == 2 * p || epochs == 5 * p;
    }

    /** Appends {epoch, predictor…} for models with an effective linear predictor. */
    private static void snapshot(List<double[]> path, long epoch, Model model) {
        float[] w = model.predictor();
        if (w == null) return;
        double[] row = new double[w.length + 1];
        row[0] = epoch;
        for (int j = 0; j < w.length; j++) row[j + 1] = w[j];
        path.add(row);
    }

    private static List<double[]> finish(List<double[]> path, long epochs, Model model) {
        if (!path.isEmpty() && path.get(path.size() - 1)[0] != epochs) snapshot(path, epochs, model);
        return List.copyOf(path);
    }

    /** The normalised margin of the run's geometry at the current point (NaN for regression or a model that is not homogeneous). */
    private double normalised(Geometry geometry, Model.Metrics mt, Model model, boolean[] optimised, int degree) {
        return data.classification() && degree > 0 ? geometry.normalise(mt.margin(), model.params(), optimised, degree) : Double.NaN;
    }

    private void pause() {
        if (stepPauseMs <= 0) return;
        try {
            Thread.sleep(stepPauseMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The time of a time-varying mirror's run: the sum of the learning rates of the steps taken (η·k at a fixed rate η;
     * the rate per example, {@code lr / batch}, times the batch). A step tried from {@code now} lands at {@code tried};
     * only a step that is kept moves the clock.
     */
    private static final class Clock {
        final TimeVaryingMirrorMap tv;
        double now;
        double tried;
        int batch = 1;

        Clock(TimeVaryingMirrorMap tv, double now) {
            this.tv = tv;
            this.now = now; // a resumed run's clock (RunState.time)
        }

        MirrorMap between(float lr) {
            tried = now + (double) lr * batch;
            return tv.between(now, tried);
        }

        double advance() {
            now = tried;
            return now;
        }
    }

    /** Why a step failed at a coordinate whose new value is {@code v}. */
    private static String why(MirrorMap map, MirrorSpec m, float v) {
        if (map == null) return " became " + v;
        if (Float.isFinite(v)) return " left the dual domain " + map.dualDomain() + " of " + m.name();
        return map.dualDomain().isAllReals() ? " became " + v + " (overflow)"
                : " became " + v + ": ψ'(w) − lr·g left the dual domain " + map.dualDomain() + " of " + m.name() + " (or overflowed)";
    }

    /** Test accuracy when the stopping condition needs it (else NaN, to save an evaluation per epoch). */
    private double testAcc(Model model) {
        return spec.until().mentionsTest() && data.test() != null ? model.evaluate(data.test()).accuracy() : Double.NaN;
    }

    private Status status(Until.State st) {
        if (!spec.until().hasTarget()) return Status.COMPLETED;
        return spec.until().targetHolds(st) ? Status.CONVERGED : Status.STOPPED;
    }

    private static String firstNonFinite(Model model) {
        float[] p = model.params();
        for (int j = 0; j < p.length; j++) {
            if (!Float.isFinite(p[j])) return "; first non-finite weight: " + model.coordinate(j) + " = " + p[j];
        }
        return "; every weight is finite (the loss overflowed)";
    }

    /** Fisher–Yates shuffle of the mini-batch order in place (the epoch benchmark shares it). */
    public static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
