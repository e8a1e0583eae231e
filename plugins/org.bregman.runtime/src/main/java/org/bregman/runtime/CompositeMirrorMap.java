package org.bregman.runtime;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * A non-separable potential Ψ(w) = F(S), S = Σ_j g(w_j), from two compiled one-variable maps: {@code inner}
 * (its ψ, ψ', ψ'' and inverse are g, g', g'' and (g')⁻¹) and {@code outer} (its ψ, ψ', ψ'' are F, F', F''
 * of S). Every vector method acts on the whole vector: ∇Ψ(w)_j = F'(S)·g'(w_j), and the inverse reduces to
 * one scalar equation in the new sum S':
 * <ul>
 * <li>g = k|w|^r (homogeneous, r &gt; 1): with p = r/(r − 1), S'·F'(S')^p = K·Σ_j |z_j|^p, K = k(kr)^(−p);
 * in closed form when F = c·S^α (S' = (K Σ|z_j|^p / (cα)^p)^(1 / (1 + (α − 1)p)); for ½‖w‖_q² this is the
 * map of ½‖z‖_p²), otherwise by {@link NewtonBisection} on the increasing S·F'(S)^p;
 * <li>any other g: S' = Σ_j g((g')⁻¹(z_j / F'(S'))) by bisection on the increasing S − Σ_j g(…) (F convex);
 * </ul>
 * then w_j = (g')⁻¹(z_j / F'(S')). The scalar methods ({@link #psi(double)} …) are Ψ of the
 * one-coordinate vector (w), F(g(w)). Immutable and thread-safe (Java 8: exported jars use it), except a
 * {@link #stepper()}, which belongs to one parameter vector.
 */
public final class CompositeMirrorMap implements MirrorMap {

    private final String name;
    private final Map<String, Double> parameters;
    private final MirrorMap inner, outer;
    private final double degree, power, k, c;
    private final Interval sums, dual;
    private final NewtonBisection sumSolver;
    private final PowerSum powers;
    private final CompositePasses passes;
    // a stepper's carry: S of the vector (w, offset, n) its last successful step wrote (NaN: none)
    private final boolean carries;
    private double carried = Double.NaN;
    private float[] carriedFor;
    private int carriedOffset, carriedLength;

    /**
     * @param inner  g as a one-variable map (its step is the coordinate pass of {@link #step})
     * @param outer  F over S as a one-variable map (psi, grad, hessian only)
     * @param degree r when g = k|w|^r, NaN otherwise
     * @param power  α when F = c·S^α, NaN otherwise
     * @param sums   where S lies (the domain of F)
     * @param dual   the dual domain, per coordinate
     */
    public CompositeMirrorMap(String name, Map<String, Double> parameters, MirrorMap inner, MirrorMap outer, double degree,
            double power, Interval sums, Interval dual) {
        this(name, parameters, inner, outer, degree, power, sums, dual, null, false);
    }

    /** {@code passes}: the fused passes of the float32 step, or null; {@code carries}: a {@link #stepper()}. */
    private CompositeMirrorMap(String name, Map<String, Double> parameters, MirrorMap inner, MirrorMap outer, double degree,
            double power, Interval sums, Interval dual, CompositePasses passes, boolean carries) {
        this.name = name;
        this.parameters = parameters;
        // g = k|w|^r (degree r, k = g(1)) and F = c·S^α (power α, c = F(1)) where they are
        this.inner = inner;
        this.degree = degree;
        this.k = inner.psi(1);
        this.powers = degree == degree ? new PowerSum(degree) : null;
        this.outer = outer;
        this.power = power;
        this.c = outer.psi(1);
        this.sums = sums;
        this.dual = dual;
        final double p = dualExponent();
        this.sumSolver = degree == degree && power != power ? new NewtonBisection(new NewtonBisection.Derivatives() {
            public double grad(double s) { // S·F'(S)^p, increasing where Ψ is strictly convex
                return s * Math.pow(outer.grad(s), p);
            }

            public double hessian(double s) {
                double a = outer.grad(s);
                return Math.pow(a, p) + p * s * Math.pow(a, p - 1) * outer.hessian(s);
            }
        }, sums, null) : null;
        this.passes = passes;
        this.carries = carries;
    }

    /** This potential with these passes; {@code carries}: a {@link #stepper()}. */
    private CompositeMirrorMap with(CompositePasses passes, boolean carries) {
        return new CompositeMirrorMap(name, parameters, inner, outer, degree, power, sums, dual, passes, carries);
    }

    /**
     * The same potential whose float32 step runs the two fused passes of {@code passes} (g homogeneous), instead of
     * four passes around g's coordinate kernel ({@code null}: the four passes).
     */
    public CompositeMirrorMap withPasses(CompositePasses passes) {
        if (passes != null && degree != degree) throw new IllegalArgumentException(name + ": fused passes need a homogeneous g = k|w|^r");
        return with(passes, false);
    }

    /** The fused passes of the float32 step, or null (four passes). */
    public CompositePasses passes() { return passes; }

    /**
     * A stepper (see {@link MirrorMap#stepper()}): each successful fused step keeps S of the weights it wrote, with
     * the array, offset and length it wrote them to, and the next step on the same range starts from it instead of a
     * reduction pass. The kept S is the fused reduction of those weights bit for bit (see {@link CompositePasses}),
     * so a stepper's steps equal this map's. Any other step through it, a failed step or {@link #forget()} drops it.
     */
    public MirrorMap stepper() {
        return passes == null ? this : with(passes, true);
    }

    public void forget() {
        if (!carries) return;
        carried = Double.NaN;
        carriedFor = null;
    }

    /** p = r / (r − 1) for a homogeneous g, NaN otherwise. */
    public double dualExponent() {
        return degree / (degree - 1);
    }

    public boolean separable() {
        return false;
    }

    public String name() { return name; }

    public Map<String, Double> parameters() { return parameters; }

    /** g as a one-variable map. */
    public MirrorMap inner() { return inner; }

    /** F of S as a one-variable map. */
    public MirrorMap outer() { return outer; }

    /** S = Σ_j g(w_j), accumulated in double. */
    public double sum(double[] w) {
        double s = 0;
        for (double x : w) s += inner.psi(x);
        return s;
    }

    public double psi(double[] w) {
        return outer.psi(sum(w));
    }

    public void grad(double[] w, double[] out) {
        double a = outer.grad(sum(w));
        for (int j = 0; j < w.length; j++) out[j] = scaled(a, inner.grad(w[j]));
    }

    /** F'(S)·g'(w_j), with 0 where g'(w_j) = 0 (F' may be infinite at S = 0, where every g' is 0). */
    private static double scaled(double a, double gw) {
        return gw == 0 ? 0 : a * gw;
    }

    public void inverse(double[] z, double[] out) {
        double s = newSum(z);
        double a = outer.grad(s);
        for (int j = 0; j < z.length; j++) {
            out[j] = !dual.contains(z[j]) || s != s ? Double.NaN : z[j] == 0 ? inner.inverse(0) : inner.inverse(z[j] / a);
        }
    }

    /** The scalar equation: the sum S' of the point whose gradient is z. */
    private double newSum(double[] z) {
        if (degree == degree) {
            double p = dualExponent(), t = 0;
            for (double x : z) t += Math.pow(Math.abs(x), p);
            return sumFor(k * Math.pow(k * degree, -p) * t);
        }
        return new NewtonBisection(new NewtonBisection.Derivatives() {
            public double grad(double s) {
                double a = outer.grad(s), r = 0;
                for (double x : z) r += inner.psi(inner.inverse(x / a));
                return s - r;
            }

            public double hessian(double s) {
                throw new UnsupportedOperationException("bisection only");
            }
        }, false, sums, null).solve(0);
    }

    /** S with S·F'(S)^p = u (g homogeneous). */
    private double sumFor(double u) {
        if (u == 0) return 0;
        if (power == power) {
            double p = dualExponent();
            return Math.pow(u / Math.pow(c * power, p), 1 / (1 + (power - 1) * p));
        }
        return sumSolver.solve(u);
    }

    public double psi(double w) { return outer.psi(inner.psi(w)); }

    public double grad(double w) { return scaled(outer.grad(inner.psi(w)), inner.grad(w)); }

    public double hessian(double w) {
        double s = inner.psi(w), gw = inner.grad(w);
        return outer.hessian(s) * gw * gw + outer.grad(s) * inner.hessian(w);
    }

    public double inverse(double z) {
        double[] out = new double[1];
        inverse(new double[] {z}, out);
        return out[0];
    }

    public double bregman(double w, double v) {
        return bregman(new double[] {w}, new double[] {v});
    }

    /** D_Ψ(w, v) = F(S_w) − F(S_v) − F'(S_v)·Σ_j g'(v_j)(w_j − v_j). */
    public double bregman(double[] w, double[] v) {
        double sv = sum(v), a = outer.grad(sv), lin = 0;
        for (int j = 0; j < w.length; j++) lin += scaled(a, inner.grad(v[j])) * (w[j] - v[j]);
        return outer.psi(sum(w)) - outer.psi(sv) - lin;
    }

    public double bregman(float[] w, float[] v) {
        return bregman(toDouble(w, 0, w.length), toDouble(v, 0, v.length));
    }

    public boolean inverseIsClosedForm() {
        return degree == degree && power == power && inner.inverseIsClosedForm();
    }

    public Interval domain() { return inner.domain(); }

    public Interval dualDomain() { return dual; }

    /**
     * The step on the whole range at once. For g = k|w|^r in float32: with fused passes ({@link #withPasses}), the
     * reduction S = Σ g(w_j) (none when a stepper carries it), pass A y_j = g'(w_j) − lr·g_j / F'(S) with the dual sum
     * Σ|y_j|^p, the scalar equation S'·F'(S')^p = K·F'(S)^p·Σ|y_j|^p, and pass B w_j = (g')⁻¹(y_j·F'(S)/F'(S')) with
     * the next S. Without them in four passes: S; the compiled coordinate step of g with rate lr / F'(S),
     * w̃_j = (g')⁻¹(g'(w_j) − lr·g_j / F'(S)); S̃ = Σ g(w̃_j); w_j = λ·w̃_j with λ = (F'(S) / F'(S'))^(1/(r−1)) and
     * S' from F'(S)^p·S̃ (homogeneity: (g')⁻¹(λy) = λ^(1/(r−1))·(g')⁻¹(y)). Otherwise in double ({@link #stepDouble}).
     */
    public int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr) {
        MirrorMap.checkRange(wOffset, n, w.length);
        MirrorMap.checkRange(gOffset, n, g.length);
        boolean carry = carries && carriedFor == w && carriedOffset == wOffset && carriedLength == n && carried == carried;
        double s = carried;
        if (carries) forget(); // kept again only by a successful fused step (the map itself is never written)
        if (degree != degree) return stepDouble(w, null, wOffset, g, gOffset, n, lr);
        if (passes != null) return fusedStep(w, wOffset, g, gOffset, n, lr, carry ? s : k * passes.powerSum(w, wOffset, n));
        s = k * powers.sum(w, wOffset, n);
        double a = outer.grad(s);
        if (!(a > 0 && a < Double.POSITIVE_INFINITY)) return stepDouble(w, null, wOffset, g, gOffset, n, lr);
        int bad = inner.step(w, wOffset, g, gOffset, n, (float) (lr / a));
        double st = k * powers.sum(w, wOffset, n);
        double a1 = outer.grad(sumFor(Math.pow(a, dualExponent()) * st));
        float lambda = (float) Math.pow(a / a1, 1 / (degree - 1));
        // every |w̃_j| ≤ (S̃/k)^(1/r): below that bound the scaled weights cannot overflow, and the loop has no branch
        boolean safe = lambda * Math.pow(st / k, 1 / degree) <= Float.MAX_VALUE;
        for (int i = 0; i < n; i++) w[wOffset + i] *= lambda;
        if (!safe) {
            for (int i = 0; i < n && bad < 0; i++) if (!(Math.abs(w[wOffset + i]) <= Float.MAX_VALUE)) bad = i;
        }
        return bad;
    }

    /** Passes A and B from S; a stepper keeps the S of the weights pass B wrote. */
    private int fusedStep(float[] w, int wOffset, float[] g, int gOffset, int n, float lr, double s) {
        double a = outer.grad(s);
        if (!(a > 0 && a < Double.POSITIVE_INFINITY)) return stepDouble(w, null, wOffset, g, gOffset, n, lr);
        int[] bad = {-1};
        double dualSum = passes.dualPass(w, wOffset, g, gOffset, n, (float) (lr / a), bad);
        if (bad[0] >= 0) return bad[0];
        double next = k * passes.primalPass(w, wOffset, n, mu(a, dualSum), bad);
        if (carries && bad[0] < 0) {
            carried = next;
            carriedFor = w;
            carriedOffset = wOffset;
            carriedLength = n;
        }
        return bad[0];
    }

    public int stepCompensated(float[] w, float[] wLow, int wOffset, float[] g, int gOffset, int n, float lr) {
        forget();
        MirrorMap.checkRange(wOffset, n, wLow.length);
        return stepDouble(w, wLow, wOffset, g, gOffset, n, lr);
    }

    /** z = ∇Ψ(w) − lr·g and w = (∇Ψ)⁻¹(z) in double; {@code wLow} (or null) holds the low words. */
    private int stepDouble(float[] w, float[] wLow, int wOffset, float[] g, int gOffset, int n, float lr) {
        MirrorMap.checkRange(wOffset, n, w.length);
        MirrorMap.checkRange(gOffset, n, g.length);
        double[] v = toDouble(w, wOffset, n), z = new double[n];
        if (wLow != null) for (int i = 0; i < n; i++) v[i] += wLow[wOffset + i];
        grad(v, z);
        for (int i = 0; i < n; i++) z[i] -= (double) lr * g[gOffset + i];
        inverse(z, v);
        int bad = -1;
        for (int i = 0; i < n; i++) {
            float hi = (float) v[i];
            w[wOffset + i] = hi;
            if (wLow != null) wLow[wOffset + i] = (float) (v[i] - hi);
            boolean ok = Math.abs(hi) <= Float.MAX_VALUE && Math.abs(z[i]) <= Double.MAX_VALUE && dual.contains(z[i]);
            if (!ok && bad < 0) bad = i;
        }
        return bad;
    }

    /** μ = F'(S)/F'(S'), S' from the scalar equation S'·F'(S')^p = K·F'(S)^p·Σ|y_j|^p (z = F'(S)·y). */
    private double mu(double a, double dualSum) {
        double p = dualExponent();
        // every y_j = 0 is the point 0 ((g')⁻¹(0) = 0), where F' may be 0 or infinite
        return dualSum == 0 ? 0 : a / outer.grad(sumFor(k * Math.pow(k * degree, -p) * Math.pow(a, p) * dualSum));
    }

    /**
     * Direct buffers in native order (off-heap parameter views) with fused passes: the reduction and passes A and B
     * on the buffers (nothing carried: views are duplicated per step). Otherwise copies into arrays and back.
     */
    public int step(FloatBuffer w, FloatBuffer g, float lr) {
        int n = w.remaining();
        forget();
        if (passes != null && native32(w) && native32(g) && !w.isReadOnly() && g.remaining() >= n) {
            double a = outer.grad(k * passes.powerSum(w));
            if (a > 0 && a < Double.POSITIVE_INFINITY) {
                int[] bad = {-1};
                double dualSum = passes.dualPass(w, g, (float) (lr / a), bad);
                if (bad[0] < 0) passes.primalPass(w, mu(a, dualSum), bad);
                return bad[0];
            }
        }
        float[] wa = new float[n], ga = new float[n];
        w.duplicate().get(wa);
        g.duplicate().get(ga, 0, Math.min(n, g.remaining()));
        int bad = step(wa, 0, ga, 0, n, lr);
        forget(); // the copy is gone after this call: nothing to carry
        w.duplicate().put(wa);
        return bad;
    }

    private static boolean native32(FloatBuffer b) {
        return b.isDirect() && b.order() == ByteOrder.nativeOrder();
    }

    private static double[] toDouble(float[] a, int offset, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = a[offset + i];
        return d;
    }
}
