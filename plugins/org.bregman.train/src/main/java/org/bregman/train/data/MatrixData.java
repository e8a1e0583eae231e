package org.bregman.train.data;

import java.util.Random;

/**
 * Seed 003's matrix problems over a planted rank-r matrix M* = U* V*ᵀ (d × d, Gaussian factors, scaled
 * so that ‖M*‖_F = √d): each row of the data is a d × d matrix X_i flattened row-major (d² features) and its target
 * ⟨X_i, M*⟩. The model {@code factorization(rank)} predicts ⟨X_i, U Vᵀ⟩.
 */
public final class MatrixData {

    private MatrixData() {
    }

    /** M* = U* V*ᵀ with Gaussian factors, scaled to ‖M*‖_F = √d (entries of order 1). */
    public static double[] planted(int d, int rank, Random r) {
        double[] u = new double[d * rank], v = new double[d * rank];
        for (int i = 0; i < u.length; i++) u[i] = r.nextGaussian();
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
        double[] m = new double[d * d];
        double f = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < rank; k++) s += u[i * rank + k] * v[j * rank + k];
                m[i * d + j] = s;
                f += s * s;
            }
        }
        double scale = Math.sqrt(d / f);
        for (int i = 0; i < m.length; i++) m[i] *= scale;
        return m;
    }

    private static void check(String what, int d, int rank) {
        if (d < 1) throw new IllegalArgumentException(what + ": d must be at least 1, got " + d);
        if (rank < 1 || rank > d) throw new IllegalArgumentException(what + ": rank must lie in 1 .. d = " + d + ", got " + rank);
    }

    /** {@code matrixSensing(n, d, rank, seed)}: n measurements y_i = ⟨A_i, M*⟩ with A_i of independent N(0, 1/d) entries. */
    public static Dataset sensing(int n, int d, int rank, long seed) {
        check("matrixSensing", d, rank);
        if (n < 1) throw new IllegalArgumentException("matrixSensing: n must be at least 1, got " + n);
        Random r = new Random(seed);
        double[] m = planted(d, rank, r);
        int dd = d * d;
        float[] x = new float[n * dd];
        float[] y = new float[n];
        double scale = 1 / Math.sqrt(d);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < dd; j++) {
                x[i * dd + j] = (float) (scale * r.nextGaussian());
                s += x[i * dd + j] * m[j];
            }
            y[i] = (float) s;
        }
        String desc = "matrixSensing(n = " + n + ", d = " + d + ", rank = " + rank + ", seed = " + seed + ")";
        return new Dataset(desc, n, dd, x, null, y, 0, null, true, null);
    }

    /**
     * {@code matrixCompletion(d, rank, observed, seed)}: {@code observed} distinct entries of M*, chosen uniformly; row i is
     * the indicator matrix of entry (j, k) and its target M*_jk. The other d² − observed entries are the test set (the
     * error on unobserved entries).
     */
    public static Dataset completion(int d, int rank, int observed, long seed) {
        check("matrixCompletion", d, rank);
        int dd = d * d;
        if (observed < 1 || observed >= dd) {
            throw new IllegalArgumentException("matrixCompletion: observed must lie in 1 .. d² − 1 = " + (dd - 1) + ", got " + observed);
        }
        Random r = new Random(seed);
        double[] m = planted(d, rank, r);
        int[] order = new int[dd];
        for (int i = 0; i < dd; i++) order[i] = i;
        org.bregman.train.Trainer.shuffle(order, r);
        int[] seen = java.util.Arrays.copyOf(order, observed), unseen = java.util.Arrays.copyOfRange(order, observed, dd);
        java.util.Arrays.sort(seen);
        java.util.Arrays.sort(unseen);
        String desc = "matrixCompletion(d = " + d + ", rank = " + rank + ", observed = " + observed + ", seed = " + seed + ")";
        Dataset test = entries(desc + ", unobserved entries", unseen, m, dd);
        return entries(desc, seen, m, dd).withTest(test);
    }

    private static Dataset entries(String desc, int[] at, double[] m, int dd) {
        float[] x = new float[at.length * dd];
        float[] y = new float[at.length];
        for (int i = 0; i < at.length; i++) {
            x[i * dd + at[i]] = 1;
            y[i] = (float) m[at[i]];
        }
        return new Dataset(desc, at.length, dd, x, null, y, 0, null, true, null);
    }
}
