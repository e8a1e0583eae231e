package org.bregman.potential.experiment;

import java.util.Map;

/**
 * Where an initialisation puts the weights (float32, as the trainer stores them): every weight at {@code lower}
 * ({@code point}), draws in [lower, upper], or draws without bound centred at {@code lower} ({@code unbounded}).
 * Each initialisation of {@link Vocabulary#INITS} owns its rule; the validator checks it against the mirrors' domains.
 */
public record InitialWeights(double lower, double upper, boolean point, boolean unbounded) {

    /** Where an initialisation with these arguments (defaults filled in) puts the weights; null for bad arguments (reported elsewhere). */
    @FunctionalInterface
    public interface Rule {
        InitialWeights of(Map<String, Double> arguments);
    }

    static InitialWeights at(double x) {
        float f = (float) x;
        return new InitialWeights(f, f, true, false);
    }

    static InitialWeights between(double a, double b) {
        return new InitialWeights((float) a, (float) b, false, false);
    }

    static InitialWeights centredAt(double mean) {
        float m = (float) mean;
        return new InitialWeights(m, m, false, true);
    }
}
