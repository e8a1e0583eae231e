package org.bregman.potential.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bregman.potential.experiment.Vocabulary;
import org.bregman.potential.potential.Arg;
import org.bregman.potential.potential.DataSetting;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.InitSetting;
import org.bregman.potential.potential.MirrorsSetting;
import org.bregman.potential.potential.ModelSetting;
import org.bregman.potential.potential.NumberValue;
import org.bregman.potential.potential.Setting;
import org.bregman.potential.potential.Spec;
import org.eclipse.emf.ecore.EObject;

/**
 * Sizes an experiment asks for, checked before anything is allocated (README, "Language limits"): the number
 * of runs, and the memory of the data and of the model's parameters against this JVM's maximum heap. Counts
 * are computed in double (no overflow) and compared with the limits; the message shows the estimate.
 */
public final class ExperimentLimits {

    /** Runs of one experiment (seeds × mirrors). */
    public static final long MAX_RUNS = 10_000;
    /** Whole-number arguments, seeds, widths: the trainer's arrays are indexed by int. */
    public static final double MAX_INT = Integer.MAX_VALUE;

    private ExperimentLimits() {
    }

    /** A problem at a node. */
    public record Problem(String message, EObject node) {
    }

    public static List<Problem> check(Experiment x, long maxMemory) {
        List<Problem> out = new ArrayList<>();
        Spec data = null, model = null;
        InitSetting init = null;
        int mirrors = 0;
        for (Setting s : x.getSettings()) {
            if (s instanceof DataSetting d) data = d.getSource();
            else if (s instanceof ModelSetting m) model = m.getModel();
            else if (s instanceof InitSetting i) init = i;
            else if (s instanceof MirrorsSetting ms) mirrors += org.bregman.potential.util.LayerwiseMirrors.groups(ms).size(); // one run per mirror
        }
        double seeds = 1;
        if (init != null && init.getSeeds().size() == 2 && init.isRange()) {
            seeds = Math.max(1, init.getSeeds().get(1) - init.getSeeds().get(0) + 1);
        } else if (init != null && !init.getSeeds().isEmpty()) {
            seeds = init.getSeeds().size();
        }
        double runs = seeds * Math.max(1, mirrors);
        if (runs > MAX_RUNS) {
            out.add(new Problem(String.format(Locale.ROOT, "%s seeds × %d mirror%s = %s runs; an experiment may have at most %,d runs",
                    count(seeds), mirrors, mirrors == 1 ? "" : "s", count(runs), MAX_RUNS), init != null ? init : x));
            return out; // the memory estimate below would only repeat it
        }
        double[] nd = shape(data);
        if (nd != null) {
            double bytes = 4 * (nd[0] * nd[1] + nd[0]);
            if (nd[0] * nd[1] > MAX_INT) {
                out.add(new Problem(String.format(Locale.ROOT, "%s(n = %s, d = %s) has n·d = %s values; at most %s fit in one array",
                        data.getName(), count(nd[0]), count(nd[1]), count(nd[0] * nd[1]), count(MAX_INT)), data));
            } else if (bytes > maxMemory) {
                out.add(new Problem(data.getName() + ": the data needs about " + bytes(bytes) + ", more than this JVM may use ("
                        + bytes(maxMemory) + "; raise -Xmx or make n·d smaller)", data));
            }
        }
        double params = parameters(model, nd == null ? Double.NaN : nd[1], outputs(data));
        if (!Double.isNaN(params)) {
            // weights, gradient, update buffers, and a copy per seed (initial point) and per run (final point)
            double bytes = 4 * params * (4 + seeds + runs);
            if (params > MAX_INT) {
                out.add(new Problem("the model has about " + count(params) + " parameters; at most " + count(MAX_INT) + " fit in one array",
                        model));
            } else if (bytes > maxMemory) {
                out.add(new Problem("the model has about " + count(params) + " parameters; with its " + count(runs)
                        + " runs it needs about " + bytes(bytes) + ", more than this JVM may use (" + bytes(maxMemory) + ")", model));
            }
        }
        return out;
    }

    /** {n, d} of a data source whose size is known before loading; null otherwise. */
    static double[] shape(Spec data) {
        Vocabulary.DataSize s = size(data);
        return s == null || Double.isNaN(s.n()) || Double.isNaN(s.d()) ? null : new double[] {s.n(), s.d()};
    }

    /** The size its vocabulary entry gives a data source, or null. */
    private static Vocabulary.DataSize size(Spec data) {
        Vocabulary.Entry e = data == null ? null : Vocabulary.DATA.get(data.getName());
        return e == null || e.dataSize() == null ? null : e.dataSize().apply(ArgumentChecks.specNumbers(data, e));
    }

    static double outputs(Spec data) {
        Vocabulary.DataSize s = size(data);
        return s == null ? 2 : s.outputs();
    }

    /** The number of weights of a model on d features, as its vocabulary entry counts them (NaN when unknown). */
    static double parameters(Spec model, double d, double outputs) {
        Vocabulary.Entry e = model == null ? null : Vocabulary.MODELS.get(model.getName());
        if (e == null || e.parameterCount() == null || Double.isNaN(d)) return Double.NaN;
        List<Double> widths = new ArrayList<>();
        for (Arg a : model.getArgs()) {
            if (a.getName() != null) continue; // named arguments (dense, kernel, bias, activation): not widths
            if (!(a.getValue() instanceof NumberValue n)) {
                widths = null;
                break;
            }
            widths.add(n.getValue());
        }
        return e.parameterCount().of(ArgumentChecks.specNumbers(model, e), widths, d, outputs);
    }

    static String count(double v) {
        return v < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String bytes(double b) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
    }
}
