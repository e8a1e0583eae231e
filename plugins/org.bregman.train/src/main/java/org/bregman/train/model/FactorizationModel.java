package org.bregman.train.model;

import org.bregman.runtime.MirrorMap;
import org.bregman.train.data.Dataset;

/**
 * {@code factorization(rank)}, seed 003's matrix model: parameters U, V (each d × rank, row-major, U first), the predicted
 * matrix W = U Vᵀ, and the score of a row X (a d × d matrix, flattened) f = ⟨X, W⟩. Homogeneous of degree 2 in (U, V).
 * Gradients: with G = Σ_i ℓ'(f_i) X_i, ∂/∂U = G V and ∂/∂V = Gᵀ U. Sums in double, parameters and gradients float32;
 * the mirror step is the plain float32 in-place step of networks.
 */
final class FactorizationModel extends ArrayModel {

    private final int d;
    private final int rank;
    private final double[] w;
    private final double[] gw;
    private final double[] f = new double[1];
    private final double[] dldf = new double[1];

    FactorizationModel(Dataset data, Loss loss, int d, int rank) {
        super(data, loss, 2 * d * rank);
        this.d = d;
        this.rank = rank;
        this.w = new double[d * d];
        this.gw = new double[d * d];
    }

    /** d when {@code features} is d² (the data are d × d matrices), else a clear message. */
    static int side(Dataset data) {
        int d = (int) Math.round(Math.sqrt(data.d()));
        if (d * d != data.d()) {
            throw new IllegalArgumentException("model factorization needs d × d matrices as data rows (matrixSensing, matrixCompletion), but "
                    + data.description() + " has " + data.d() + " features, not a square");
        }
        return d;
    }

    /** W = U Vᵀ. */
    private double[] product() {
        int off = d * rank;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < rank; k++) s += (double) p[i * rank + k] * p[off + j * rank + k];
                w[i * d + j] = s;
            }
        }
        return w;
    }

    private double score(Dataset set, int i) {
        float[] x = set.x();
        int dd = d * d, o = i * dd;
        double s = 0;
        for (int j = 0; j < dd; j++) if (x[o + j] != 0) s += x[o + j] * w[j];
        return s;
    }

    private double lossAt(Dataset set, int i, double[] derivative) {
        f[0] = score(set, i);
        return loss.lossAndDerivative(f, set.classification() ? set.labels()[i] : -1, set.classification() ? 0 : set.targets()[i], derivative);
    }

    @Override
    public void gradient(int[] order, int from, int to) {
        product();
        java.util.Arrays.fill(gw, 0);
        int dd = d * d;
        float[] x = data.x();
        for (int b = from; b < to; b++) {
            int i = order[b];
            lossAt(data, i, dldf);
            double r = dldf[0];
            if (r == 0) continue;
            for (int j = 0, o = i * dd; j < dd; j++) if (x[o + j] != 0) gw[j] += r * x[o + j];
        }
        int off = d * rank;
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < rank; k++) {
                double su = 0, sv = 0;
                for (int j = 0; j < d; j++) {
                    su += gw[i * d + j] * p[off + j * rank + k]; // (G V)_ik
                    sv += gw[j * d + i] * p[j * rank + k]; // (Gᵀ U)_ik
                }
                g[i * rank + k] = (float) su;
                g[off + i * rank + k] = (float) sv;
            }
        }
    }

    @Override
    public int step(MirrorMap map, float lr) {
        return map.step(p, g, lr);
    }

    @Override
    public double batchLoss(int[] order, int from, int to) {
        product();
        double sum = 0;
        for (int b = from; b < to; b++) sum += lossAt(data, order[b], null);
        return sum;
    }

    @Override
    public Metrics evaluate(Dataset set) {
        product();
        MetricsSum sum = new MetricsSum(set, loss, 1);
        for (int i = 0; i < set.n(); i++) {
            sum.scores()[0] = score(set, i);
            sum.add(i);
        }
        return sum.metrics();
    }

    @Override
    public String coordinate(int i) {
        int off = d * rank;
        return (i < off ? "U[" + i / rank + "," + i % rank + "]" : "V[" + (i - off) / rank + "," + (i - off) % rank + "]");
    }

    /** U then V, each d × rank. */
    @Override
    public java.util.List<Layer> layers() {
        int half = size() / 2;
        return java.util.List.of(new Layer("U", 0, half, true), new Layer("V", half, half, true));
    }

    /** W = U Vᵀ, d × d row-major: the predicted matrix. */
    @Override
    protected double[] effectivePredictor() {
        return product();
    }
}
