package org.bregman.symbolic;

import java.util.List;

/** What a {@link FunctionDefinition}'s own identities may use of the simplifier: rewriting and rigorous ranges. */
public interface Simplification {
    Expr mul(List<Expr> factors);

    Expr pow(Expr base, Expr exponent);

    Expr call(Func f, List<Expr> args);

    /** A rigorous enclosure of e under the assumptions. */
    RealInterval range(Expr e);

    default boolean nonNegative(Expr e) {
        return range(e).lower() >= 0;
    }

    default boolean positive(Expr e) {
        RealInterval r = range(e);
        return r.lower() > 0 || (r.lower() == 0 && !r.lowerClosed());
    }

    default boolean negative(Expr e) {
        RealInterval r = range(e);
        return r.upper() < 0 || (r.upper() == 0 && !r.upperClosed());
    }
}
