package org.bregman.train.model;

import org.bregman.train.data.Dataset;

/**
 * A model computed in plain Java on its own float32 parameter and gradient arrays ({@link LinearModel},
 * {@link FactorizationModel}): what holds the parameters, marks and resets them and takes plain float32 steps on them.
 * Its effective linear predictor is computed in double from the parameters.
 */
abstract class ArrayModel extends Model {

    protected final Dataset data;
    protected final Loss loss;
    protected final float[] p;
    protected final float[] g;
    private float[] marked;

    ArrayModel(Dataset data, Loss loss, int size) {
        this.data = data;
        this.loss = loss;
        this.p = new float[size];
        this.g = new float[size];
    }

    /** The effective predictor at the current parameters, in double (recomputed by this call). */
    protected abstract double[] effectivePredictor();

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

    @Override
    public int step(org.bregman.runtime.rules.UpdateRule.Step rule, float lr) {
        return rule.step(p, g, p.length, lr);
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
    public float[] predictor() {
        double[] w = effectivePredictor();
        float[] out = new float[w.length];
        for (int j = 0; j < w.length; j++) out[j] = (float) w[j];
        return out;
    }
}
