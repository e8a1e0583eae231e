package org.bregman.symbolic;

/**
 * A problem found by a check of a {@link Derivation} (the language module turns each into a located
 * {@code potential.api.Diagnostic}; this one has no source position, only the node it is about).
 *
 * @param node    the node of the {@link PotentialSpec} the problem is about (the very instance given,
 *                so that the language can map it to a source location), or {@code null} when the
 *                problem is about the whole potential (then report it at the {@code psi} declaration)
 * @param message a complete sentence for a researcher, without location
 */
public record CheckFinding(Severity severity, Kind kind, Expr node, String message) {

    public enum Severity { ERROR, WARNING }

    public enum Kind {
        /** an operation's argument may leave its domain ({@code log(w)} on all reals). */
        DOMAIN,
        /** ψ is not strictly convex on its domain. */
        CONVEXITY,
        /** a {@code grad}/{@code inverse} override disagrees with the derivation. */
        OVERRIDE
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
