package org.bregman.codegen;

import java.util.Locale;

/**
 * Everything that turns user-controlled text or numbers into Java source goes through here, so that
 * generated code never contains raw user text: identifiers are validated and mangled, strings and
 * comments are escaped (including the {@code \}{@code u} escapes that Java and Janino process even
 * inside comments and string literals), numbers are printed by {@link Double#toString}.
 */
public final class JavaText {

    private JavaText() {
    }

    /**
     * A Java identifier derived from a user name: the prefix {@code Bregman_} (so that no keyword,
     * {@code java.lang} class such as {@code Math}/{@code String} or generated name can clash), then
     * ASCII letters and digits as they are and every other character as {@code _xHHHH} (so the mapping
     * is injective).
     */
    public static String className(String userName) {
        StringBuilder b = new StringBuilder("Bregman_");
        for (int i = 0; i < userName.length(); i++) {
            char c = userName.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            } else {
                b.append(String.format(Locale.ROOT, "_x%04X", (int) c));
            }
        }
        return b.toString();
    }

    /**
     * A Java string literal (with quotes) for arbitrary text: safe printable ASCII as is, other
     * characters below 256 as octal escapes (never a backslash followed by {@code u}), the rest as
     * {@code \}{@code uXXXX} — which is harmless only because no character ≥ 256 is Java syntax.
     */
    public static String stringLiteral(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSafe(c)) {
                b.append(c);
            } else if (c < 256) {
                b.append('\\').append(String.format(Locale.ROOT, "%03o", (int) c));
            } else {
                b.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
            }
        }
        return b.append('"').toString();
    }

    /**
     * Text for the inside of a Javadoc comment: safe ASCII as is, everything else (including
     * {@code /}, {@code \} and non-ASCII) as HTML character references, so that neither {@code *}{@code /}
     * nor a unicode escape can appear. Line breaks become {@code "\n * "}.
     */
    public static String commentText(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                b.append("\n * ");
            } else if (c == '\r') {
                // dropped: CR LF is one line break
            } else if (isSafe(c) && c != '/' && c != '*' && c != '@') {
                b.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append("&#").append(Character.toCodePoint(c, s.charAt(i + 1))).append(';');
                i++;
            } else {
                b.append("&#").append((int) c).append(';');
            }
        }
        return b.toString();
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || " _.,;:()[]<>=+-*/!?^|%#'".indexOf(c) >= 0;
    }

    /** A double literal or constant expression with exactly the value {@code v}. */
    public static String doubleLiteral(double v) {
        if (Double.isNaN(v)) return "Double.NaN";
        if (v == Double.POSITIVE_INFINITY) return "Double.POSITIVE_INFINITY";
        if (v == Double.NEGATIVE_INFINITY) return "Double.NEGATIVE_INFINITY";
        String s = Double.toString(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    /** A float literal with the value {@code (float) v}. */
    public static String floatLiteral(double v) {
        float f = (float) v;
        if (Float.isNaN(f)) return "Float.NaN";
        if (f == Float.POSITIVE_INFINITY) return "Float.POSITIVE_INFINITY";
        if (f == Float.NEGATIVE_INFINITY) return "Float.NEGATIVE_INFINITY";
        String s = Float.toString(f) + "f";
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
