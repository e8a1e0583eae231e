package org.bregman.symbolic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable expression tree. Constructors never rewrite: a node is exactly what its creator built
 * (the language maps node <em>identity</em> back to source locations — use an
 * {@link java.util.IdentityHashMap}, since {@code equals} is structural). All rewriting happens in
 * {@link Simplifier}.
 *
 * <p>Negation is {@code Mul(-1, x)}, subtraction {@code Add(a, Mul(-1, b))}, division
 * {@code Mul(a, Pow(b, -1))}; {@code |x|} is {@code Call(ABS, x)}. Build nodes with {@link Exprs}.
 */
public sealed interface Expr permits Expr.Num, Expr.Var, Expr.Const, Expr.Add, Expr.Mul, Expr.Pow, Expr.Call {

    /** Evaluates with the given variable values; an unbound variable is a {@link SymbolicException}. */
    default double eval(Map<String, Double> env) {
        return Evaluator.eval(this, env);
    }

    /** The names of the variables (coordinates and parameters) that occur, in first-occurrence order. */
    default Set<String> variables() {
        Set<String> out = new LinkedHashSet<>();
        collectVariables(this, out);
        return out;
    }

    /** Whether variable {@code name} occurs. */
    default boolean contains(String name) {
        return switch (this) {
            case Var v -> v.name().equals(name);
            case Num n -> false;
            case Const c -> false;
            case Add a -> a.terms().stream().anyMatch(t -> t.contains(name));
            case Mul m -> m.factors().stream().anyMatch(t -> t.contains(name));
            case Pow p -> p.base().contains(name) || p.exp().contains(name);
            case Call c -> c.args().stream().anyMatch(t -> t.contains(name));
        };
    }

    /** Direct children, in order. */
    default List<Expr> children() {
        return switch (this) {
            case Num n -> List.of();
            case Var v -> List.of();
            case Const c -> List.of();
            case Add a -> a.terms();
            case Mul m -> m.factors();
            case Pow p -> List.of(p.base(), p.exp());
            case Call c -> c.args();
        };
    }

    private static void collectVariables(Expr e, Set<String> out) {
        if (e instanceof Var v) {
            out.add(v.name());
        } else {
            for (Expr c : e.children()) collectVariables(c, out);
        }
    }

    /** A number literal. */
    record Num(double value) implements Expr {
        public Num {
            if (Double.isNaN(value)) throw new SymbolicException("NaN is not a number literal");
        }
        @Override public String toString() { return Printer.print(this); }
    }

    /** A coordinate or a parameter. */
    record Var(String name) implements Expr {
        public Var {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) throw new SymbolicException("empty variable name");
        }
        @Override public String toString() { return Printer.print(this); }
    }

    /** The constants {@code pi} and {@code e}. */
    enum Const implements Expr {
        PI(Math.PI, "pi"), E(Math.E, "e");

        private final double value;
        private final String symbol;

        Const(double value, String symbol) {
            this.value = value;
            this.symbol = symbol;
        }

        public double value() { return value; }

        /** The spelling in the language: {@code pi}, {@code e}. */
        public String symbol() { return symbol; }
    }

    /** A sum of at least one term. */
    record Add(List<Expr> terms) implements Expr {
        public Add {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) throw new SymbolicException("empty sum");
        }
        @Override public String toString() { return Printer.print(this); }
    }

    /** A product of at least one factor. */
    record Mul(List<Expr> factors) implements Expr {
        public Mul {
            factors = List.copyOf(factors);
            if (factors.isEmpty()) throw new SymbolicException("empty product");
        }
        @Override public String toString() { return Printer.print(this); }
    }

    /** {@code base ^ exp}. */
    record Pow(Expr base, Expr exp) implements Expr {
        public Pow {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(exp, "exp");
        }
        @Override public String toString() { return Printer.print(this); }
    }

    /** A function call; the number of arguments is checked against {@link Func#arity()}. */
    record Call(Func f, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(f, "f");
            args = List.copyOf(args);
            if (args.size() != f.arity()) {
                throw new SymbolicException(f.symbol() + " takes " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s")
                        + ", not " + args.size());
            }
        }
        /** The only argument of a unary function. */
        public Expr arg() { return args.get(0); }
        @Override public String toString() { return Printer.print(this); }
    }
}
