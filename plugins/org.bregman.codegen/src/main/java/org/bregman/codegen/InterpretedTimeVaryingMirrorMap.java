package org.bregman.codegen;

import java.nio.FloatBuffer;
import java.util.Map;
import org.bregman.runtime.Interval;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.TimeVaryingMirrorMap;

/**
 * The interpreter of a time-varying potential: ψ at t = 0 for the {@link MirrorMap} methods, and each step between
 * two times an {@link InterpretedMirrorMap} over the step forms with the two times as its parameters, as the compiled
 * class's {@code Between} (the same trees, so the same bits).
 */
final class InterpretedTimeVaryingMirrorMap implements TimeVaryingMirrorMap {

    private final KernelSpec spec;
    private final InterpretedMirrorMap atStart;

    InterpretedTimeVaryingMirrorMap(KernelSpec spec) {
        if (!spec.isTimeVarying()) throw new IllegalArgumentException(spec.name() + " is not time-varying");
        this.spec = spec;
        this.atStart = new InterpretedMirrorMap(spec);
    }

    @Override public String time() { return spec.time(); }

    @Override public MirrorMap between(double from, double to) { return InterpretedMirrorMap.between(spec, from, to); }

    @Override public String name() { return atStart.name(); }

    @Override public Map<String, Double> parameters() { return atStart.parameters(); }

    @Override public double psi(double w) { return atStart.psi(w); }

    @Override public double grad(double w) { return atStart.grad(w); }

    @Override public double hessian(double w) { return atStart.hessian(w); }

    @Override public double inverse(double z) { return atStart.inverse(z); }

    @Override public double bregman(double w, double v) { return atStart.bregman(w, v); }

    @Override public double bregman(float[] w, float[] v) { return atStart.bregman(w, v); }

    @Override public boolean inverseIsClosedForm() { return atStart.inverseIsClosedForm(); }

    @Override public Interval domain() { return atStart.domain(); }

    @Override public Interval dualDomain() { return atStart.dualDomain(); }

    @Override
    public int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr) {
        return atStart.step(w, wOffset, g, gOffset, n, lr);
    }

    @Override
    public int step(FloatBuffer w, FloatBuffer g, float lr) {
        return atStart.step(w, g, lr);
    }

    @Override
    public String toString() {
        return atStart + ", time-varying in " + spec.time();
    }
}
