package org.bregman.symbolic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import ch.obermuhlner.math.big.BigDecimalMath;
import org.bregman.symbolic.Expr.Add;
import org.bregman.symbolic.Expr.Call;
import org.bregman.symbolic.Expr.Const;
import org.bregman.symbolic.Expr.Mul;
import org.bregman.symbolic.Expr.Num;
import org.bregman.symbolic.Expr.Pow;
import org.bregman.symbolic.Expr.Var;

/**
 * Reference values of expressions in 32 significant digits (big-math's BigDecimalMath), independent of
 * the engine's double evaluator: a number literal is the decimal the user wrote ({@code 0.1} is 1/10).
 * {@code null} where the expression is undefined (log of a non-positive number, a pole …). A test fixture:
 * the symbolic and codegen property suites share it.
 */
public final class HighPrecision {
    public static final MathContext MC = new MathContext(32);
    private static final BigDecimal LIMIT = BigDecimal.valueOf(100_000);

    private HighPrecision() {
    }

    public static BigDecimal of(double x) {
        return new BigDecimal(Double.toString(x));
    }

    /** A literal as the engine reads it: the fraction p/q whose nearest double it is (2/3, 0.1), else the double. */
    private static BigDecimal literal(double x) {
        java.math.BigInteger[] f = Decimal.fraction(x);
        if (f == null) return new BigDecimal(x);
        return new BigDecimal(f[0]).divide(new BigDecimal(f[1]), MC);
    }

    public static BigDecimal eval(Expr e, Map<String, BigDecimal> vars) {
        try {
            return ev(e, vars);
        } catch (ArithmeticException | UnsupportedOperationException ex) {
            return null;
        }
    }

    private static BigDecimal ev(Expr e, Map<String, BigDecimal> vars) {
        return switch (e) {
            case Num n -> literal(n.value());
            case Const c -> c == Const.PI ? BigDecimalMath.pi(MC) : BigDecimalMath.e(MC);
            case Var v -> {
                BigDecimal x = vars.get(v.name());
                if (x == null) throw new ArithmeticException("unbound " + v.name());
                yield x;
            }
            case Add a -> {
                BigDecimal s = BigDecimal.ZERO;
                for (Expr t : a.terms()) s = s.add(ev(t, vars), MC);
                yield s;
            }
            case Mul m -> {
                BigDecimal p = BigDecimal.ONE;
                for (Expr f : m.factors()) p = p.multiply(ev(f, vars), MC);
                yield p;
            }
            case Pow p -> pow(ev(p.base(), vars), ev(p.exp(), vars));
            case Call c -> call(c, vars);
        };
    }

    private static BigDecimal pow(BigDecimal b, BigDecimal k) {
        if (k.signum() == 0) return BigDecimal.ONE;
        boolean integer = k.stripTrailingZeros().scale() <= 0;
        if (b.signum() == 0) {
            if (k.signum() < 0) throw new ArithmeticException("pole");
            return BigDecimal.ZERO;
        }
        if (integer && k.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
            BigDecimal r = b.abs().pow(k.abs().intValueExact(), MC);
            if (k.signum() < 0) r = BigDecimal.ONE.divide(r, MC);
            return b.signum() < 0 && k.abs().intValueExact() % 2 == 1 ? r.negate() : r;
        }
        if (b.signum() < 0) throw new ArithmeticException("negative base");
        BigDecimal t = k.multiply(BigDecimalMath.log(b, MC), MC);
        if (t.abs().compareTo(LIMIT) > 0) throw new ArithmeticException("too large for the reference");
        return BigDecimalMath.exp(t, MC);
    }

