package org.bregman.potential.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Sources the tests of several modules write: the ℓq potential most of them train with, experiment blocks built
 * from only the settings a test is about, and the fuzzers' token edit. Shared as source (build-helper /
 * maven-resources-plugin), not as a test-jar: a test-jar would carry this bundle's manifest and confuse Tycho.
 */
public final class TestSources {

    /** {@code QNorm(q = 3 where q > 1)}: three lines, so an experiment after it starts on line 4. */
    public static final String QNORM = """
            potential QNorm(q = 3 where q > 1) {
                psi(w) = |w|^q / q
            }
            """;

    private TestSources() {
    }

    /**
     * An experiment block, e.g. {@code experiment("E").with("data", "regression(n = 4, d = 8)").with("mirrors", "QNorm")};
     * {@code model linear} and {@code loss squared} unless set, one setting a line in the usual order (data on the
     * block's second line, model on its third).
     */
    public static Experiment experiment(String name) {
        return new Experiment(name);
    }

    /** Deletes, duplicates or swaps whole whitespace-separated tokens (the fuzzers' structural edit). */
    public static String tokenEdit(String s, RandomGenerator rnd) {
        String[] t = s.split("(?<=\\s)|(?=\\s)");
        if (t.length < 2) return s;
        int i = rnd.nextInt(t.length), j = rnd.nextInt(t.length);
        List<String> l = new ArrayList<>(List.of(t));
        switch (rnd.nextInt(3)) {
            case 0 -> l.remove(i);
            case 1 -> l.add(i, l.get(i));
            default -> {
                String x = l.get(i);
                l.set(i, l.get(j));
                l.set(j, x);
            }
        }
        return String.join("", l);
    }

    public static final class Experiment {
        private final String name;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Experiment(String name) {
            this.name = name;
            for (String k : new String[] {"data", "model", "loss", "mirrors", "init", "lr", "batch", "until", "report"}) settings.put(k, null);
            settings.put("model", "linear");
            settings.put("loss", "squared");
        }

        /** Sets (or replaces) one setting, e.g. {@code with("lr", "0.1")}; {@code null} leaves it out. */
        public Experiment with(String keyword, String value) {
            if (!settings.containsKey(keyword)) throw new IllegalArgumentException("no experiment setting '" + keyword + "'");
            settings.put(keyword, value);
            return this;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("experiment ").append(name).append(" {\n");
            settings.forEach((k, v) -> {
                if (v != null) b.append(String.format("    %-8s%s", k, v)).append('\n');
            });
            return b.append("}\n").toString();
        }
    }
}
