package org.bregman.codegen;

/**
 * The text of |x|^e for the fused reductions ({@link CompositeVectorTemplate}), e &gt; 1, in double from a float x:
 * {@code a} is |x| (a double, or double lanes), {@code root} its float32 square root fl(√a) as a double (read only where
 * {@link #needsRoot}). Whole e up to 8 by multiplications (q = 3: a·a·a); half-integral e up to 8 without a double
 * root: a^(e−3/2)·h with h = s·(3a − s²)/2 from s = fl(√a) (one Newton step for a·√a: with s = √a·(1 + ε), h =
 * a^(3/2)·(1 − 3ε²/2 − ε³/2), |ε| ≤ 2⁻²⁴, so below 2⁻⁴⁷ relative; s² and 3a are exact in double); other e by
 * {@link StrictMath#pow}. Every form's value depends only on x, not on how the JIT compiled the caller (a carried sum
 * must equal a fresh one bit for bit: a float square root is correctly rounded in lanes and in {@code (float) Math.sqrt}).
 */
final class PowerText {

    private PowerText() {
    }

    /** Whether the form of e reads {@code root}. */
    static boolean needsRoot(double e) {
        return whole(e) >= 1 && half(e);
    }

    /** On double lanes ({@code powLanes} is the generated lane-by-lane StrictMath.pow). */
    static String lanes(String a, String root, double e) {
        int whole = whole(e);
        if (whole < 1) return "powLanes(" + a + ", " + JavaText.doubleLiteral(e) + ")";
        int factors = half(e) ? whole - 1 : whole; // the a's before h
        String h = root + ".mul(" + a + ".mul(3.0).sub(" + root + ".mul(" + root + "))).mul(0.5)";
        StringBuilder b = new StringBuilder(factors == 0 ? h : a);
        for (int i = 1; i < factors; i++) b.append(".mul(").append(a).append(')');
        if (half(e) && factors > 0) b.append(".mul(").append(h).append(')');
        return b.toString();
    }

    /** On a double, the same operations in the same order. */
    static String scalar(String a, String root, double e) {
        int whole = whole(e);
        if (whole < 1) return "StrictMath.pow(" + a + ", " + JavaText.doubleLiteral(e) + ")";
        int factors = half(e) ? whole - 1 : whole;
        String h = root + " * (3.0 * " + a + " - " + root + " * " + root + ") * 0.5";
        StringBuilder b = new StringBuilder(factors == 0 ? h : a);
        for (int i = 1; i < factors; i++) b.append(" * ").append(a);
        if (half(e) && factors > 0) b.append(" * (").append(h).append(')');
        return b.toString();
    }

    /** The text of m^f for a double m ≥ 0: a square root for f = 1/2, m itself for 1, else StrictMath.pow. */
    static String scale(String m, double f) {
        if (f == 0.5) return "Math.sqrt(" + m + ")";
        if (f == 1) return m;
        return "StrictMath.pow(" + m + ", " + JavaText.doubleLiteral(f) + ")";
    }

    /** ⌊e⌋ when 2e is a whole number in [2, 16], else −1. */
    private static int whole(double e) {
        double twice = 2 * e;
        return twice == Math.rint(twice) && twice >= 2 && twice <= 16 ? (int) Math.floor(e) : -1;
    }

    private static boolean half(double e) {
        return 2 * e != 2 * Math.floor(e);
    }
}
