package org.bregman.train.model;

import java.nio.FloatBuffer;

/**
 * A model whose parameters are one direct float buffer ({@link DenseNetwork}'s own, {@link Dl4jModel}'s view of DL4J's
 * off-heap parameters): what sizes, copies, marks and resets them. Its heap counterpart is {@link ArrayModel}.
 */
abstract class DirectBufferModel extends Model {

    private float[] marked;

    /** The parameters, from position 0 (the buffer itself, not a copy: callers take a duplicate to move its position). */
    protected abstract FloatBuffer parameters();

    @Override
    public int size() {
        return parameters().capacity();
    }

    @Override
    public void setParams(float[] flat) {
        if (flat.length != size()) throw new IllegalArgumentException("expected " + size() + " parameters, got " + flat.length);
        parameters().duplicate().position(0).put(flat);
    }

    @Override
    public float[] params() {
        float[] out = new float[size()];
        parameters().duplicate().position(0).get(out);
        return out;
    }

    @Override
    public void mark() {
        if (marked == null) marked = new float[size()];
        parameters().duplicate().position(0).get(marked);
    }

    @Override
    public void reset() {
        parameters().duplicate().position(0).put(marked);
    }
}
