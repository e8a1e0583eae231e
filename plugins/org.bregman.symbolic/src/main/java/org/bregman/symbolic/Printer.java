package org.bregman.symbolic;

import java.util.ArrayList;
import java.util.List;

import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Const;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/**
 * Prints expressions readably in the language's own syntax, so that the output parses back to the
 * same value: {@code sign(w) * |w|^(q - 1)}, {@code w * log(w) - w}, {@code x^2 / 2},
 * {@code 1 / sqrt(w^2 + beta^2)}. Factors with negative numeric exponents go to a denominator,
 * {@code x^0.5} prints as {@code sqrt(x)}, simple rational coefficients as fractions.
 */
public final class Printer {
    private static final int ADD = 1, MUL = 2, UNARY = 3, POW = 4, ATOM = 5;

    private Printer() {
    }

    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb);
        return sb.toString();
    }

    /** A number as the language writes it: {@code 2}, {@code 0.5}, {@code 1e-05}, {@code -3}. */
    public static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        if (Double.isInfinite(x)) return x > 0 ? "1e999" : "-1e999";
        String s = Double.toString(x);
        int i = s.indexOf('E');
        if (i < 0) return s;
        String mant = s.substring(0, i);
        if (mant.endsWith(".0")) mant = mant.substring(0, mant.length() - 2);
        return mant + "e" + s.substring(i + 1);
    }

    /** {@code 1 / 9} for a number that is exactly the double nearest to a fraction with a small denominator. */
    static String fraction(double x) {
        if (x == Math.rint(x) || !Double.isFinite(x)) return null;
        for (long k = 2; k <= 1000; k++) {
            double p = Math.rint(x * k);
            if (Math.abs(p) < 1e4 && p / k == x) {
                // decimals read better as decimals: 0.5, 1.5, 0.25
                if (Double.toString(x).length() <= 6) return null;
                return number(p) + " / " + k;
            }
        }
        return null;
    }

    private static int prec(Expr e) {
        return switch (e) {
            case Add a -> a.terms().size() == 1 ? prec(a.terms().get(0)) : ADD;
            case Mul m -> m.factors().size() == 1 ? prec(m.factors().get(0)) : isNegative(m) ? UNARY - 1 : MUL;
            case Num n -> n.value() < 0 || 1 / n.value() < 0 ? UNARY : ATOM;
            case Pow p -> p.exp() instanceof Num n && (n.value() < 0 || n.value() == 0.5) ? (n.value() == 0.5 ? ATOM : MUL) : POW;
            default -> ATOM;
        };
    }

    private static void print(Expr e, int minPrec, StringBuilder sb) {
        if (prec(e) < minPrec) {
            sb.append('(');
            print(e, sb);
            sb.append(')');
        } else {
            print(e, sb);
        }
    }

    private static void print(Expr e, StringBuilder sb) {
        switch (e) {
            case Num n -> sb.append(number(n.value()));
            case Var v -> sb.append(v.name());
            case Const c -> sb.append(c.symbol());
            case Add a -> printAdd(a, sb);
            case Mul m -> printMul(m.factors(), sb);
            case Pow p -> {
                if (p.exp() instanceof Num n && n.value() < 0) {
                    printMul(List.of(p), sb);
                } else {
                    printPow(p, sb);
                }
            }
            case Call c -> {
                if (c.f() == Func.ABS) {
                    sb.append('|');
                    print(c.arg(), sb);
                    sb.append('|');
                } else {
                    sb.append(c.f().symbol()).append('(');
                    for (int i = 0; i < c.args().size(); i++) {
                        if (i > 0) sb.append(", ");
                        print(c.args().get(i), sb);
                    }
                    sb.append(')');
                }
            }
        }
    }

    private static void printPow(Pow p, StringBuilder sb) {
        if (p.exp() instanceof Num n && n.value() == 0.5) {
            sb.append("sqrt(");
            print(p.base(), sb);
            sb.append(')');
            return;
        }
        // the base must be an atom: (a^b)^c, (-2)^x, (a * b)^c
        print(p.base(), ATOM, sb);
        sb.append('^');
        String frac = p.exp() instanceof Num n ? fraction(n.value()) : null;
        if (frac != null) sb.append('(').append(frac).append(')');
        else print(p.exp(), ATOM, sb);
    }

    /** Whether a term prints with a leading minus (so that a sum shows {@code a - b}). */
    static boolean isNegative(Expr e) {
        if (e instanceof Num n) return n.value() < 0;
        if (e instanceof Mul m && !m.factors().isEmpty() && m.factors().get(0) instanceof Num n) return n.value() < 0;
        return false;
    }

    /** −e for a term where {@link #isNegative} holds. */
    private static Expr negated(Expr e) {
        if (e instanceof Num n) return new Num(-n.value());
        Mul m = (Mul) e;
        double c = -((Num) m.factors().get(0)).value();
        List<Expr> rest = m.factors().subList(1, m.factors().size());
        if (c == 1 && !rest.isEmpty()) {
            return rest.size() == 1 ? rest.get(0) : new Mul(rest);
        }
        List<Expr> fs = new ArrayList<>();
        fs.add(new Num(c));
        fs.addAll(rest);
        return new Mul(fs);
    }

    private static void printAdd(Add a, StringBuilder sb) {
        List<Expr> ts = a.terms();
        for (int i = 0; i < ts.size(); i++) {
            Expr t = ts.get(i);
            if (i == 0) {
                print(t, ADD + 1, sb);
            } else if (isNegative(t)) {
                sb.append(" - ");
                print(negated(t), MUL, sb);
            } else {
                sb.append(" + ");
                print(t, ADD + 1, sb);
            }
        }
    }

    private static void printMul(List<Expr> factors, StringBuilder sb) {
        double coeff = 1;
        List<Expr> numer = new ArrayList<>(), denom = new ArrayList<>();
        for (Expr f : factors) {
            if (f instanceof Num n && numer.isEmpty() && denom.isEmpty() && coeff == 1) {
                coeff = n.value();
            } else if (f instanceof Pow p && p.exp() instanceof Num n && n.value() < 0) {
                denom.add(n.value() == -1 ? p.base() : n.value() == -0.5 ? new Pow(p.base(), new Num(0.5)) : new Pow(p.base(), new Num(-n.value())));
            } else {
                numer.add(f);
            }
        }
        if (coeff < 0 || (coeff == 0 && 1 / coeff < 0)) {
            sb.append('-');
            coeff = -coeff;
        }
        // simple rational coefficients print as fractions: x^2 / 2 rather than 0.5 * x^2
        long den = 1;
        if (coeff != Math.rint(coeff)) {
            // up to 12 always (x / 3); larger denominators only where the decimal is long (100 x / 101)
            int maxDen = Double.toString(coeff).length() > 8 ? 1000 : 12;
            for (long k = 2; k <= maxDen; k++) {
                double p = Math.rint(coeff * k);
                if (Math.abs(p) < 1e4 && p / k == coeff) {
                    den = k;
                    break;
                }
            }
        }
        double top = coeff * den;
        StringBuilder num = new StringBuilder();
        if (top != 1 || numer.isEmpty()) {
            num.append(number(top));
        }
        for (Expr f : numer) {
            if (num.length() > 0) num.append(" * ");
            print(f, POW, num);
        }
        sb.append(num);
        if (den != 1) denom.add(0, new Num(den));
        if (!denom.isEmpty()) {
            sb.append(" / ");
            if (denom.size() == 1) {
                print(denom.get(0), POW, sb);
            } else {
                sb.append('(');
                for (int i = 0; i < denom.size(); i++) {
                    if (i > 0) sb.append(" * ");
                    print(denom.get(i), POW, sb);
                }
                sb.append(')');
            }
        }
    }
}
