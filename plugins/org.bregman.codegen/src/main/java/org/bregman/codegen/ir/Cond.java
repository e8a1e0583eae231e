package org.bregman.codegen.ir;

/** A parameter constraint ({@code where q > 1 and q != 2}) over {@link Node}s, checked by generated factories. */
public sealed interface Cond permits Cond.Cmp, Cond.And, Cond.Or, Cond.Not {

    enum Rel {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        public final String symbol;

        Rel(String symbol) {
            this.symbol = symbol;
        }

        public boolean test(double a, double b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }

    record Cmp(Rel rel, Node a, Node b) implements Cond {
    }

    record And(Cond a, Cond b) implements Cond {
    }

    record Or(Cond a, Cond b) implements Cond {
    }

    record Not(Cond a) implements Cond {
    }
}
