package org.bregman.symbolic;

import java.util.function.DoubleUnaryOperator;

import org.bregman.runtime.NewtonBisection;

/**
 * Solves {@code f(x) = z} for a strictly increasing {@code f} (the mirror map ψ') inside a domain, with
 * the project's one Newton–bisection ({@link NewtonBisection}, which generated code and the interpreter
 * call too). {@code z} outside the dual domain (when given) gives NaN; inside it, a root closer to an
 * open end than the last representable double returns that double. Immutable and thread-safe.
 */
public final class NumericInverse {

    private final NewtonBisection solver;

    /**
     * @param f          strictly increasing on {@code domain}
     * @param df         its derivative, or {@code null} (then bisection only)
     * @param domain     where to search
     * @param dualDomain the range of {@code f} if known, else {@code null}
     */
    public NumericInverse(DoubleUnaryOperator f, DoubleUnaryOperator df, RealInterval domain, RealInterval dualDomain) {
        NewtonBisection.Derivatives d = new NewtonBisection.Derivatives() {
            @Override public double grad(double t) { return f.applyAsDouble(t); }
            @Override public double hessian(double t) { return df.applyAsDouble(t); }
        };
        this.solver = new NewtonBisection(d, df != null, domain.toRuntime(), dualDomain == null ? null : dualDomain.toRuntime());
    }

    /** (ψ')⁻¹(z); NaN for NaN, for z outside the dual domain, or when no bracket exists. */
    public double solve(double z) {
        return solver.solve(z);
    }
}
