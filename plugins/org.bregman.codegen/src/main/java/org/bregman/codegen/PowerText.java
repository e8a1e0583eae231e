package org.bregman.codegen;

/**
 * The text of |x|^e for the fused reductions ({@link CompositeVectorTemplate}), e &gt; 1, from a float x ({@code a} is
 * |x| as lanes or a scalar): multiplications and one square root for whole and half-integral e up to 8 (q = 3: a·a·a,
 * p = 3/2: a·√a), in float (the fast terms: {@link #onFloats}) or in double; otherwise {@link StrictMath#pow} in double,
 * whose value does not depend on how the JIT compiled the caller (a carried sum must equal a fresh one bit for bit).
 * Lanes of either type take the same text. A float32 root refined by a Newton step in double measured slower than the
 * double root here (one more conversion and four operations per pair of lanes).
 */
final class PowerText {

    private PowerText() {
    }

    /**
     * Whether |x|^e has a float text: e whole or half-integral, at most 8. Each operation is correctly rounded, so a
     * term that stays a normal float is within {@link #roundings}(e)·2⁻²⁴ (first order) of |x|^e.
     */
    static boolean onFloats(double e) {
        return whole(e) >= 1;
    }

    /** The roundings of the float text: ⌊e⌋ − 1 products, and a root and its product for half-integral e. */
    static int roundings(double e) {
        return whole(e) - 1 + (half(e) ? 2 : 0);
    }

    /** On float or double lanes ({@code powLanes} is the generated lane-by-lane StrictMath.pow, double lanes only). */
    static String lanes(String a, double e) {
        int whole = whole(e);
        if (whole < 0) return "powLanes(" + a + ", " + JavaText.doubleLiteral(e) + ")";
        StringBuilder b = new StringBuilder(whole == 0 ? a + ".sqrt()" : a);
        for (int i = 1; i < whole; i++) b.append(".mul(").append(a).append(')');
        if (half(e) && whole > 0) b.append(".mul(").append(a).append(".sqrt())");
        return b.toString();
    }

    /** On a double, or a float ({@code onFloat}: only where {@link #onFloats}), the same operations in the same order. */
    static String scalar(String a, double e, boolean onFloat) {
        int whole = whole(e);
        if (whole < 0) return "StrictMath.pow(" + a + ", " + JavaText.doubleLiteral(e) + ")";
        String root = (onFloat ? "(float) Math.sqrt(" : "Math.sqrt(") + a + ")";
        StringBuilder b = new StringBuilder(whole == 0 ? root : a);
        for (int i = 1; i < whole; i++) b.append(" * ").append(a);
        if (half(e) && whole > 0) b.append(" * ").append(root);
        return b.toString();
    }

    /** ⌊e⌋ when 2e is a whole number in [1, 16], else −1. */
    private static int whole(double e) {
        double twice = 2 * e;
        return twice == Math.rint(twice) && twice >= 1 && twice <= 16 ? (int) Math.floor(e) : -1;
    }

    private static boolean half(double e) {
        return 2 * e != 2 * Math.floor(e);
    }
}
