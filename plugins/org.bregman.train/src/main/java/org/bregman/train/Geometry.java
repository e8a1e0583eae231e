package org.bregman.train;

import org.bregman.runtime.MirrorMap;

/**
 * The norm a mirror measures margins with (seeds 002 and 003): ℓq for a homogeneous potential ψ = c·|w|^q (gradient
 * descent: q = 2), the ψ-margin of Sun et al.; for a potential that is not homogeneous, the ℓq norm of its horizon
 * function (seed 002: the homogeneous function ψ tends to at large |w|), with q its asymptotic degree
 * log₂(ψ(2W)/ψ(W)) at W = 10⁶ — 2 for a smoothed ℓ2 potential, just above 1 for the hyperbolic entropy (whose horizon
 * is ℓ1 up to a logarithm); update rules and potentials undefined at ±10⁶ get ℓ2. The normalised margin of a model
 * homogeneous of degree L in its parameters θ is min_i ỹ_i f(x_i) / ‖θ‖_q^L.
 *
 * @param q the norm's exponent
 * @param how how q was found, for the report
 * @param homogeneous whether ψ itself is c·|w|^q (then a max-margin reference of this geometry exists)
 */
public record Geometry(double q, String how, boolean homogeneous) {

    /** Where the asymptotic degree of a non-homogeneous ψ is read. */
    static final double HORIZON = 1e6;

    public static Geometry of(MirrorSpec m) {
        if (!m.isMirror()) return new Geometry(2, "ℓ2 (update rule: no potential)", false);
        try {
            return ofPotential(m);
        } catch (UnsupportedOperationException e) {
            return new Geometry(2, "ℓ2 (a potential per layer: no single ψ)", false); // a layer-wise mirror
        }
    }

    private static Geometry ofPotential(MirrorSpec m) {
        if (!m.map().separable()) return new Geometry(2, "ℓ2 (a non-separable ψ: no per-coordinate geometry)", false);
        Double q = homogeneousDegree(m.map());
        if (q != null) return new Geometry(q, "ℓ" + Num.format(q) + " (ψ = c·|w|^" + Num.format(q) + ")", true);
        double asymptotic = asymptoticDegree(m.map());
        if (Double.isNaN(asymptotic)) return new Geometry(2, "ℓ2 (ψ has no horizon degree: undefined or not growing at ±1e6)", false);
        double rounded = Math.rint(asymptotic * 100) / 100;
        return new Geometry(rounded, "ℓ" + Num.format(rounded) + " (horizon of ψ: log₂ ψ(2W)/ψ(W) at W = 1e6)", false);
    }

    /**
     * q when ψ(w) = c·|w|^q with c > 0 and q > 1 (checked at w = ±0.5, ±1, ±2, ±3 to 1e-9), else {@code null}: the
     * homogeneous potentials, whose max-margin geometry is ℓq.
     */
    public static Double homogeneousDegree(MirrorMap map) {
        if (!map.separable()) return null; // ψ = c·|w|^q coordinate-wise only (a non-separable ψ has no per-coordinate ψ)
        double one = map.psi(1) - map.psi(0);
        if (!(one > 0) || !Double.isFinite(map.psi(0)) || Math.abs(map.psi(0)) > 1e-12) return null;
        double q = Math.log(map.psi(2) / one) / Math.log(2);
        if (!(q > 1) || !Double.isFinite(q)) return null;
        for (double w : new double[] {0.5, 2, 3}) {
            double expected = one * Math.pow(w, q);
            if (Math.abs(map.psi(w) - expected) > 1e-9 * expected || Math.abs(map.psi(-w) - expected) > 1e-9 * expected) return null;
        }
        if (Math.abs(map.psi(-1) - one) > 1e-9 * one) return null;
        double rounded = Math.rint(q * 1e6) / 1e6; // log ratios carry rounding: q = 3 prints as 3
        return Math.abs(rounded - q) < 1e-9 ? rounded : q;
    }

    /** log₂(ψ(2W)/ψ(W)) at W = ±10⁶ (the smaller of the two sides where both are defined), NaN where ψ is not positive and finite there. */
    static double asymptoticDegree(MirrorMap map) {
        double best = Double.NaN;
        for (double s : new double[] {1, -1}) {
            if (!map.domain().contains(s * HORIZON) || !map.domain().contains(2 * s * HORIZON)) continue;
            double a = map.psi(s * HORIZON), b = map.psi(2 * s * HORIZON); // at 1e6 the constants of ψ no longer matter
            if (!(a > 0) || !(b > a) || !Double.isFinite(b)) continue;
            double q = Math.log(b / a) / Math.log(2);
            best = Double.isNaN(best) ? q : Math.min(best, q);
        }
        return best >= 1 ? best : Double.NaN;
    }

    /** ‖θ‖_q over the optimised coordinates ({@code optimised == null}: all), in double. */
    public double norm(float[] theta, boolean[] optimised) {
        double max = 0;
        for (int j = 0; j < theta.length; j++) if (optimised == null || optimised[j]) max = Math.max(max, Math.abs(theta[j]));
        if (max == 0) return 0;
        double s = 0;
        for (int j = 0; j < theta.length; j++) if (optimised == null || optimised[j]) s += Math.pow(Math.abs(theta[j]) / max, q);
        return max * Math.pow(s, 1 / q);
    }

    /** min_i ỹ_i f(x_i) / ‖θ‖_q^L; NaN when the model is not homogeneous ({@code degree <= 0}) or θ = 0. */
    public double normalise(double margin, float[] theta, boolean[] optimised, int degree) {
        if (degree <= 0) return Double.NaN;
        double n = norm(theta, optimised);
        return n > 0 ? margin / Math.pow(n, degree) : Double.NaN;
    }
}
