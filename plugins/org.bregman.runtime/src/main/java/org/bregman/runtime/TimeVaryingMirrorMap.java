package org.bregman.runtime;

/**
 * A time-varying potential Ψ_t(w) = Σ_j ψ(w_j; t), written {@code psi(w; t) = …}. Its {@link MirrorMap}
 * methods are those of ψ at t = 0, where every run starts. One step from time t_k to time t_{k+1} is
 * {@code z = ψ'(w; t_k) − lr·g}, {@code w ← (ψ'(·; t_{k+1}))⁻¹(z)}: the {@link MirrorMap} that
 * {@link #between} returns does it with every step method ({@code step}, {@code stepCompensated}).
 *
 * <p>The trainer's time is the sum of the learning rates of the steps taken (η·k at a fixed rate η):
 * the time of the gradient flow that the steps discretise.
 */
public interface TimeVaryingMirrorMap extends MirrorMap {

    /** The name of the time variable as written, e.g. {@code t}. */
    String time();

    /**
     * The step from time {@code from} to time {@code to}: its {@code psi}, {@code grad} and {@code hessian}
     * are ψ(·; from) (where the step starts), its {@code inverse} is (ψ'(·; to))⁻¹ (where it lands), and its
     * step methods combine the two. Its dual domain is all reals (the dual domain may move with t): a step
     * fails when the new weight is not finite.
     */
    MirrorMap between(double from, double to);

    /** ψ(·; t) as a mirror map fixed in time: {@code between(t, t)}. */
    default MirrorMap at(double t) {
        return between(t, t);
    }
}
