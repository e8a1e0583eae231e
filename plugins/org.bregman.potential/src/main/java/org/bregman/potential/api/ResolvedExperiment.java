package org.bregman.potential.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bregman.potential.potential.Experiment;
import org.bregman.symbolic.PotentialSpec;

/**
 * An experiment as the language resolved it: every setting a plain value, the defaults of the vocabulary
 * ({@link org.bregman.potential.experiment.Vocabulary}) filled in, files absolute. Built only from experiments
 * without errors. The trainer turns it into its typed {@code org.bregman.train.ExperimentSpec} once, through the
 * factories registered under the same names ({@code org.bregman.train.TrainingRegistry}); this module cannot
 * name the trainer's types, which need ND4J.
 *
 * @param data   e.g. {@code regression} with {@code {n=40.0, d=400.0, noise=0.0, seed=1.0}}; file
 *               arguments are absolute paths (strings)
 * @param model  e.g. {@code mlp} with {@code positional = [256.0, 256.0]}
 * @param seeds  the seeds in order (a range expanded)
 * @param batch  the batch size; 0 means the full data set
 * @param report the report items, in order
 * @param kkt    the potential of {@code report kkt(P)} (the KKT problem's), or {@code null} for each mirror's own
 */
public record ResolvedExperiment(String name, Path file, Call data, Call model, Call loss, List<Mirror> mirrors, Call init,
        List<Integer> seeds, double lr, int batch, Stop until, List<String> report, Mirror kkt, Experiment ast) {

    /** Whether the steps are safeguarded ({@code lr … safeguarded} or {@code lr auto}): backtracking on the batch loss. */
    public boolean safeguarded() {
        for (var s : ast.getSettings()) {
            if (s instanceof org.bregman.potential.potential.LrSetting l) return l.isAuto() || l.isSafeguarded();
        }
        return false;
    }

    /**
     * The built-in update rules of the {@code optimizers} setting, in order, each with its arguments (defaults filled in;
     * {@code lr} only when written).
     */
    public List<Call> optimizers() {
        List<Call> out = new java.util.ArrayList<>();
        for (var s : ast.getSettings()) {
            if (!(s instanceof org.bregman.potential.potential.OptimizersSetting o)) continue;
            for (var spec : o.getOptimizers()) {
                out.add(PotentialWorkspace.call(spec, org.bregman.potential.experiment.Vocabulary.OPTIMIZERS.get(spec.getName()), ast));
            }
        }
        return out;
    }

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
    }

    /** A stopping condition: {@link Compare} leaves joined by {@link And} / {@link Or}. */
    public sealed interface Stop permits Compare, And, Or {
        /** Whether the run stops, given the current values of loss, trainAccuracy, testAccuracy, epochs, steps. */
        boolean test(Map<String, Double> metrics);
    }

    /** {@code metric op value}, op one of {@code < <= > >= == !=}. */
    public record Compare(String metric, String op, double value) implements Stop {
        @Override
        public boolean test(Map<String, Double> metrics) {
            Double m = metrics.get(metric);
            if (m == null || m.isNaN()) return false;
            return switch (op) {
                case "<" -> m < value;
                case "<=" -> m <= value;
                case ">" -> m > value;
                case ">=" -> m >= value;
                case "==" -> m == value;
                default -> m != value;
            };
        }
    }

    public record And(Stop left, Stop right) implements Stop {
        @Override
        public boolean test(Map<String, Double> metrics) {
            return left.test(metrics) && right.test(metrics);
        }
    }

    public record Or(Stop left, Stop right) implements Stop {
        @Override
        public boolean test(Map<String, Double> metrics) {
            return left.test(metrics) || right.test(metrics);
        }
    }
}
