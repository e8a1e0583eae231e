package org.bregman.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The descriptive half of a live compiled {@link MirrorMap} (name, parameters, domains, {@code toString}) from the
 * values its generated subclass passes in, and the argument checks its steps throw from. The generated class keeps
 * ψ, ψ', ψ'', the inverse, the divergences and the steps, so the hot calls stay monomorphic in it; this half is not
 * compiled again for every potential (a smaller source: less Janino, less class definition).
 */
public abstract class GeneratedMirrorMap implements MirrorMap, NewtonBisection.Derivatives {

    private final String name;
    private final String[] parameterNames;
    private final double[] values;
    private final Interval domain;
    private final Interval dualDomain;
    private final boolean inverseIsClosedForm;

    protected GeneratedMirrorMap(String name, String[] parameterNames, double[] values, Interval domain, Interval dualDomain,
            boolean inverseIsClosedForm) {
        this.name = name;
        this.parameterNames = parameterNames.clone();
        this.values = values.clone();
        this.domain = domain;
        this.dualDomain = dualDomain;
        this.inverseIsClosedForm = inverseIsClosedForm;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) m.put(parameterNames[i], values[i]);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public final boolean inverseIsClosedForm() {
        return inverseIsClosedForm;
    }

    @Override
    public final Interval domain() {
        return domain;
    }

    @Override
    public final Interval dualDomain() {
        return dualDomain;
    }

    @Override
    public final String toString() {
        return name + parameters() + " (compiled)";
    }

    /** The range check of {@code step(w, wOffset, g, gOffset, n, lr)}. */
    protected static void checkStep(float[] w, int wOffset, float[] g, int gOffset, int n) {
        if ((wOffset | gOffset | n) < 0 || n > w.length - wOffset || n > g.length - gOffset) {
            throw new IndexOutOfBoundsException("range of " + n + " from " + wOffset + " / " + gOffset + " out of bounds for lengths "
                    + w.length + " / " + g.length);
        }
    }

    /** The length check of {@code step(FloatBuffer w, FloatBuffer g, lr)}: g has at least {@code n} elements left. */
    protected static void checkRemaining(int gRemaining, int n) {
        if (gRemaining < n) {
            throw new IllegalArgumentException("g has " + gRemaining + " elements left, w has " + n);
        }
    }

    /** The length check of {@code bregman(float[] w, float[] v)}. */
    protected static void checkSameLength(float[] w, float[] v) {
        if (w.length != v.length) {
            throw new IllegalArgumentException("w and v differ in length: " + w.length + " vs " + v.length);
        }
    }
}
