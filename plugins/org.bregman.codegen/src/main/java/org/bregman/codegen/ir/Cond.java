package org.bregman.codegen.ir;

import org.bregman.symbolic.Condition;

/**
 * A parameter constraint ({@code where q > 1 and q != 2}) over {@link Node}s, checked by generated factories;
 * comparisons are the symbolic engine's {@link Condition.Op}.
 */
public sealed interface Cond permits Cond.Cmp, Cond.And, Cond.Or, Cond.Not {

    record Cmp(Condition.Op op, Node a, Node b) implements Cond {
    }

    record And(Cond a, Cond b) implements Cond {
    }

    record Or(Cond a, Cond b) implements Cond {
    }

    record Not(Cond a) implements Cond {
    }
}
