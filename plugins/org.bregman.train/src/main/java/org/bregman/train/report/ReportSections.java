package org.bregman.train.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writers of the report items, by name, in the order their sections appear in {@code summary.md}. A name is
 * described once, in {@link org.bregman.potential.experiment.Vocabulary#REPORTS}; {@code TrainingRegistryTest}
 * fails when a described item has no writer here.
 */
public final class ReportSections {
    private ReportSections() {
    }

    private static final Map<String, ReportSection> SECTIONS = new LinkedHashMap<>();
    /** Items written whether requested or not (their files; they decide themselves what goes into the summary). */
    private static final List<String> ALWAYS = List.of("curves");

    static {
        register("bregman", new BregmanSection());
        register("closest", new ClosestSection());
        register("exact", new ExactSection());
        register("kkt", c -> KktReport.of(c.result).writeTo(c));
        register("histogram", new HistogramSection());
        register("accuracy", new AccuracySection());
        register("margin", new MarginSection());
        register("combined", new CombinedSection());
        register("maxMargin", new MaxMarginSection());
        register("closeness", new ClosenessSection());
        register("nuclear", new NuclearSection());
        register("neurons", new NeuronsSection());
        register("curves", new CurvesSection());
        register("predictors", new PredictorsSection());
    }

    /** Registers the writer of {@code name}, after the others (a test may register one of its own). */
    public static synchronized void register(String name, ReportSection section) {
        if (SECTIONS.putIfAbsent(name, section) != null) throw new IllegalStateException("report " + name + " is registered twice");
    }

    /** Removes what a test registered. */
    public static synchronized void unregister(String name) {
        SECTIONS.remove(name);
    }

    public static synchronized List<String> names() {
        return List.copyOf(SECTIONS.keySet());
    }

    /** The writer of {@code name}; an unknown name is a clear error. */
    public static synchronized ReportSection get(String name) {
        ReportSection s = SECTIONS.get(name);
        if (s == null) throw new IllegalArgumentException("unknown report '" + name + "'; known: " + String.join(", ", SECTIONS.keySet()));
        return s;
    }

    /** The sections to write for {@code requested}, in summary order. */
    static synchronized List<ReportSection> toWrite(java.util.Set<String> requested) {
        return SECTIONS.entrySet().stream().filter(e -> requested.contains(e.getKey()) || ALWAYS.contains(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }
}
