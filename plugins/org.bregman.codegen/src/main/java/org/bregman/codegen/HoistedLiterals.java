package org.bregman.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated source with its floating-point literals taken out: each literal becomes a {@code static final} field of
 * the top-level class, set at class initialisation from the class loader ({@link JaninoCompiler#compileReusing}). Two
 * bindings of one potential whose sources differ only in their numbers (q = 2.5 and q = 3.7) then have the same
 * {@link #shape} and share one Janino compile. The fields are {@code static final}, so the JIT folds them as it folds the
 * literals, and the arithmetic is the literals' (same types, same order): results are bit for bit the same.
 *
 * @param shape  the source without comments and with every floating-point literal replaced by a field, or {@code null}
 *               when the source has no top-level class to put the fields in
 * @param values the literals' values in order of appearance (a float literal's value widened exactly)
 */
record HoistedLiterals(String shape, double[] values) {

    /** The field array's name and the fields' prefix: not a name the generator writes. */
    static final String ARRAY = "K$";

    static HoistedLiterals of(String source) {
        StringBuilder out = new StringBuilder(source.length() + 256);
        List<Double> values = new ArrayList<>();
        StringBuilder fields = new StringBuilder();
        String className = null;
        int bodyStart = -1;
        boolean afterClass = false;
        int n = source.length();
        for (int i = 0; i < n;) {
            char c = source.charAt(i);
            int end;
            if (c == '/' && i + 1 < n && (source.charAt(i + 1) == '/' || source.charAt(i + 1) == '*')) {
                // comments name the binding ("specialised for q = 2.5") and never reach the bytecode: not part of the shape
                i = source.charAt(i + 1) == '/' ? lineEnd(source, i) : blockEnd(source, i);
                out.append(' ');
                continue;
            } else if (c == '"' || c == '\'') {
                end = quotedEnd(source, i, c);
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) end++;
                String word = source.substring(i, end);
                if (afterClass && className == null) className = word;
                afterClass |= word.equals("class") && className == null;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1))) {
                end = numberEnd(source, i);
                String token = source.substring(i, end);
                if (isFloatingPoint(token)) {
                    boolean isFloat = token.endsWith("f") || token.endsWith("F");
                    int k = values.size();
                    values.add(isFloat ? (double) Float.parseFloat(token) : Double.parseDouble(token));
                    fields.append("\tstatic final ").append(isFloat ? "float " : "double ").append(ARRAY).append(k).append(" = ")
                            .append(isFloat ? "(float) " : "").append(ARRAY).append('[').append(k).append("];\n");
                    out.append(ARRAY).append(k);
                    i = end;
                    continue;
                }
            } else {
                end = i + 1;
                if (c == '{' && className != null && bodyStart < 0) bodyStart = out.length() + 1;
            }
            out.append(source, i, end);
            i = end;
        }
        if (bodyStart < 0) return new HoistedLiterals(null, new double[0]);
        out.insert(bodyStart, "\n\tstatic final double[] " + ARRAY + " = (double[]) ((java.util.function.Supplier) " + className
                + ".class.getClassLoader()).get();\n" + fields);
        return new HoistedLiterals(out.toString(), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean isFloatingPoint(String token) {
        if (token.startsWith("0x") || token.startsWith("0X")) return false; // hexadecimal floats are not generated
        char last = token.charAt(token.length() - 1);
        return token.indexOf('.') >= 0 || token.indexOf('e') >= 0 || token.indexOf('E') >= 0 || "fFdD".indexOf(last) >= 0;
    }

    private static int numberEnd(String s, int i) {
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            boolean sign = (c == '+' || c == '-') && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E') && !s.startsWith("0x", i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || sign)) break;
            j++;
        }
        return j;
    }

    private static int lineEnd(String s, int i) {
        int j = s.indexOf('\n', i);
        return j < 0 ? s.length() : j;
    }

    private static int blockEnd(String s, int i) {
        int j = s.indexOf("*/", i + 2);
        return j < 0 ? s.length() : j + 2;
    }

    private static int quotedEnd(String s, int i, char quote) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != quote) j += s.charAt(j) == '\\' ? 2 : 1;
        return Math.min(j + 1, s.length());
    }
}
