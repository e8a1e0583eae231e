package org.bregman.codegen.ir;

/**
 * asinh, acosh and atanh, which {@link Math} lacks. The interpreter calls these methods, which are
 * {@code org.bregman.symbolic.Func}'s; the generated classes carry {@link #SOURCE}, a verbatim copy of
 * the same formulas (an exported jar needs no other class), so both compute the same bits (the
 * compiled-vs-interpreter tests check it).
 */
public final class Helpers {

    private Helpers() {
    }

    // The interpreter uses the symbolic engine's definitions; SOURCE below is the same code as text.
    public static double asinh(double x) {
        return org.bregman.symbolic.Func.asinh(x);
    }

    public static double acosh(double x) {
        return org.bregman.symbolic.Func.acosh(x);
    }

    public static double atanh(double x) {
        return org.bregman.symbolic.Func.atanh(x);
    }

    /** The same three methods as Java source, for generated classes (hex literals avoided for Janino). */
    public static final String SOURCE = """
                private static double asinh(double x) {
                    double a = Math.abs(x);
                    double r;
                    if (a > 2.68435456E8) {
                        r = Math.log(a) + 0.6931471805599453;
                    } else if (a < 3.725290298461914E-9) {
                        return x;
                    } else {
                        r = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
                    }
                    return Math.copySign(r, x);
                }

                private static double acosh(double x) {
                    if (!(x >= 1)) return Double.NaN;
                    if (x > 2.68435456E8) return Math.log(x) + 0.6931471805599453;
                    double t = x - 1;
                    return Math.log1p(t + Math.sqrt(2 * t + t * t));
                }

                private static double atanh(double x) {
                    double a = Math.abs(x);
                    if (a > 1) return Double.NaN;
                    if (a < 3.725290298461914E-9) return x;
                    return Math.copySign(0.5 * Math.log1p(2 * a / (1 - a)), x);
                }
            """;
}
