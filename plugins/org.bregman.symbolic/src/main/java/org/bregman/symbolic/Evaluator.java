package org.bregman.symbolic;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Const;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/**
 * Evaluates a symbolic expression directly ({@link #eval}) or compiles it once into a tree of closures
 * ({@link #compile}): the derivation's own numbers (checks, convexity, references for generated code).
 * Not the fallback for failed compilation: that is {@code codegen.Interpreter}, which walks the lowered
 * tree exactly as the generated code computes it.
 *
 * <p>Evaluation order (so that generated code can agree bitwise): sums and products left to right
 * in node order; {@code x^c} is {@link #pow(double, double)}; functions as in {@link Func#apply}.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** A compiled expression over variables in a fixed order. */
    @FunctionalInterface
    public interface Compiled {
        double eval(double[] vars);
    }

    /** x^e with the interpreter's specialisations: e = 1, 2, 0.5, -1 are exact; otherwise {@link Math#pow}. */
    public static double pow(double x, double e) {
        if (e == 2) return x * x;
        if (e == 1) return x;
        if (e == 0.5) return Math.sqrt(x);
        if (e == -1) return 1 / x;
        return Math.pow(x, e);
    }

    public static double eval(Expr e, Map<String, Double> env) {
        return switch (e) {
            case Num n -> n.value();
            case Const c -> c.value();
            case Var v -> {
                Double x = env.get(v.name());
                if (x == null) throw new SymbolicException("no value for " + v.name(), v);
                yield x;
            }
            case Add a -> {
                List<Expr> ts = a.terms();
                double s = eval(ts.get(0), env);
                for (int i = 1; i < ts.size(); i++) s += eval(ts.get(i), env);
                yield s;
            }
            case Mul m -> {
                List<Expr> fs = m.factors();
                double s = eval(fs.get(0), env);
                for (int i = 1; i < fs.size(); i++) s *= eval(fs.get(i), env);
                yield s;
            }
            case Pow p -> pow(eval(p.base(), env), eval(p.exp(), env));
            case Call c -> c.f().arity() == 1 ? c.f().apply(eval(c.arg(), env))
                    : c.f().apply(eval(c.args().get(0), env), eval(c.args().get(1), env));
        };
    }

    /** Compiles {@code e}; {@code vars[i]} of {@link Compiled#eval} is the value of {@code names.get(i)}. */
    public static Compiled compile(Expr e, List<String> names) {
        return switch (e) {
            case Num n -> {
                double x = n.value();
                yield v -> x;
            }
            case Const c -> {
                double x = c.value();
                yield v -> x;
            }
            case Var var -> {
                int i = names.indexOf(var.name());
                if (i < 0) throw new SymbolicException("unknown variable " + var.name(), var);
                yield v -> v[i];
            }
            case Add a -> {
                Compiled[] ts = a.terms().stream().map(t -> compile(t, names)).toArray(Compiled[]::new);
                if (ts.length == 1) yield ts[0];
                if (ts.length == 2) {
                    Compiled x = ts[0], y = ts[1];
                    yield v -> x.eval(v) + y.eval(v);
                }
                yield v -> {
                    double s = ts[0].eval(v);
                    for (int i = 1; i < ts.length; i++) s += ts[i].eval(v);
                    return s;
                };
            }
            case Mul m -> {
                Compiled[] fs = m.factors().stream().map(t -> compile(t, names)).toArray(Compiled[]::new);
                if (fs.length == 1) yield fs[0];
                if (fs.length == 2) {
                    Compiled x = fs[0], y = fs[1];
                    yield v -> x.eval(v) * y.eval(v);
                }
                yield v -> {
                    double s = fs[0].eval(v);
                    for (int i = 1; i < fs.length; i++) s *= fs[i].eval(v);
                    return s;
                };
            }
            case Pow p -> {
                Compiled b = compile(p.base(), names);
                if (p.exp() instanceof Num n) {
                    double c = n.value();
                    if (c == 2) yield v -> {
                        double x = b.eval(v);
                        return x * x;
                    };
                    if (c == 0.5) yield v -> Math.sqrt(b.eval(v));
                    if (c == -1) yield v -> 1 / b.eval(v);
                    if (c == 1) yield b;
                    yield v -> Math.pow(b.eval(v), c);
                }
                Compiled x = compile(p.exp(), names);
                yield v -> pow(b.eval(v), x.eval(v));
            }
            case Call c -> {
                Func f = c.f();
                if (f.arity() == 2) {
                    Compiled x = compile(c.args().get(0), names), y = compile(c.args().get(1), names);
                    yield switch (f) {
                        case MIN -> v -> Math.min(x.eval(v), y.eval(v));
                        case MAX -> v -> Math.max(x.eval(v), y.eval(v));
                        default -> v -> pow(x.eval(v), y.eval(v));
                    };
                }
                Compiled x = compile(c.arg(), names);
                yield switch (f) {
                    case EXP -> v -> Math.exp(x.eval(v));
                    case LOG -> v -> Math.log(x.eval(v));
                    case SQRT -> v -> Math.sqrt(x.eval(v));
                    case ABS -> v -> Math.abs(x.eval(v));
                    case SIGN -> v -> Math.signum(x.eval(v));
                    default -> v -> f.apply(x.eval(v));
                };
            }
        };
    }

    /** Compiles a function of one variable. */
    public static DoubleUnaryOperator compile(Expr e, String var) {
        Compiled c = compile(e, List.of(var));
        return x -> c.eval(new double[] {x});
    }

    /** Compiles a function of two variables. */
    public static DoubleBinaryOperator compile(Expr e, String var1, String var2) {
        Compiled c = compile(e, List.of(var1, var2));
        return (x, y) -> c.eval(new double[] {x, y});
    }
}
