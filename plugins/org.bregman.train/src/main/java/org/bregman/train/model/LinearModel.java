package org.bregman.train.model;

import org.bregman.runtime.MirrorMap;
import org.bregman.train.data.Dataset;

/**
 * Linear scores f = W x (W is k × d, no bias) in plain Java, or with {@code depth > 0} the diagonal
 * linear network w = u^D − v^D (parameters u then v, k = 1). Sums are accumulated in double; parameters
 * and gradients are float32 like every other model, and the mirror step runs on the float[] directly.
 *
 * <p>The iterate is compensated: next to the float32 parameters {@code p} (what the model computes with
 * and reports) a float32 low word {@code pLow} carries the rest of the double-precision iterate, and the
 * step is {@link MirrorMap#stepCompensated}. A plain float32 step rounds every weight at every step, and
 * over thousands of steps that rounding drifts ψ'(w) − ψ'(w0) out of the row space of X, i.e. away from
 * the exact Bregman projection that SMD's implicit bias promises (1–2e-6 relative for ℓ3 on a small
 * instance). With the compensated step the remaining errors are those of the float32 gradient g = Xᵀr,
 * which lie in the row space for a linear model. The step is O(d) next to the O(batch · d) gradient.
 */
final class LinearModel extends ArrayModel {

    private final int depth;
    private final int k;
    private final int d;
    private final float[] pLow; // p + pLow is the iterate, to about 48 bits (see the class comment)
    private float[] pLowMark;
    private final double[] w; // effective predictor, k × d
    private final double[] f;
    private final double[] dldf;
    private final double[] gw;

    LinearModel(Dataset data, Loss loss, int depth) {
        super(data, loss, (depth > 0 ? 2 : 1) * loss.outputs(data.classes()) * data.d());
        this.depth = depth;
        this.k = loss.outputs(data.classes());
        this.d = data.d();
        this.pLow = new float[p.length];
        this.w = new double[k * d];
        this.f = new double[k];
        this.dldf = new double[k];
        this.gw = new double[k * d];
    }

    @Override
    public void setParams(float[] flat) {
        super.setParams(flat);
        java.util.Arrays.fill(pLow, 0);
    }

    @Override
    public float[] compensation() {
        return pLow.clone();
    }

    @Override
    public void restoreCompensation(float[] low) {
        if (low.length != pLow.length) throw new IllegalArgumentException("expected " + pLow.length + " low words, got " + low.length);
        System.arraycopy(low, 0, pLow, 0, pLow.length);
    }

    private double[] effective() {
        int m = k * d;
        if (depth == 0) {
            for (int j = 0; j < m; j++) w[j] = p[j];
        } else {
            for (int j = 0; j < m; j++) w[j] = Math.pow(p[j], depth) - Math.pow(p[m + j], depth);
        }
        return w;
    }

    private void scores(Dataset set, int i) {
        int off = i * d;
        float[] x = set.x();
        for (int c = 0; c < k; c++) {
            double s = 0;
            int wo = c * d;
            for (int j = 0; j < d; j++) s += w[wo + j] * x[off + j];
            f[c] = s;
        }
    }

    private int label(Dataset set, int i) {
        return set.classification() ? set.labels()[i] : -1;
    }

    private double target(Dataset set, int i) {
        return set.classification() ? 0 : set.targets()[i];
    }

    @Override
    public void gradient(int[] order, int from, int to) {
        effective();
        java.util.Arrays.fill(gw, 0);
        float[] x = data.x();
        for (int b = from; b < to; b++) {
            int i = order[b];
            scores(data, i);
            loss.lossAndDerivative(f, label(data, i), target(data, i), dldf);
            int off = i * d;
            for (int c = 0; c < k; c++) {
                double r = dldf[c];
                if (r == 0) continue;
                int wo = c * d;
                for (int j = 0; j < d; j++) gw[wo + j] += r * x[off + j];
            }
        }
        int m = k * d;
        if (depth == 0) {
            for (int j = 0; j < m; j++) g[j] = (float) gw[j];
        } else {
            // chain rule through w = u^D − v^D
            for (int j = 0; j < m; j++) {
                g[j] = (float) (gw[j] * depth * Math.pow(p[j], depth - 1));
                g[m + j] = (float) (-gw[j] * depth * Math.pow(p[m + j], depth - 1));
            }
        }
    }

    @Override
    public int step(MirrorMap map, float lr) {
        return map.stepCompensated(p, pLow, 0, g, 0, p.length, lr);
    }

    // a built-in rule takes the plain float32 step (ArrayModel): the low word stays 0 (it is 0 after setParams)

    @Override
    public double batchLoss(int[] order, int from, int to) {
        effective();
        double sum = 0;
        for (int b = from; b < to; b++) {
            int i = order[b];
            scores(data, i);
            sum += loss.lossAndDerivative(f, label(data, i), target(data, i), null);
        }
        return sum;
    }

    @Override
    public void mark() {
        super.mark();
        if (pLowMark == null) pLowMark = new float[p.length];
        System.arraycopy(pLow, 0, pLowMark, 0, p.length);
    }

    @Override
    public void reset() {
        super.reset();
        System.arraycopy(pLowMark, 0, pLow, 0, p.length); // the low word too: the retry starts from the same double iterate
    }

    @Override
    public void sgdStep(float lr) {
        super.sgdStep(lr);
        java.util.Arrays.fill(pLow, 0); // plain float32 SGD (the benchmarks' baseline): no compensation
    }

    @Override
    public Metrics evaluate(Dataset set) {
        effective();
        MetricsSum sum = new MetricsSum(set, loss, f.length);
        for (int i = 0; i < set.n(); i++) {
            scores(set, i);
            System.arraycopy(f, 0, sum.scores(), 0, f.length);
            sum.add(i);
        }
        return sum.metrics();
    }

    @Override
    public java.util.List<Layer> layers() {
        if (depth == 0) return java.util.List.of(new Layer("W", 0, p.length, true));
        int m = p.length / 2;
        return java.util.List.of(new Layer("u", 0, m, true), new Layer("v", m, m, true));
    }

    @Override
    public String coordinate(int i) {
        if (depth == 0) return k == 1 ? "w[" + i + "]" : "W[" + i / d + "," + i % d + "]";
        int m = k * d;
        return (i < m ? "u[" + i + "]" : "v[" + (i - m) + "]");
    }

    @Override
    protected double[] effectivePredictor() {
        return effective();
    }
}
