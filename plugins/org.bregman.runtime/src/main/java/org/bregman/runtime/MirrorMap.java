package org.bregman.runtime;

import java.nio.FloatBuffer;
import java.util.Map;

/**
 * A mirror-descent potential compiled for one set of parameter values: separable, Ψ(w) = Σ_j ψ(w_j)
 * (the scalar methods are ψ and its derivation), or not ({@link #separable()} false, e.g.
 * {@link CompositeMirrorMap}: the vector methods and the steps then act on the whole vector at once).
 *
 * <p>This is the whole contract between generated optimizers and their users (the trainer, exported
 * jars, benchmarks). Implementations are generated from {@code .potential} files and compiled at run
 * time; they are immutable and thread-safe.
 *
 * <p>Scalar methods work in double precision (derivation checks, divergences); the in-place
 * {@code step} methods work on float32 buffers (the training path).
 */
public interface MirrorMap {

    /** The potential's name as written in the {@code .potential} file, e.g. {@code QNorm}. */
    String name();

    /** The parameter values this instance was compiled for, in declaration order. */
    Map<String, Double> parameters();

    /** Whether Ψ(w) = Σ_j ψ(w_j), so that the scalar methods below are the whole story (true unless overridden). */
    default boolean separable() {
        return true;
    }

    /** Ψ(w) of the whole vector. */
    default double psi(double[] w) {
        double s = 0;
        for (double x : w) s += psi(x);
        return s;
    }

    /** ∇Ψ(w) of the whole vector into {@code out}. */
    default void grad(double[] w, double[] out) {
        for (int j = 0; j < w.length; j++) out[j] = grad(w[j]);
    }

    /** (∇Ψ)⁻¹(z) of the whole vector into {@code out} (NaN where z is outside the dual domain). */
    default void inverse(double[] z, double[] out) {
        for (int j = 0; j < z.length; j++) out[j] = inverse(z[j]);
    }

    /** D_Ψ(w, v) of two whole vectors. */
    default double bregman(double[] w, double[] v) {
        double s = 0;
        for (int j = 0; j < w.length; j++) s += bregman(w[j], v[j]);
        return s;
    }

    /** ψ(w); for a non-separable potential, Ψ of the one-coordinate vector (w). */
    double psi(double w);

    /** ψ'(w): the mirror map. */
    double grad(double w);

    /** ψ''(w): curvature, for convexity checks and step-size advice. */
    double hessian(double w);

    /** (ψ')⁻¹(z): the inverse mirror map, defined on {@link #dualDomain()}. */
    double inverse(double z);

    /** D_ψ(w, v) = ψ(w) − ψ(v) − ψ'(v)(w − v) for one coordinate. */
    double bregman(double w, double v);

    /** D_Ψ(w, v) summed over all coordinates, accumulated in double precision. */
    double bregman(float[] w, float[] v);

    /** Whether {@link #inverse(double)} is a closed form ({@code true}) or a safeguarded numeric solve. */
    boolean inverseIsClosedForm();

    /** The domain of ψ (where weights may live). */
    Interval domain();

    /** The dual domain: the range of ψ', where {@link #inverse(double)} is defined. */
    Interval dualDomain();

