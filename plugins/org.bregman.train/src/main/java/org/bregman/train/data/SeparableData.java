package org.bregman.train.data;

import java.util.Random;

/**
 * {@code separable(n, d, margin, seed)}: two classes split through the origin by a planted unit direction u
 * (u ~ uniform on the sphere), with an ℓ2 margin of at least {@code margin}: x ~ N(0, I/d) (rows of squared
 * norm ≈ 1), s = uᵀx, label 1 where s ≥ 0 else 0, and a point closer to the hyperplane than the margin is
 * pushed out along u to distance {@code margin}. The data's own max margin is at least {@code margin} (it
 * can be larger: u is a separating direction, not necessarily the best one).
 */
public final class SeparableData {

    private SeparableData() {
    }

    public static Dataset generate(int n, int d, double margin, long seed) {
        if (n < 2) throw new IllegalArgumentException("separable: n must be at least 2, got " + n);
        if (d < 1) throw new IllegalArgumentException("separable: d must be at least 1, got " + d);
        if (!(margin > 0) || !(margin < 10)) throw new IllegalArgumentException("separable: margin must lie in (0, 10), got " + margin);
        Random r = new Random(seed);
        double[] u = new double[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            u[j] = r.nextGaussian();
            norm += u[j] * u[j];
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < d; j++) u[j] /= norm;
        float[] x = new float[n * d];
        int[] labels = new int[n];
        double scale = 1 / Math.sqrt(d);
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                row[j] = scale * r.nextGaussian();
                s += row[j] * u[j];
            }
            // balanced classes: the sign alternates, then the point is moved to the right side, at least margin away
            double side = i % 2 == 0 ? 1 : -1;
            double target = side * Math.max(Math.abs(s), margin);
            for (int j = 0; j < d; j++) row[j] += (target - s) * u[j];
            // float32 storage must not eat the margin: push by a few ulps more where rounding brought a point closer
            for (int j = 0; j < d; j++) x[i * d + j] = (float) row[j];
            double stored = 0;
            for (int j = 0; j < d; j++) stored += x[i * d + j] * u[j];
            if (side * stored < margin) {
                for (int j = 0; j < d; j++) x[i * d + j] = (float) (row[j] + side * 1e-6 * u[j]);
            }
            labels[i] = side > 0 ? 1 : 0;
        }
        String desc = "separable(n = " + n + ", d = " + d + ", margin = " + org.bregman.train.Num.format(margin) + ", seed = " + seed + ")";
        return new Dataset(desc, n, d, x, labels, null, 2, null, true, null);
    }
}
