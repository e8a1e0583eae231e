package org.bregman.train;

import java.util.Locale;

/** Number formatting shared by labels, tables and file names. */
public final class Num {

    private Num() {
    }

    /** {@code 3} for 3.0, {@code 1.5} for 1.5, shortest round-trip form otherwise. */
    public static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        return Double.toString(x);
    }

    /** Compact form for tables: 4 significant digits. */
    public static String short4(double x) {
        if (Double.isNaN(x)) return "—";
        if (x == 0) return "0";
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e5) return String.format(Locale.ROOT, "%.4g", x);
        return String.format(Locale.ROOT, "%.3e", x);
    }

    /** Keeps letters, digits, '.', '-' and '_' so that the result is a safe file-name part. */
    public static String safe(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        return b.toString();
    }
}