    private static BigDecimal call(Call c, Map<String, BigDecimal> vars) {
        BigDecimal x = ev(c.args().get(0), vars);
        boolean growing = switch (c.f()) {
            case EXP, EXPM1, SINH, COSH -> true;
            default -> false;
        };
        // e^(10^5) and beyond: far past any double, and the series would take minutes
        if (growing && x.abs().compareTo(LIMIT) > 0) throw new ArithmeticException("too large for the reference");
        return switch (c.f()) {
            case EXP -> BigDecimalMath.exp(x, MC);
            case LOG -> {
                if (x.signum() <= 0) throw new ArithmeticException("log");
                yield BigDecimalMath.log(x, MC);
            }
            case LOG1P -> {
                BigDecimal y = BigDecimal.ONE.add(x, MC);
                if (y.signum() <= 0) throw new ArithmeticException("log1p");
                yield BigDecimalMath.log(BigDecimal.ONE.add(x), MC);
            }
            case EXPM1 -> BigDecimalMath.exp(x, MC).subtract(BigDecimal.ONE, MC);
            case SQRT -> {
                if (x.signum() < 0) throw new ArithmeticException("sqrt");
                yield x.sqrt(MC);
            }
            case CBRT -> {
                BigDecimal r = BigDecimalMath.root(x.abs(), BigDecimal.valueOf(3), MC);
                yield x.signum() < 0 ? r.negate() : r;
            }
            case ABS -> x.abs();
            case SIGN -> BigDecimal.valueOf(x.signum());
            case SINH -> BigDecimalMath.sinh(x, MC);
            case COSH -> BigDecimalMath.cosh(x, MC);
            case TANH -> BigDecimalMath.tanh(x, MC);
            case ASINH -> BigDecimalMath.asinh(x, MC);
            case ACOSH -> {
                if (x.compareTo(BigDecimal.ONE) < 0) throw new ArithmeticException("acosh");
                yield BigDecimalMath.acosh(x, MC);
            }
            case ATANH -> {
                if (x.abs().compareTo(BigDecimal.ONE) >= 0) throw new ArithmeticException("atanh");
                yield BigDecimalMath.atanh(x, MC);
            }
            case ATAN -> BigDecimalMath.atan(x, MC);
            case TAN -> BigDecimalMath.tan(x, MC);
            case MIN -> x.min(ev(c.args().get(1), vars));
            case MAX -> x.max(ev(c.args().get(1), vars));
            case POW -> pow(x, ev(c.args().get(1), vars));
            case ERF -> erf(x);
            case ERFINV -> erfinv(x);
        };
    }

    /** 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)), with digits to spare for the cancellation (e^(x²)). */
    public static BigDecimal erf(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.TEN) > 0) return BigDecimal.valueOf(x.signum()); // 1 − erfc(10) = 1 − 2e-45
        MathContext mc = new MathContext(MC.getPrecision() + 50);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal power = x;
        BigDecimal sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision());
        for (int n = 1; ; n++) {
            power = power.multiply(x2, mc).divide(BigDecimal.valueOf(n), mc).negate();
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), mc);
            sum = sum.add(term, mc);
            if (term.abs().compareTo(eps) < 0) break;
        }
        return sum.multiply(BigDecimal.valueOf(2), mc).divide(BigDecimalMath.pi(mc).sqrt(mc), MC);
    }

    /** Newton on {@link #erf} from the double value: x ← x − (erf x − z) √π/2 e^(x²). */
    public static BigDecimal erfinv(BigDecimal z) {
        if (z.abs().compareTo(BigDecimal.ONE) >= 0) throw new ArithmeticException("erfinv");
        double start = org.bregman.runtime.SpecialFunctions.erfinv(z.doubleValue());
        if (Double.isInfinite(start)) throw new ArithmeticException("erfinv too close to ±1 for the reference");
        BigDecimal x = new BigDecimal(start);
        BigDecimal halfSqrtPi = BigDecimalMath.pi(MC).sqrt(MC).divide(BigDecimal.valueOf(2), MC);
        for (int i = 0; i < 4; i++) {
            x = x.subtract(erf(x).subtract(z, MC).multiply(halfSqrtPi, MC).multiply(BigDecimalMath.exp(x.multiply(x, MC), MC), MC), MC);
        }
        return x;
    }
}
