package org.bregman.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsing of numbers and sizes given on the command line (usage errors, exit status 2). */
final class Values {

    private Values() {
    }

    static double number(String option, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (!Double.isFinite(d)) {
                // Infinity, NaN and 1e400 alike: every value given on the command line must be a finite double
                throw new Main.UserError(option + ": '" + shown(text) + "' is not a finite number"
                        + (Double.isNaN(d) ? "" : " (at most ±1.7976931348623157e308)"), Main.USAGE_ERROR);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Main.UserError(option + ": '" + shown(text) + "' is not a number", Main.USAGE_ERROR);
        }
    }

    /** Command-line text as it may be printed (control characters escaped). */
    static String shown(String text) {
        return org.bregman.potential.api.SourceText.printable(text);
    }

    /** {@code --set NAME=VALUE}, repeatable: each name once, each value a finite number (usage errors otherwise). */
    static Map<String, Double> parameters(List<String> set) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String item : set) {
            int eq = item.indexOf('=');
            String name = eq < 0 ? "" : item.substring(0, eq).trim();
            if (name.isEmpty()) {
                throw new Main.UserError("--set takes NAME=VALUE, e.g. --set q=3; got '" + shown(item) + "'", Main.USAGE_ERROR);
            }
            if (out.containsKey(name)) {
                throw new Main.UserError("--set " + shown(name) + " is given twice: give each parameter once", Main.USAGE_ERROR);
            }
            out.put(name, number("--set " + shown(name), item.substring(eq + 1)));
        }
        return out;
    }

    /** {@code 10M}, {@code 670k}, {@code 1e6}, {@code 4096}. */
    static long size(String option, String text) {
        String t = text.trim();
        long unit = 1;
        if (!t.isEmpty()) {
            switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
                case 'k' -> unit = 1_000;
                case 'm' -> unit = 1_000_000;
                case 'g' -> unit = 1_000_000_000;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        double d = number(option, digits) * unit;
        if (d < 1 || d > Integer.MAX_VALUE - 8 || d != Math.rint(d)) {
            throw new Main.UserError(option + ": '" + text + "' is not a size between 1 and 2G elements", Main.USAGE_ERROR);
        }
        return (long) d;
    }
}
