package org.bregman.train.model;

import org.bregman.runtime.MirrorMap;
import org.bregman.train.data.Dataset;

/**
 * {@code factorization(rank)}, seed 003's matrix model: parameters U, V (each d × rank, row-major, U first), the predicted
 * matrix W = U Vᵀ, and the score of a row X (a d × d matrix, flattened) f = ⟨X, W⟩. Homogeneous of degree 2 in (U, V).
 * Gradients: with G = Σ_i ℓ'(f_i) X_i, ∂/∂U = G V and ∂/∂V = Gᵀ U. Sums in double, parameters and gradients float32;
 * the mirror step is the plain float32 in-place step of networks.
 */
final class FactorizationModel extends Model {

    private final Dataset data;
    private final Loss loss;
    private final int d;
    private final int rank;
    private final float[] p;
    private final float[] g;
    private float[] marked;
    private final double[] w;
    private final double[] gw;
    private final double[] f = new double[1];
    private final double[] dldf = new double[1];

    FactorizationModel(Dataset data, Loss loss, int d, int rank) {
        this.data = data;
        this.loss = loss;
        this.d = d;
        this.rank = rank;
        this.p = new float[2 * d * rank];
        this.g = new float[p.length];
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

    @Override
    public int size() {
        return p.length;
    }

    @Override
    public void setParams(float[] flat) {
        if (flat.length != p.length) throw new IllegalArgumentException("expected " + p.length + " parameters, got " + flat.length);
        System.arraycopy(flat, 0, p, 0, p.length);
    }

    @Override
    public float[] params() {
        return p.clone();
    }

    /** W = U Vᵀ. */
    private void product() {
        int off = d * rank;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < rank; k++) s += (double) p[i * rank + k] * p[off + j * rank + k];
                w[i * d + j] = s;
            }
        }
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
    public int step(org.bregman.runtime.rules.UpdateRule.Step rule, float lr) {
        return rule.step(p, g, p.length, lr);
    }

    @Override
    public double batchLoss(int[] order, int from, int to) {
        product();
        double sum = 0;
        for (int b = from; b < to; b++) sum += lossAt(data, order[b], null);
        return sum;
    }

    @Override
    public void mark() {
        if (marked == null) marked = new float[p.length];
        System.arraycopy(p, 0, marked, 0, p.length);
    }

    @Override
    public void reset() {
        System.arraycopy(marked, 0, p, 0, p.length);
    }

    @Override
    public void sgdStep(float lr) {
        for (int j = 0; j < p.length; j++) p[j] -= lr * g[j];
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
    public float[] predictor() {
        product();
        float[] out = new float[w.length];
        for (int j = 0; j < w.length; j++) out[j] = (float) w[j];
        return out;
    }
}
