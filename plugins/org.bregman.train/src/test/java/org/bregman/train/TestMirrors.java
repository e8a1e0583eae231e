package org.bregman.train;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bregman.runtime.Interval;
import org.bregman.runtime.MirrorMap;

/** Hand-written mirror maps for tests only (the product's come from the code generator). */
final class TestMirrors {

    private TestMirrors() {
    }

    abstract static class Base implements MirrorMap {
        @Override
        public double bregman(double w, double v) {
            return psi(w) - psi(v) - grad(v) * (w - v);
        }

        @Override
        public double bregman(float[] w, float[] v) {
            double s = 0;
            for (int i = 0; i < w.length; i++) s += bregman(w[i], v[i]);
            return s;
        }

        @Override
        public boolean inverseIsClosedForm() {
            return true;
        }

        @Override
        public int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr) {
            int bad = -1;
            for (int i = 0; i < n; i++) {
                double z = grad(w[wOffset + i]) - lr * g[gOffset + i];
                double nw = inverse(z);
                w[wOffset + i] = (float) nw;
                if (bad < 0 && (!dualDomain().contains(z) || !Float.isFinite(w[wOffset + i]) || !domain().contains(w[wOffset + i]))) bad = i;
            }
            return bad;
        }

        @Override
        public int step(FloatBuffer w, FloatBuffer g, float lr) {
            int bad = -1;
            int p = w.position(), q = g.position(), n = w.limit() - p;
            for (int i = 0; i < n; i++) {
                double z = grad(w.get(p + i)) - lr * g.get(q + i);
                float nw = (float) inverse(z);
                w.put(p + i, nw);
                if (bad < 0 && (!dualDomain().contains(z) || !Float.isFinite(nw) || !domain().contains(nw))) bad = i;
            }
            return bad;
        }
    }

    /** ψ(w) = |w|^q / q. */
    static MirrorMap qnorm(double q) {
        return new Base() {
            public String name() { return "QNorm"; }
            public Map<String, Double> parameters() {
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("q", q);
                return m;
            }
            public double psi(double w) { return Math.pow(Math.abs(w), q) / q; }
            public double grad(double w) { return Math.signum(w) * Math.pow(Math.abs(w), q - 1); }
            public double hessian(double w) { return (q - 1) * Math.pow(Math.abs(w), q - 2); }
            public double inverse(double z) { return Math.signum(z) * Math.pow(Math.abs(z), 1 / (q - 1)); }
            public Interval domain() { return Interval.REALS; }
            public Interval dualDomain() { return Interval.REALS; }
        };
    }

    /** ψ(w) = w log w − w on w > 0. */
    static MirrorMap negEntropy() {
        return new Base() {
            public String name() { return "NegEntropy"; }
            public Map<String, Double> parameters() { return Map.of(); }
            public double psi(double w) { return w > 0 ? w * Math.log(w) - w : w == 0 ? 0 : Double.NaN; }
            public double grad(double w) { return Math.log(w); }
            public double hessian(double w) { return 1 / w; }
            public double inverse(double z) { return Math.exp(z); }
            public Interval domain() { return Interval.open(0, Double.POSITIVE_INFINITY); }
            public Interval dualDomain() { return Interval.REALS; }
        };
    }

    /** ψ(w) = sqrt(1 + w²): dual domain (−1, 1), so big steps leave it. */
    static MirrorMap hyperbola() {
        return new Base() {
            public String name() { return "Hyperbola"; }
            public Map<String, Double> parameters() { return Map.of(); }
            public double psi(double w) { return Math.sqrt(1 + w * w); }
            public double grad(double w) { return w / Math.sqrt(1 + w * w); }
            public double hessian(double w) { return Math.pow(1 + w * w, -1.5); }
            public double inverse(double z) { return z / Math.sqrt(1 - z * z); }
            public Interval domain() { return Interval.REALS; }
            public Interval dualDomain() { return Interval.open(-1, 1); }
        };
    }

    static MirrorSpec q(double q) {
        return new MirrorSpec("QNorm", Map.of("q", q), qnorm(q));
    }
}
