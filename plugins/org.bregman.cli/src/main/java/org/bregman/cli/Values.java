package org.bregman.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parsing of numbers and sizes given on the command line (usage errors, exit status 2). */
final class Values {

    private Values() {
    }

    static double number(String option, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Main.UserError(option + ": '" + text + "' is not a number", Main.USAGE_ERROR);
        }
    }

    static Map<String, Double> parameters(Map<String, String> set) {
        Map<String, Double> out = new LinkedHashMap<>();
        set.forEach((k, v) -> out.put(k.trim(), number("--set " + k, v)));
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
