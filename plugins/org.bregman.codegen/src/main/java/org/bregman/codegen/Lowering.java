package org.bregman.codegen;

import static org.bregman.codegen.ir.Node.*;

import java.util.ArrayList;
import java.util.List;
import org.bregman.codegen.ir.Fn;
import org.bregman.codegen.ir.Node;
import org.bregman.codegen.ir.Specialiser;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.Func;

/**
 * Turns a symbolic {@link Expr} (n-ary sums and products, negation as {@code -1·x}, division as
 * {@code x·y^-1}) into the binary {@link Node} tree that is printed and interpreted, specialising
 * constant exponents on the way ({@link Specialiser}).
 */
public final class Lowering {

    private final String variable;
    private final List<String> parameters;

    /**
     * @param variable   the name of the free variable in the expressions (coordinate or dual variable)
     * @param parameters parameter names (declaration order); may be empty for bound expressions
     */
    public Lowering(String variable, List<String> parameters) {
        this.variable = variable;
        this.parameters = List.copyOf(parameters);
    }

    public Node lower(Expr e) {
        return switch (e) {
            case Expr.Num n -> num(n.value());
            case Expr.Const c -> num(c.value());
            case Expr.Var v -> var(v.name());
            case Expr.Add a -> sum(a.terms());
            case Expr.Mul m -> product(m.factors());
            case Expr.Pow p -> power(p.base(), p.exp());
            case Expr.Call c -> callOf(c);
        };
    }

    private Node var(String name) {
        if (name.equals(variable)) return X;
        int i = parameters.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("unbound variable '" + name + "' in an expression to compile");
        return new Param(i);
    }

    private Node sum(List<Expr> terms) {
        Node acc = null;
        for (Expr t : terms) {
            Expr pos = negated(t);
            if (acc == null) {
                acc = pos != null ? neg(lower(pos)) : lower(t);
            } else {
                acc = pos != null ? sub(acc, lower(pos)) : add(acc, lower(t));
            }
        }
        return acc;
    }

    /** If {@code t} is a negative number or a product with a negative leading number, its negation. */
    private static Expr negated(Expr t) {
        if (t instanceof Expr.Num n && n.value() < 0) return new Expr.Num(-n.value());
        if (t instanceof Expr.Mul m && m.factors().get(0) instanceof Expr.Num n && n.value() < 0) {
            List<Expr> rest = new ArrayList<>(m.factors().subList(1, m.factors().size()));
            if (n.value() != -1) rest.add(0, new Expr.Num(-n.value()));
            if (rest.isEmpty()) return new Expr.Num(1);
            return rest.size() == 1 ? rest.get(0) : new Expr.Mul(rest);
        }
        return null;
    }

    private Node product(List<Expr> factors) {
        List<Expr> fs = new ArrayList<>(factors);
        boolean negate = false;
        if (fs.size() > 1 && fs.get(0) instanceof Expr.Num n && n.value() == -1) {
            negate = true;
            fs.remove(0);
        }
        List<Node> numer = new ArrayList<>();
        List<Node> denom = new ArrayList<>();
        // sign(y)·|y|^k pairs first (they fuse into one cheap node)
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i) instanceof Expr.Call s && s.f() == Func.SIGN) {
                for (int j = 0; j < fs.size(); j++) {
                    double k = absPowerOf(fs.get(j), s.arg());
                    if (j != i && k > 0) {
                        numer.add(Specialiser.signedPow(lower(s.arg()), k));
                        fs.set(i, null);
                        fs.set(j, null);
                        break;
                    }
                }
            }
        }
        for (Expr f : fs) {
            if (f == null) continue;
            if (f instanceof Expr.Pow p && p.exp() instanceof Expr.Num k && k.value() < 0) {
                denom.add(Specialiser.pow(lower(p.base()), -k.value()));
            } else {
                numer.add(lower(f));
            }
        }
        Node top = numer.isEmpty() ? num(1) : numer.get(0);
        for (int i = 1; i < numer.size(); i++) top = mul(top, numer.get(i));
        if (!denom.isEmpty()) {
            Node bottom = denom.get(0);
            for (int i = 1; i < denom.size(); i++) bottom = mul(bottom, denom.get(i));
            top = div(top, bottom);
        }
        return negate ? neg(top) : top;
    }

    /** k when {@code f} is {@code |y|} (k = 1) or {@code |y|^k} with a numeric k; else -1. */
    private static double absPowerOf(Expr f, Expr y) {
        if (f instanceof Expr.Call c && c.f() == Func.ABS && c.arg().equals(y)) return 1;
        if (f instanceof Expr.Pow p && p.base() instanceof Expr.Call c && c.f() == Func.ABS && c.arg().equals(y)
                && p.exp() instanceof Expr.Num k && k.value() > 0) {
            return k.value();
        }
        return -1;
    }

    private Node power(Expr base, Expr exp) {
        if (exp instanceof Expr.Num k) return Specialiser.pow(lower(base), k.value());
        return call(Fn.POW, lower(base), lower(exp));
    }

    private Node callOf(Expr.Call c) {
        Fn f = Fn.of(c.f());
        if (f == Fn.POW && c.args().get(1) instanceof Expr.Num k) {
            return Specialiser.pow(lower(c.args().get(0)), k.value());
        }
        List<Node> args = new ArrayList<>();
        for (Expr a : c.args()) args.add(lower(a));
        return new Call(f, args);
    }
}
