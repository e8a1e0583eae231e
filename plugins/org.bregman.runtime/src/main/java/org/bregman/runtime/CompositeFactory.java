package org.bregman.runtime;

import java.util.List;
import java.util.Map;

/**
 * The factory of a non-separable potential in an exported jar: creates {@link CompositeMirrorMap}s from the
 * exported factories of g and F (named by class, loaded with this class's loader, so that the generated subclass
 * that registers it needs no other generated class at compile time). The degree r of a homogeneous g = k|w|^r and the
 * exponent α of F = c·S^α, known to be of that form from the derivation, are read from the maps of each binding:
 * r = log2(g(2)/g(1)), α = log2(F(2)/F(1)) (exact up to rounding of the last bits).
 */
public class CompositeFactory implements MirrorMapFactory {

    private final String name;
    private final MirrorMapFactory inner, outer;
    private final boolean homogeneous, power;
    private final Interval sums, dual;

    protected CompositeFactory(String name, String innerFactory, String outerFactory, boolean homogeneous, boolean power, Interval sums,
            Interval dual) {
        this.name = name;
        this.inner = load(innerFactory);
        this.outer = load(outerFactory);
        this.homogeneous = homogeneous;
        this.power = power;
        this.sums = sums;
        this.dual = dual;
    }

    private MirrorMapFactory load(String cls) {
        try {
            return (MirrorMapFactory) Class.forName(cls, true, getClass().getClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the exported jar lacks " + cls, e);
        }
    }

    public String name() { return name; }

    public List<String> parameterNames() { return inner.parameterNames(); }

    public Map<String, Double> defaults() { return inner.defaults(); }

    public MirrorMap create(Map<String, Double> arguments) {
        MirrorMap g = inner.create(arguments), f = outer.create(arguments);
        double r = homogeneous ? log2(g.psi(2) / g.psi(1)) : Double.NaN;
        double a = power ? log2(f.psi(2) / f.psi(1)) : Double.NaN;
        return new CompositeMirrorMap(name, g.parameters(), g, f, r, a, sums, dual);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
