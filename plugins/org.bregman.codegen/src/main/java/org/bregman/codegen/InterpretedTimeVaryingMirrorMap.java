package org.bregman.codegen;

import java.nio.FloatBuffer;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.TimeVaryingMirrorMap;

/**
 * The interpreter of a time-varying potential: ψ at t = 0 for the {@link MirrorMap} methods, and each step between
 * two times an {@link InterpretedMirrorMap} over the step forms with the two times as its parameters, as the compiled
 * class's {@code Between} (the same trees, so the same bits).
 */
final class InterpretedTimeVaryingMirrorMap implements TimeVaryingMirrorMap, ForwardingMirrorMap {

    private final KernelSpec spec;
    private final InterpretedMirrorMap atStart;

    InterpretedTimeVaryingMirrorMap(KernelSpec spec) {
        if (!spec.isTimeVarying()) throw new IllegalArgumentException(spec.name() + " is not time-varying");
        this.spec = spec;
        this.atStart = new InterpretedMirrorMap(spec);
    }

    @Override public String time() { return spec.time(); }

    @Override public MirrorMap between(double from, double to) { return InterpretedMirrorMap.between(spec, from, to); }

    /** ψ at t = 0. */
    @Override public MirrorMap delegate() { return atStart; }

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
