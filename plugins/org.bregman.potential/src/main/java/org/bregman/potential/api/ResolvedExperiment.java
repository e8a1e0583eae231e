package org.bregman.potential.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bregman.symbolic.PotentialSpec;

/**
 * An experiment as the language resolved it, typed: every setting a plain value, the defaults of the vocabulary
 * ({@link org.bregman.potential.experiment.Vocabulary}) filled in, files absolute, the stopping condition an {@link Until}.
 * Built only from experiments without errors, once per load ({@link PotentialWorkspace}). The trainer reads it as it is; its
 * registry ({@code org.bregman.train.TrainingRegistry}) turns the data, model and initialisation {@link Call}s into the
 * trainer's objects, which need ND4J and which this module therefore cannot name.
 *
 * @param data        e.g. {@code regression} with {@code {n=40.0, d=400.0, noise=0.0, seed=1.0}}; file
 *                    arguments are absolute paths (strings)
 * @param model       e.g. {@code mlp} with {@code positional = [256.0, 256.0]}
 * @param optimizers  the built-in update rules of the {@code optimizers} setting, in order, each with its arguments
 *                    (defaults filled in; {@code lr} only when written)
 * @param seeds       the seeds in order (a range expanded)
 * @param batch       the batch size; 0 means the full data set
 * @param report      the report items, in order
 * @param safeguarded whether the steps are safeguarded ({@code lr … safeguarded} or {@code lr auto}): backtracking on the
 *                    batch loss
 * @param layerwise   the layer-wise mirrors of the {@code mirrors} settings, in order (the plain ones are {@code mirrors})
 * @param layerRates  the {@code per layer} rates ({@code lr 0.01 per layer { "0_W": 0.001 }}): a layer's rate in every
 *                    mirror, by layer name
 * @param dataLocation {@code file:line:column} of the data source (for messages about its data found when it is loaded), or
 *                    {@code null}
 * @param kkt         the potential of {@code report kkt(P)} (the KKT problem's), or {@code null} for each mirror's own
 */
public record ResolvedExperiment(String name, Path file, Call data, Call model, Call loss, List<Mirror> mirrors, List<Call> optimizers,
        Call init, List<Long> seeds, double lr, int batch, Until until, List<String> report, boolean safeguarded,
        List<Layerwise> layerwise, Map<String, Double> layerRates, String dataLocation, Mirror kkt) {

    /** {@code name(arg = value, …)}: named arguments (defaults included) and positional ones (mlp). */
    public record Call(String name, Map<String, Object> args, List<Object> positional) {
        public double number(String arg) {
            Object v = args.get(arg);
            return v instanceof Double d ? d : Double.NaN;
        }

        /** A whole-number argument; {@code absent} when it has no value and no default (limit: all). */
        public int integer(String arg, int absent) {
            double v = number(arg);
            return Double.isNaN(v) ? absent : (int) Math.round(v);
        }

        /** A whole-number argument with its default filled in. */
        public int integer(String arg) {
            double v = number(arg);
            if (Double.isNaN(v)) throw new IllegalArgumentException(name + ": argument " + arg + " has no value");
            return (int) Math.round(v);
        }

        public String string(String arg) {
            Object v = args.get(arg);
            return v instanceof String s ? s : null;
        }
    }

    /**
     * A mirror: the potential with its arguments (only those written at the use site), all parameter
     * values, the learning rate for this mirror, and a label such as {@code QNorm(q = 10)}.
     */
    public record Mirror(String potential, PotentialSpec spec, Map<String, Double> arguments, Map<String, Double> values, double lr,
            String label) {

        /** The mirror of a use site: its rate is its {@code per mirror} rate when it has one, else the experiment's {@code lr}. */
        static Mirror of(org.bregman.potential.potential.MirrorUse m, PotentialSpec spec, org.bregman.potential.potential.LrSetting lrSetting,
                double lr) {
            String key = org.bregman.potential.validation.MirrorChecks.mirrorKey(m);
            double rate = lr;
            if (lrSetting != null) {
                for (var r : lrSetting.getRates()) {
                    if (key != null && key.equals(org.bregman.potential.validation.MirrorChecks.mirrorKey(r.getMirror()))) rate = r.getRate();
                }
            }
            Map<String, Double> args = new java.util.LinkedHashMap<>();
            for (var a : m.getArgs()) args.put(a.getParameter().getName(), a.getValue());
            return new Mirror(m.getPotential().getName(), spec, java.util.Collections.unmodifiableMap(args),
                    java.util.Collections.unmodifiableMap(org.bregman.potential.validation.MirrorChecks.effectiveArgs(m)), rate, key);
        }
    }

    /**
     * A layer-wise mirror ({@code mirrors QNorm(q = 3) for layers "0_W", "1_W", QNorm(q = 2) otherwise}): one run in which each
     * part's potential steps its layers ({@code layers} empty: {@code otherwise}, every layer no earlier part names), each
     * part at its own rate ({@link Mirror#lr}), labelled e.g. {@code QNorm(q = 3) for 0_W, 1_W; QNorm(q = 2) otherwise}.
     */
    public record Layerwise(String label, List<Part> parts) {
        public record Part(Mirror mirror, List<String> layers) {
        }
    }
}
