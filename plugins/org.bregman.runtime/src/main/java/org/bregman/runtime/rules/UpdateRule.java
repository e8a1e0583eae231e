package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/**
 * A built-in update rule that experiments compare with mirror descent ({@code optimizers SignDescent, …}): one
 * class per rule, owning its name, parameters (defaults and constraints), description, formula and factory;
 * {@link UpdateRules} registers them. Steps are float32 in place, like {@code MirrorMap.step}.
 */
public interface UpdateRule {

    /** The name used in experiments, e.g. {@code SmoothedSign}. */
    String name();

    /** The rule's parameters, in positional order. */
    List<Param> params();

    /** One line for content assist and the README. */
    String description();

    /** The update, e.g. {@code w ← w − η g/(|g| + ε)}, and its source. */
    String formula();

    /** The step with these parameter values (missing ones take their defaults). */
    Step create(Map<String, Double> args);

    /**
     * A parameter: {@code min} is a lower bound ({@code minExclusive}: strictly above it), NaN for none.
     * (A class, not a record: the runtime is built for Java 8, see its pom.)
     */
    final class Param {
        private final String name;
        private final double defaultValue, min;
        private final boolean minExclusive;
        private final String description;

        public Param(String name, double defaultValue, double min, boolean minExclusive, String description) {
            this.name = name;
            this.defaultValue = defaultValue;
            this.min = min;
            this.minExclusive = minExclusive;
            this.description = description;
        }

        public String name() { return name; }

        public double defaultValue() { return defaultValue; }

        public double min() { return min; }

        public boolean minExclusive() { return minExclusive; }

        public String description() { return description; }

        /** Whether {@code v} satisfies the bound. */
        public boolean accepts(double v) {
            return Double.isNaN(min) || (minExclusive ? v > min : v >= min) && Double.isFinite(v);
        }
    }

    /** One in-place step. */
    @FunctionalInterface
    interface Step {
        /**
         * Updates {@code w[0..n)} from the gradient {@code g[0..n)} with rate {@code lr}; returns −1, or the first
         * coordinate that became non-finite.
         */
        int step(float[] w, float[] g, int n, float lr);
    }

    /** The argument {@code name}, else its default. */
    default double arg(Map<String, Double> args, String name) {
        for (Param p : params()) {
            if (p.name().equals(name)) {
                Double v = args.get(name);
                double x = v == null ? p.defaultValue() : v;
                if (!p.accepts(x)) throw new IllegalArgumentException(name() + ": " + name + " must be " + (p.minExclusive() ? "> " : ">= ") + p.min() + ", got " + x);
                return x;
            }
        }
        throw new IllegalArgumentException(name() + " has no parameter " + name);
    }

    /** w ← w − lr·d for a direction {@code d} computed in double; returns −1 or the first non-finite coordinate. */
    static int apply(float[] w, double[] d, int n, float lr) {
        int bad = -1;
        for (int j = 0; j < n; j++) {
            if (d[j] == 0) continue;
            w[j] = (float) (w[j] - (double) lr * d[j]);
            if (bad < 0 && !Float.isFinite(w[j])) bad = j;
        }
        return bad;
    }
}
