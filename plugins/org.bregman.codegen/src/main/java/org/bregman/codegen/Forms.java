package org.bregman.codegen;

import java.util.Objects;
import org.bregman.codegen.ir.Node;
import org.bregman.codegen.ir.SmallShift;

/**
 * The lowered expressions of one potential: ψ, ψ', ψ'' in the coordinate ({@link Node.X}), the inverse
 * mirror map in the dual variable (or {@code null}: solved numerically), the domain and dual domain.
 * Specialised forms contain numbers only; general forms may contain {@link Node.Param}s.
 *
 * <p>{@code fusedStep}, or {@code null}: the whole step ψ'⁻¹(ψ'(w) − c) in the coordinate ({@link Node.X}) and the
 * shift c = lr·g ({@link Node.Param} 0; Param k ≥ 1 is the forms' parameter k − 1, a time-varying step's times), with
 * the functions' composition identities applied
 * ({@link org.bregman.symbolic.StepFusion}); only specialised forms and a time-varying step's forms, whose dual domain is all
 * reals, have one (the
 * fused step never computes the dual value a bounded dual domain would check). It is evaluated in double and
 * rounded once. {@code smallShiftStep}, or {@code null}: the fused step for |c| ≤ {@link SmallShift#BOUND}, with
 * polynomials for the functions of c ({@link SmallShift}); the vector kernel's fast path.
 */
public record Forms(Node psi, Node grad, Node hessian, Node inverse, Range domain, Range dual, Node fusedStep, Node smallShiftStep) {

    public Forms(Node psi, Node grad, Node hessian, Node inverse, Range domain, Range dual) {
        this(psi, grad, hessian, inverse, domain, dual, null, null);
    }

    public Forms {
        Objects.requireNonNull(psi, "psi");
        Objects.requireNonNull(grad, "grad");
        Objects.requireNonNull(hessian, "hessian");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(dual, "dual");
        if (fusedStep != null && (inverse == null || !dual.isAllReals())) {
            throw new IllegalArgumentException("a fused step needs a closed-form inverse and an unbounded dual domain");
        }
        if (smallShiftStep != null && fusedStep == null) throw new IllegalArgumentException("a small-shift step needs a fused step");
    }

    public boolean fused() {
        return fusedStep != null;
    }

    public boolean numericInverse() {
        return inverse == null;
    }

    /** An interval whose ends are expressions (numbers, or parameter expressions in general forms). */
    public record Range(Node lower, boolean lowerClosed, Node upper, boolean upperClosed) {

        public static final Range REALS = of(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

        public static Range of(double lower, boolean lowerClosed, double upper, boolean upperClosed) {
            return new Range(Node.num(lower), lowerClosed, Node.num(upper), upperClosed);
        }

        public static Range of(org.bregman.runtime.Interval i) {
            return of(i.lower(), i.lowerClosed(), i.upper(), i.upperClosed());
        }

        /** Whether both ends are numbers. */
        public boolean isNumeric() {
            return lower instanceof Node.Num && upper instanceof Node.Num;
        }

        public double lowerValue() {
            return ((Node.Num) lower).value();
        }

        public double upperValue() {
            return ((Node.Num) upper).value();
        }

        /** Whether the range is known to be all reals (then the step does not check it). */
        public boolean isAllReals() {
            return isNumeric() && lowerValue() == Double.NEGATIVE_INFINITY && upperValue() == Double.POSITIVE_INFINITY;
        }
    }
}
