package org.bregman.runtime.rules;

import java.util.List;
import java.util.Map;

/**
 * What every rule shares: name, parameters, description and formula (given once to the constructor), and the step
 * w ← w − η d from the rule's direction d (computed in double into a buffer the step keeps).
 */
abstract class BaseRule implements UpdateRule {

    private final String name;
    private final List<Param> params;
    private final String description;
    private final String formula;
    private final Direction fixed;

    BaseRule(String name, List<Param> params, String description, String formula) {
        this(name, params, description, formula, null);
    }

    /** A rule without parameters: its direction is {@code direction}. */
    BaseRule(String name, String description, String formula, Direction direction) {
        this(name, java.util.Collections.<Param>emptyList(), description, formula, direction);
    }

    private BaseRule(String name, List<Param> params, String description, String formula, Direction fixed) {
        this.name = name;
        this.params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
        this.description = description;
        this.formula = formula;
        this.fixed = fixed;
    }

    /** The direction d of the update w ← w − η d, for these arguments (rules with parameters override this). */
    protected Direction direction(Map<String, Double> args) {
        return fixed;
    }

    /** Fills {@code d[0..n)} (zero on entry) from the gradient {@code g[0..n)}; a zero means the coordinate stays. */
    @FunctionalInterface
    protected interface Direction {
        void fill(float[] g, int n, double[] d);
    }

    @Override
    public final Step create(Map<String, Double> args) {
        Direction dir = direction(args);
        return new Step() {
            private double[] d = new double[0];

            @Override
            public int step(float[] w, float[] g, int n, float lr) {
                if (d.length < n) d = new double[n];
                java.util.Arrays.fill(d, 0, n, 0); // a direction may set only some entries (SteepestL1)
                dir.fill(g, n, d);
                return UpdateRule.apply(w, d, n, lr);
            }
        };
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Param> params() {
        return params;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String formula() {
        return formula;
    }
}
