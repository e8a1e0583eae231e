package org.bregman.codegen;

import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bregman.codegen.ir.Node;
import org.bregman.runtime.Interval;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.NewtonBisection;

/**
 * A {@link MirrorMap} that walks the same lowered trees the generator prints, performing the same
 * operations in the same order and precision (double for the scalar methods, float for the step), so
 * it agrees with the compiled class bit for bit. It takes over when compilation fails; it is some
 * 10–100× slower.
 */
public final class InterpretedMirrorMap implements MirrorMap, NewtonBisection.Derivatives {

    private final String name;
    private final Map<String, Double> parameters;
    private final Forms f;
    private final Interval domain;
    private final Interval dual;
    private final NewtonBisection solver;
    private final boolean checkDual;
    /** The values of the forms' {@link Node.Param}s (a time-varying step's start and end times), else empty. */
    private final double[] p;

    public InterpretedMirrorMap(KernelSpec spec) {
        this(spec.name(), values(spec, null), spec.bound(), NO_PARAMS);
    }

    /** A time-varying potential's step from time {@code from} to {@code to} (forms {@link KernelSpec#step()}). */
    static InterpretedMirrorMap between(KernelSpec spec, double from, double to) {
        return new InterpretedMirrorMap(spec.name(), values(spec, from), spec.step(), new double[] {from, to});
    }

    private InterpretedMirrorMap(String name, Map<String, Double> parameters, Forms f, double[] p) {
        this.name = name;
        this.parameters = parameters;
        this.f = f;
        this.p = p;
        if (!f.domain().isNumeric() || !f.dual().isNumeric()) throw new IllegalArgumentException("bound forms need numeric domains");
        this.domain = new Interval(f.domain().lowerValue(), f.domain().lowerClosed(), f.domain().upperValue(), f.domain().upperClosed());
        this.dual = new Interval(f.dual().lowerValue(), f.dual().lowerClosed(), f.dual().upperValue(), f.dual().upperClosed());
        this.checkDual = !f.dual().isAllReals();
        // a step's numeric inverse solves at the end time: the derivatives of the step that starts there
        NewtonBisection.Derivatives landing = p.length == 2 && p[0] != p[1] ? new InterpretedMirrorMap(name, parameters, f, new double[] {p[1], p[1]}) : this;
        this.solver = new NewtonBisection(landing, domain, checkDual ? dual : null);
    }

