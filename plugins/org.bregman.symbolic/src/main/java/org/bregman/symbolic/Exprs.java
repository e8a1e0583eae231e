package org.bregman.symbolic;

import java.util.List;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Const;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/**
 * Static builders. They build exactly the node asked for and never simplify ({@code add(a, b)} is an
 * {@code Add} of two terms even when both are numbers); call {@link Simplifier#simplify(Expr)} for
 * that.
 */
public final class Exprs {
    private Exprs() {
    }

    public static Num num(double value) {
        return new Num(value);
    }

    public static Var var(String name) {
        return new Var(name);
    }

    public static Const pi() {
        return Const.PI;
    }

    public static Const e() {
        return Const.E;
    }

    public static Add add(Expr... terms) {
        return new Add(List.of(terms));
    }

    public static Add add(List<? extends Expr> terms) {
        return new Add(List.copyOf(terms));
    }

    /** {@code a - b} as {@code Add(a, Mul(-1, b))}. */
    public static Add sub(Expr a, Expr b) {
        return new Add(List.of(a, neg(b)));
    }

    public static Mul mul(Expr... factors) {
        return new Mul(List.of(factors));
    }

    public static Mul mul(List<? extends Expr> factors) {
        return new Mul(List.copyOf(factors));
    }

    /** {@code a / b} as {@code Mul(a, Pow(b, -1))}. */
    public static Mul div(Expr a, Expr b) {
        return new Mul(List.of(a, new Pow(b, num(-1))));
    }

    /** {@code -x} as {@code Mul(-1, x)}. */
    public static Mul neg(Expr x) {
        return new Mul(List.of(num(-1), x));
    }

    /** The operands of an associative operation, nested ones of the same {@code kind} (a sum in a sum) lifted out. */
    static List<Expr> flatten(List<Expr> operands, Class<? extends Expr> kind) {
        List<Expr> flat = new java.util.ArrayList<>();
        for (Expr x : operands) {
            if (kind.isInstance(x)) flat.addAll(x.children());
            else flat.add(x);
        }
        return flat;
    }

    public static Pow pow(Expr base, Expr exp) {
        return new Pow(base, exp);
    }

    public static Pow pow(Expr base, double exp) {
        return new Pow(base, num(exp));
    }

    public static Call call(Func f, Expr... args) {
        return new Call(f, List.of(args));
    }

    public static Call call(Func f, List<? extends Expr> args) {
        return new Call(f, List.copyOf(args));
    }

    /** {@code |x|}. */
    public static Call abs(Expr x) {
        return call(Func.ABS, x);
    }

    public static Call sign(Expr x) {
        return call(Func.SIGN, x);
    }

    public static Call log(Expr x) {
        return call(Func.LOG, x);
    }

    public static Call exp(Expr x) {
        return call(Func.EXP, x);
    }

    public static Call sqrt(Expr x) {
        return call(Func.SQRT, x);
    }
}
