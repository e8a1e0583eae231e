package org.bregman.codegen;

import java.util.Map;

import org.bregman.runtime.Interval;
import org.bregman.runtime.MirrorMap;

/**
 * A mirror map whose formulas (ψ, ψ', ψ'', the inverse, D, the domains) are those of another one: wrappers that
 * change only how or when steps run ({@link ParallelMirrorMap}, {@link InterpretedTimeVaryingMirrorMap}).
 */
interface ForwardingMirrorMap extends MirrorMap {

    /** The map the formulas come from. */
    MirrorMap delegate();

    @Override default String name() { return delegate().name(); }

    @Override default Map<String, Double> parameters() { return delegate().parameters(); }

    @Override default double psi(double w) { return delegate().psi(w); }

    @Override default double grad(double w) { return delegate().grad(w); }

    @Override default double hessian(double w) { return delegate().hessian(w); }

    @Override default double inverse(double z) { return delegate().inverse(z); }

    @Override default double bregman(double w, double v) { return delegate().bregman(w, v); }

    @Override default double bregman(float[] w, float[] v) { return delegate().bregman(w, v); }

    @Override default boolean inverseIsClosedForm() { return delegate().inverseIsClosedForm(); }

    @Override default Interval domain() { return delegate().domain(); }

    @Override default Interval dualDomain() { return delegate().dualDomain(); }
}
