package org.bregman.codegen.ir;

import java.util.List;
import java.util.Objects;

/**
 * The lowered, binary expression tree that code generation prints and the interpreter walks. Both
 * follow it node for node, so the compiled class and the interpreter perform the same floating-point
 * operations in the same order (and therefore agree bit for bit).
 *
 * <p>There is one free variable, {@link X} (the coordinate {@code w} for psi/grad/hessian, the dual
 * value {@code z} for the inverse); parameters are {@link Param}s (only in general, unspecialised
 * forms: specialised forms have numbers in their place).
 */
public sealed interface Node permits Node.Num, Node.X, Node.Param, Node.Neg, Node.Bin, Node.Call {

    /** A number, printed by the generator (never user text). */
    record Num(double value) implements Node {
    }

    /** The free variable. */
    record X() implements Node {
    }

    /** Parameter number {@code index} of the potential (declaration order). */
    record Param(int index) implements Node {
    }

    record Neg(Node a) implements Node {
        public Neg {
            Objects.requireNonNull(a);
        }
    }

    record Bin(Op op, Node a, Node b) implements Node {
        public Bin {
            Objects.requireNonNull(op);
            Objects.requireNonNull(a);
            Objects.requireNonNull(b);
        }
    }

    record Call(Fn f, List<Node> args) implements Node {
        public Call {
            args = List.copyOf(args);
            if (args.size() != f.arity()) {
                throw new IllegalArgumentException(f + " takes " + f.arity() + " arguments, not " + args.size());
            }
        }

        public Node arg() {
            return args.get(0);
        }
    }

    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/");

        public final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** a op b in double, as the generated double code computes it. */
        public double apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
            };
        }

        /**
         * a op b in float, as the generated step computes it: the double result rounded, which is the float
         * operation exactly (double has more than 2·24 + 2 bits, so rounding twice never differs).
         */
        public float apply(float a, float b) {
            return (float) apply((double) a, (double) b);
        }
    }

    // ---- builders -------------------------------------------------------------------------------

    X X = new X();

    static Node num(double v) {
        return new Num(v);
    }

    static Node add(Node a, Node b) {
        return new Bin(Op.ADD, a, b);
    }

    static Node sub(Node a, Node b) {
        return new Bin(Op.SUB, a, b);
    }

    static Node mul(Node a, Node b) {
        return new Bin(Op.MUL, a, b);
    }

    static Node div(Node a, Node b) {
        return new Bin(Op.DIV, a, b);
    }

    static Node neg(Node a) {
        return new Neg(a);
    }

    static Node call(Fn f, Node... args) {
        return new Call(f, List.of(args));
    }

    /** Whether the tree contains a {@link Param}. */
    static boolean hasParams(Node n) {
        return switch (n) {
            case Param p -> true;
            case Num x -> false;
            case X x -> false;
            case Neg g -> hasParams(g.a());
            case Bin b -> hasParams(b.a()) || hasParams(b.b());
            case Call c -> c.args().stream().anyMatch(Node::hasParams);
        };
    }

    /** Adds the functions the tree calls to {@code out}. */
    static void functions(Node n, java.util.Set<Fn> out) {
        switch (n) {
            case Neg g -> functions(g.a(), out);
            case Bin b -> {
                functions(b.a(), out);
                functions(b.b(), out);
            }
            case Call c -> {
                out.add(c.f());
                for (Node a : c.args()) functions(a, out);
            }
            default -> {
            }
        }
    }
}
