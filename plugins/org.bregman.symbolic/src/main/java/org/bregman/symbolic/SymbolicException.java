package org.bregman.symbolic;

/**
 * The one exception type this module throws for bad input (unknown variable, wrong arity, an
 * expression it cannot handle). {@link #node()} is the offending node when there is one, so that the
 * language can map it back to a source location.
 */
public class SymbolicException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Expr node;

    public SymbolicException(String message) {
        this(message, null);
    }

    public SymbolicException(String message, Expr node) {
        super(message);
        this.node = node;
    }

    /** The node the message is about, or {@code null}. */
    public Expr node() {
        return node;
    }
}
