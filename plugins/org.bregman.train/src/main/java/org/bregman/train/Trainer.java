package org.bregman.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bregman.runtime.MirrorMap;
import org.bregman.train.RunResult.Status;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Model;

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

    private final ExperimentSpec spec;
    private final Dataset data;
    private final ProgressListener listener;
    private volatile boolean stop;

    public Trainer(ExperimentSpec spec, Dataset data, ProgressListener listener) {
        this.spec = spec;
        this.data = data;
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    /** Ends the current run at its next step (thread-safe; for a shutdown hook). */
    public void requestStop() {
        stop = true;
    }

    public boolean stopRequested() {
        return stop;
    }

    public ExperimentResult run() {
        long t0 = System.nanoTime();
        List<RunResult> runs = new ArrayList<>();
        Map<Long, float[]> inits = new LinkedHashMap<>();
        int total = spec.seeds().size() * spec.mirrors().size();
        listener.experimentStarted(spec, data, total);
        String names;
        try (Model model = Model.create(spec.model(), spec.loss(), data)) {
            names = String.format(java.util.Locale.ROOT, "%,d", model.size());
            int index = 0;
            for (long seed : spec.seeds()) {
                float[] init = model.initial(spec.init().draw(model.size(), seed));
                inits.put(seed, init);
                for (MirrorSpec m : spec.mirrors()) {
                    index++;
                    RunResult r;
                    listener.runStarted(m, seed, index, total); // skipped runs too: each keeps its own number
                    if (stop) {
                        r = new RunResult(m, seed, spec.lrOf(m), Status.SKIPPED, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                                Double.NaN, "not started: interrupted", init, null, null, List.of(), 0);
                    } else {
                        r = runOne(model, m, seed, init);
                    }
                    runs.add(r);
                    listener.runFinished(r);
                }
            }
        }
        return new ExperimentResult(spec, data, List.copyOf(runs), inits, stop, names, (System.nanoTime() - t0) / 1e9);
    }

    private RunResult runOne(Model model, MirrorSpec m, long seed, float[] init) {
        long t0 = System.nanoTime();
        MirrorMap map = m.map();
        double lr = spec.lrOf(m);
        String who = m.label() + ", seed " + seed;
        for (int j = 0; j < init.length && map != null; j++) {
            if (!map.domain().contains(init[j])) {
                return new RunResult(m, seed, lr, Status.FAILED, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        who + ": initial " + model.coordinate(j) + " = " + init[j] + " lies outside the domain "
                                + map.domain() + " of " + m.name() + "; draw the initial point inside it (e.g. uniform with a > 0)",
                        init, null, null, List.of(), 0);
            }
        }
        model.setParams(init);
        int n = data.n();
        int batch = Math.min(spec.batch(), n);
        long stepsPerEpoch = (n + batch - 1) / batch;
        double epochLimit = spec.until().epochLimit(stepsPerEpoch);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random shuffle = new Random(seed * 0x9E3779B97F4A7C15L + 1); // same order for every mirror of a seed
        List<double[]> curve = new ArrayList<>();
        long epochs = 0;
        long steps = 0;
        Model.Metrics mt = model.evaluate(data);
        Geometry geometry = Geometry.of(m);
        int degree = spec.model().homogeneity();
        boolean[] optimised = model.optimised();
        curve.add(new double[] {0, 0, mt.loss(), mt.accuracy(), 0, normalised(geometry, mt, model, optimised, degree)});
        List<double[]> path = new ArrayList<>();
        snapshot(path, 0, model);
        Status status = null;
        String message = null;
        boolean stepCheck = spec.until().mentionsSteps();
        Safeguard.Run guard = spec.safeguard() == null ? null : spec.safeguard().start(lr);
        Safeguard.StepFn step = map != null ? r -> model.step(map, r) : r -> model.step(m.rule(), r);
        outer:
        while (true) {
            double nm = curve.get(curve.size() - 1)[5];
            Until.State st = new Until.State(mt.loss(), mt.accuracy(), testAcc(model), epochs, steps, nm);
            if (!Double.isFinite(mt.loss())) {
                status = Status.DIVERGED;
                message = who + ": diverged: the loss became " + mt.loss() + " after step " + steps + " (epoch " + epochs + ")"
                        + firstNonFinite(model);
                break;
            }
            if (spec.until().holds(st)) {
                status = status(st);
                break;
            }
            if (stop) {
                status = Status.INTERRUPTED;
                message = "interrupted at epoch " + epochs;
                break;
            }
            shuffle(order, shuffle);
            for (int from = 0; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                model.gradient(order, from, to);
                int bad = guard != null ? guard.step(model, step, order, from, to) : step.apply((float) (lr / (to - from)));
                steps++;
                if (bad >= 0) {
                    status = Status.DIVERGED;
                    float v = model.params()[bad];
                    message = who + ": diverged at step " + steps + " (epoch " + (epochs + 1) + "): " + model.coordinate(bad)
                            + why(map, m, v) + "; try a smaller lr";
                    mt = model.evaluate(data);
                    break outer;
                }
                if (stop) {
                    status = Status.INTERRUPTED;
                    message = "interrupted at step " + steps;
                    mt = model.evaluate(data);
                    break outer;
                }
                if (stepCheck && to < n) {
                    // a step budget may end a run inside an epoch; loss and accuracy are from the last epoch
                    Until.State s = new Until.State(mt.loss(), mt.accuracy(), Double.NaN, epochs, steps, Double.NaN);
                    if (spec.until().holds(s)) {
                        mt = model.evaluate(data);
                        status = status(new Until.State(mt.loss(), mt.accuracy(), testAcc(model), epochs, steps,
                                normalised(geometry, mt, model, optimised, degree)));
                        break outer;
                    }
                }
            }
            epochs++;
            mt = model.evaluate(data);
            double secs = (System.nanoTime() - t0) / 1e9;
            curve.add(new double[] {epochs, steps, mt.loss(), mt.accuracy(), secs, normalised(geometry, mt, model, optimised, degree)});
            if (logGrid(epochs)) snapshot(path, epochs, model);
            double eta = Double.isInfinite(epochLimit) ? Double.NaN : Math.max(0, epochLimit - epochs) * secs / epochs;
            listener.epoch(m, seed, epochs, mt.loss(), mt.accuracy(), eta);
        }
        if (guard != null) message = message == null ? guard.summary() : message + "; " + guard.summary();
        Model.Metrics test = data.test() != null && status != Status.DIVERGED ? model.evaluate(data.test()) : null;
        return new RunResult(m, seed, lr, status, epochs, steps, mt.loss(), mt.accuracy(), test == null ? Double.NaN : test.accuracy(), mt.margin(),
                message, init, model.params(), model.predictor(), List.copyOf(curve), (System.nanoTime() - t0) / 1e9,
                test == null ? Double.NaN : test.loss(), finish(path, epochs, model));
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
