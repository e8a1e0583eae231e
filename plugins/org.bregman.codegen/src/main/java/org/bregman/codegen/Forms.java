package org.bregman.codegen;

import java.util.Objects;
import org.bregman.codegen.ir.Node;

/**
 * The lowered expressions of one potential: ψ, ψ', ψ'' in the coordinate ({@link Node.X}), the inverse
 * mirror map in the dual variable (or {@code null}: solved numerically), the domain and dual domain.
 * Specialised forms contain numbers only; general forms may contain {@link Node.Param}s.
 */
public record Forms(Node psi, Node grad, Node hessian, Node inverse, Range domain, Range dual) {

    public Forms {
        Objects.requireNonNull(psi, "psi");
        Objects.requireNonNull(grad, "grad");
        Objects.requireNonNull(hessian, "hessian");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(dual, "dual");
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