    /** The kernel's parameter values, the time (the last one) set to {@code time} when that is not null. */
    private static Map<String, Double> values(KernelSpec spec, Double time) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < spec.parameterNames().size(); i++) m.put(spec.parameterNames().get(i), spec.values().get(i));
        if (time != null) m.put(spec.time(), time);
        return Collections.unmodifiableMap(m);
    }

    // ---- tree walking -----------------------------------------------------------------------------

    private static final double[] NO_PARAMS = {};

    static double eval(Node n, double x) {
        return eval(n, x, NO_PARAMS, false);
    }

    static float evalF(Node n, float x) {
        return evalF(n, x, NO_PARAMS);
    }

    /** Parameter k is {@code p[k]} (as the compiled class's fields {@code p0, p1, …}). */
    static double eval(Node n, double x, double[] p) {
        return eval(n, x, p, false);
    }

    static float evalF(Node n, float x, double[] p) {
        return (float) eval(n, x, p, true);
    }

    /**
     * One walk for both precisions: {@code inFloat} rounds every node's value to float, which is what float32 code
     * computes (a float operation equals the double one rounded, {@link Node.Op#apply(float, float)}, {@code Fn.apply(float)}).
     */
    private static double eval(Node n, double x, double[] p, boolean inFloat) {
        double v = switch (n) {
            case Node.Num c -> c.value();
            case Node.X v0 -> x;
            case Node.Param q -> param(p, q);
            case Node.Neg g -> -eval(g.a(), x, p, inFloat);
            case Node.Bin b -> b.op().apply(eval(b.a(), x, p, inFloat), eval(b.b(), x, p, inFloat));
            case Node.Call c -> c.f().arity() == 1 ? c.f().apply(eval(c.arg(), x, p, inFloat))
                    : c.f().apply(eval(c.args().get(0), x, p, inFloat), eval(c.args().get(1), x, p, inFloat));
        };
        return inFloat ? (float) v : v;
    }

    private static double param(double[] p, Node.Param q) {
        if (q.index() >= p.length) throw new IllegalStateException("unbound parameter in a specialised form");
        return p[q.index()];
    }

    // ---- MirrorMap -----------------------------------------------------------------------------------

    @Override public String name() { return name; }

    @Override public Map<String, Double> parameters() { return parameters; }

    @Override public double psi(double w) { return eval(f.psi(), w, p); }

    @Override public double grad(double w) { return eval(f.grad(), w, p); }

    @Override public double hessian(double w) { return eval(f.hessian(), w, p); }

    @Override
    public double inverse(double z) {
        return f.inverse() != null ? domain.inside(eval(f.inverse(), z, p)) : solver.solve(z);
    }

    @Override
    public double bregman(double w, double v) {
        return psi(w) - psi(v) - grad(v) * (w - v);
    }

    @Override
    public double bregman(float[] w, float[] v) {
        if (w.length != v.length) throw new IllegalArgumentException("w and v differ in length: " + w.length + " vs " + v.length);
        double s = 0;
        for (int i = 0; i < w.length; i++) s += bregman((double) w[i], (double) v[i]);
        return s;
    }

    @Override public boolean inverseIsClosedForm() { return f.inverse() != null; }

    @Override public Interval domain() { return domain; }

    @Override public Interval dualDomain() { return dual; }

    /** The dual value ψ'(x) − lr·g, or for a fused step the shift lr·g alone. */
    private float dualOrShift(float x, float g, float lr) {
        return f.fused() ? lr * g : evalF(f.grad(), x, p) - lr * g;
    }

    /** One coordinate's step from x, as the compiled class computes it (a fused step in double, rounded once). */
    private float stepped(float x, float z) {
        if (f.fused()) return (float) eval(f.fusedStep(), x, shiftAndParameters(z));
        return f.inverse() != null ? evalF(f.inverse(), z, p) : (float) solver.solve((double) z);
    }

    /** A fused step's Params: 0 the shift, k the form's parameter k − 1 (Forms#fusedStep). */
    private double[] shiftAndParameters(double z) {
        double[] a = new double[p.length + 1];
        a[0] = z;
        System.arraycopy(p, 0, a, 1, p.length);
        return a;
    }

    /** The compiled class's check: a finite result and z; z in the dual domain, or for a fused step x in the domain. */
    private boolean ok(float x, float z, float r) {
        // an infinite dual value is never in the dual domain, even when that is all reals
        boolean finite = Math.abs(r) <= Float.MAX_VALUE && Math.abs(z) <= Float.MAX_VALUE;
        if (f.fused()) return finite && (f.domain().isAllReals() || domain.contains(x));
        return finite && (!checkDual || dual.contains((double) z));
    }

    @Override
    public int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr) {
        Objects.checkFromIndexSize(wOffset, n, w.length);
        Objects.checkFromIndexSize(gOffset, n, g.length);
        int bad = -1;
        for (int i = 0; i < n; i++) {
            float x = w[wOffset + i];
            float z = dualOrShift(x, g[gOffset + i], lr);
            float r = stepped(x, z);
            w[wOffset + i] = r;
            if (!ok(x, z, r) && bad < 0) bad = i;
        }
        return bad;
    }

    @Override
    public int step(FloatBuffer w, FloatBuffer g, float lr) {
        int wp = w.position();
        int gp = g.position();
        int n = w.remaining();
        if (g.remaining() < n) throw new IllegalArgumentException("g has " + g.remaining() + " elements left, w " + n);
        int bad = -1;
        for (int i = 0; i < n; i++) {
            float x = w.get(wp + i);
            float z = dualOrShift(x, g.get(gp + i), lr);
            float r = stepped(x, z);
            w.put(wp + i, r);
            if (!ok(x, z, r) && bad < 0) bad = i;
        }
        return bad;
    }

    @Override
    public String toString() {
        return name + parameters + " (interpreted)";
    }
}
