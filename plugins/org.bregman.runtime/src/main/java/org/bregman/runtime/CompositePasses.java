package org.bregman.runtime;

import java.nio.FloatBuffer;

/**
 * The two fused passes of {@link CompositeMirrorMap}'s float32 step for a homogeneous g = k|w|^r, generated with g's
 * coordinate kernel (codegen's {@code CompositeVectorTemplate}: Vector API lanes, exponents specialised). Sums are
 * accumulated in double from terms computed in float32 where their exponent allows (within 2·2⁻²⁴ relative for q = 3
 * and 1.5), with double terms where a float term overflowed or the sum is tiny, in a fixed order that depends on
 * the offset and length only, not on how the JIT compiled the code (lane-wise adds, the lanes added one by one, then
 * the head and the tail), so that {@link #powerSum} of the weights {@link #primalPass} wrote equals, bit for bit, the
 * sum that pass returned. Implementations are immutable and thread-safe.
 */
public interface CompositePasses {

    /** Σ_j |w_j|^r over {@code w[offset .. offset + n)}. */
    double powerSum(float[] w, int offset, int n);

    /**
     * Pass A: y_j = g'(w_j) − rate·g_j in float32, written over w_j as sign(y_j)·|y_j|^e, e = {@link #writtenPower()}
     * (y_j itself, or the root that pass B's inverse needs); returns Σ_j |y_j|^p, p = r/(r − 1) (the dual sum of the
     * scalar equation). {@code bad[0]} receives −1, or the first index (relative to {@code offset}) where y_j is not a
     * finite float.
     */
    double dualPass(float[] w, int offset, float[] g, int gOffset, int n, float rate, int[] bad);

    /**
     * The power e of the dual values {@link #dualPass} writes, sign(y_j)·|y_j|^e: 1, or 1/2 where (g')⁻¹ is a square
     * root (q = 3), so that pass B scales the root pass A took for its sum instead of taking another.
     */
    double writtenPower();

    /**
     * Pass B: w_j = (g')⁻¹(mu·y_j) over the y_j of {@link #dualPass} (mu rounded to float32 once); returns Σ_j |w_j|^r of
     * the written weights (the next step's S/k). {@code bad[0]} receives −1, or the first index where mu·y_j left g's
     * dual domain or w_j is not a finite float.
     */
    double primalPass(float[] w, int offset, int n, double mu, int[] bad);

    /** {@link #powerSum(float[], int, int)} over a direct buffer in native order, from its position to its limit. */
    double powerSum(FloatBuffer w);

    /** {@link #dualPass(float[], int, float[], int, int, float, int[])} over direct buffers in native order (positions unchanged). */
    double dualPass(FloatBuffer w, FloatBuffer g, float rate, int[] bad);

    /** {@link #primalPass(float[], int, int, double, int[])} over a direct buffer in native order (indices from its position). */
    double primalPass(FloatBuffer w, double mu, int[] bad);
}
