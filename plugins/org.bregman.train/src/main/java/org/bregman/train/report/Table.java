package org.bregman.train.report;

import java.util.List;
import java.util.Locale;

import org.bregman.train.Num;

/** A square comparison table whose diagonal should be the row minimum (NaN = not available). */
public record Table(String title, String corner, List<String> rows, List<String> columns, double[][] values) {

    /** Rows whose diagonal entry is finite and ≤ every other finite entry of the row (and that have one). */
    public int diagonalMinimumRows() {
        int c = 0;
        for (int i = 0; i < values.length; i++) if (comparable(i) && diagonalIsMin(i)) c++;
        return c;
    }

    /** Rows with a finite diagonal and at least one other finite entry. */
    public int comparableRows() {
        int c = 0;
        for (int i = 0; i < values.length; i++) if (comparable(i)) c++;
        return c;
    }

    public boolean comparable(int i) {
        if (i >= values[i].length || !Double.isFinite(values[i][i])) return false;
        for (int j = 0; j < values[i].length; j++) if (j != i && Double.isFinite(values[i][j])) return true;
        return false;
    }

    public boolean diagonalIsMin(int i) {
        for (int j = 0; j < values[i].length; j++) {
            if (j != i && Double.isFinite(values[i][j]) && values[i][j] < values[i][i]) return false;
        }
        return true;
    }

    public String verdict() {
        int c = comparableRows();
        if (c == 0) return "no row can be compared (runs missing, stopped short of the target or diverged)";
        return "diagonal is the row minimum in " + diagonalMinimumRows() + " of " + c + " rows"
                + (c < values.length ? " (" + (values.length - c) + (values.length - c == 1 ? " row lacks" : " rows lack") + " converged runs)" : "");
    }

    /** Markdown with the diagonal in bold. */
    public String markdown() {
        StringBuilder b = new StringBuilder("| ").append(corner).append(" |");
        for (String c : columns) b.append(' ').append(c).append(" |");
        b.append("\n|---|");
        b.append("---:|".repeat(columns.size())).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            b.append("| ").append(rows.get(i)).append(" |");
            for (int j = 0; j < columns.size(); j++) {
                String v = Num.short4(values[i][j]);
                b.append(' ').append(i == j ? "**" + v + "**" : v).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    public String csv() {
        StringBuilder b = new StringBuilder(Csv.cell(corner));
        for (String c : columns) b.append(',').append(Csv.cell(c));
        b.append('\n');
        for (int i = 0; i < rows.size(); i++) {
            b.append(Csv.cell(rows.get(i)));
            for (int j = 0; j < columns.size(); j++) b.append(',').append(Csv.num(values[i][j]));
            b.append('\n');
        }
        return b.toString();
    }

    static final class Csv {
        static String cell(String s) {
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }

        static String num(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.10g", v);
        }

        /** The cells of one line written with {@link #cell}: quoted cells may hold commas and doubled quotes. */
        static List<String> split(String line) {
            List<String> out = new java.util.ArrayList<>();
            StringBuilder b = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    out.add(b.toString());
                    b.setLength(0);
                } else {
                    b.append(ch);
                }
            }
            out.add(b.toString());
            return out;
        }
    }
}
