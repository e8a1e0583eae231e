package org.bregman.symbolic;

import java.util.Map;

/**
 * A parameter's {@code where} constraint: comparisons joined by {@code and}, {@code or}, {@code not}.
 */
public sealed interface Condition permits Condition.Compare, Condition.And, Condition.Or, Condition.Not {

    /** Whether the values satisfy the condition; an unbound variable is a {@link SymbolicException}. */
    boolean test(Map<String, Double> values);

    /** The condition in the language's syntax, e.g. {@code q > 1 and q != 2}. */
    String print();

    /**
     * An interval that contains every value of {@code param} allowed by the condition (as tight as
     * simple comparisons with numbers allow; all reals otherwise).
     */
    RealInterval impliedRange(String param);

    enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
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

        /** The same comparison with the operands swapped: {@code a < b} ⇔ {@code b > a}. */
        public Op flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    record Compare(Expr left, Op op, Expr right) implements Condition {
        @Override
        public boolean test(Map<String, Double> values) {
            return op.test(left.eval(values), right.eval(values));
        }

        @Override
        public String print() {
            return Printer.print(left) + " " + op.symbol() + " " + Printer.print(right);
        }

        @Override
        public RealInterval impliedRange(String param) {
            if (left instanceof Expr.Var v && v.name().equals(param) && right.variables().isEmpty()) {
                return bound(op, right.eval(Map.of()));
            }
            if (right instanceof Expr.Var v && v.name().equals(param) && left.variables().isEmpty()) {
                return bound(op.flipped(), left.eval(Map.of()));
            }
            return RealInterval.REALS;
        }

        private static RealInterval bound(Op op, double c) {
            if (Double.isNaN(c)) return RealInterval.REALS;
            double inf = Double.POSITIVE_INFINITY;
            return switch (op) {
                case GT -> new RealInterval(c, false, inf, false);
                case GE -> new RealInterval(c, true, inf, false);
                case LT -> new RealInterval(-inf, false, c, false);
                case LE -> new RealInterval(-inf, false, c, true);
                case EQ -> RealInterval.point(c);
                case NE -> RealInterval.REALS;
            };
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, Double> values) {
            return left.test(values) && right.test(values);
        }

        @Override
        public String print() {
            return paren(left, this) + " and " + paren(right, this);
        }

        @Override
        public RealInterval impliedRange(String param) {
            RealInterval r = left.impliedRange(param).intersect(right.impliedRange(param));
            return r == null ? RealInterval.REALS : r;
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, Double> values) {
            return left.test(values) || right.test(values);
        }

        @Override
        public String print() {
            return paren(left, this) + " or " + paren(right, this);
        }

        @Override
        public RealInterval impliedRange(String param) {
            return left.impliedRange(param).hull(right.impliedRange(param));
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public boolean test(Map<String, Double> values) {
            return !operand.test(values);
        }

        @Override
        public String print() {
            return "not " + (operand instanceof Compare ? operand.print() : "(" + operand.print() + ")");
        }

        @Override
        public RealInterval impliedRange(String param) {
            return RealInterval.REALS;
        }
    }

    private static String paren(Condition c, Condition parent) {
        return c instanceof Compare || c instanceof Not || c.getClass() == parent.getClass() ? c.print() : "(" + c.print() + ")";
    }
}