    /**
     * One stochastic mirror-descent step, in place, over {@code n} coordinates:
     * {@code w[i] ← (ψ')⁻¹(ψ'(w[i]) − lr·g[i])}.
     *
     * <p>Every coordinate is written. The result is {@code -1} when every new dual value lay in the
     * dual domain and every new weight is finite; otherwise the index (relative to {@code wOffset}) of
     * the first coordinate where that failed, so that the caller can report it instead of silently
     * clamping.
     */
    int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr);

    /**
     * A map for the steps of one parameter vector (one training run) that may carry what a step computed about the
     * vector to the next step: a non-separable potential's S = Σ_j g(w_j), which then costs no reduction pass. Its
     * steps give bit for bit what this map's steps give. Not thread-safe. Whoever writes the vector other than through
     * its {@code step} (initialisation, a checkpoint's restore, a rollback) calls {@link #forget()} on it before the
     * next step. Stateless maps (every separable one) return themselves.
     */
    default MirrorMap stepper() {
        return this;
    }

    /** Drops what a {@link #stepper()} carries between steps; nothing to drop for a stateless map. */
    default void forget() {
    }

    /** {@link #step(float[], int, float[], int, int, float)} over the whole arrays (same length). */
    default int step(float[] w, float[] g, float lr) {
        if (w.length != g.length) {
            throw new IllegalArgumentException("w and g differ in length: " + w.length + " vs " + g.length);
        }
        return step(w, 0, g, 0, w.length, lr);
    }

    /**
     * The same mirror-descent step on a compensated iterate: coordinate {@code i} is the double-float
     * pair {@code w[i] + wLow[i]} (two float32 words, about 48 significant bits), so that the iterate is
     * not rounded to float32 at every step. In double precision:
     * {@code z = ψ'(w[i] + wLow[i]) − lr·g[i]}, {@code v = (ψ')⁻¹(z)}, then {@code w[i] = (float) v} and
     * {@code wLow[i] = (float) (v − w[i])}. Callers compute with {@code w} (the rounded iterate) and keep
     * {@code wLow} next to it; zeroing {@code wLow} turns any float32 point into a compensated one.
     *
     * <p>Why: the plain float32 step rounds every weight at every step, which breaks the conservation law
     * ψ'(w_t) − ψ'(w_0) ∈ span of the gradients that SMD's implicit bias rests on (for a linear model, the
     * row space of X). The gradient may still be a float32 one computed from {@code w}: its errors are
     * errors of the residuals, which stay in that span. It is slower than {@link #step(float[], int, float[], int, int, float)}
     * (double precision, ψ' and its inverse per coordinate, no vector kernel): meant for small models
     * whose final point is compared with an exact solution, not for the fast path.
     *
     * <p>Every coordinate is written (both words). Same result contract as {@code step}: {@code -1} when
     * every new dual value {@code z} lay in {@link #dualDomain()} and every new weight is a finite float;
     * otherwise the index (relative to {@code wOffset}) of the first coordinate where that failed.
     */
    default int stepCompensated(float[] w, float[] wLow, int wOffset, float[] g, int gOffset, int n, float lr) {
        checkRange(wOffset, n, w.length);
        checkRange(wOffset, n, wLow.length);
        checkRange(gOffset, n, g.length);
        Interval dual = dualDomain();
        boolean allReals = dual.isAllReals();
        double lrd = lr;
        int bad = -1;
        for (int i = 0; i < n; i++) {
            int k = wOffset + i;
            double z = grad((double) w[k] + (double) wLow[k]) - lrd * g[gOffset + i]; // lr·g is exact in double
            double v = inverse(z);
            float hi = (float) v;
            w[k] = hi;
            wLow[k] = (float) (v - hi);
            // an infinite z is never "in" the dual domain, even when that is all reals (psi(w) = 1e308 * w^2)
            boolean ok = Math.abs(hi) <= Float.MAX_VALUE && Math.abs(z) <= Double.MAX_VALUE && (allReals || dual.contains(z));
            if (!ok && bad < 0) {
                bad = i;
            }
        }
        return bad;
    }

    /** {@code Objects.checkFromIndexSize} (Java 9), written out: this module is compiled for Java 8. */
    static void checkRange(int offset, int n, int length) {
        if ((length | offset | n) < 0 || n > length - offset) {
            throw new IndexOutOfBoundsException("range [" + offset + ", " + offset + " + " + n + ") out of bounds for length " + length);
        }
    }

    /**
     * The same step over buffers (typically direct, off-heap ones such as an ND4J parameter view):
     * coordinates {@code w.position() .. w.limit()} paired with {@code g.position() ..}; positions are
     * not changed. Returns {@code -1} or the index, relative to {@code w.position()}, of the first
     * failing coordinate.
     */
    int step(FloatBuffer w, FloatBuffer g, float lr);
}
