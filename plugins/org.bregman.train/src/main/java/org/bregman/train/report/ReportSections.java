package org.bregman.train.report;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.potential.experiment.Vocabulary;

/**
 * The writers of the report items. An item is described once, in {@link Vocabulary#REPORTS}, whose order is the
 * order of the sections in {@code summary.md}; its writer is found by name: the item {@code name} is written by the
 * class {@code org.bregman.train.report.<Name>Section} (the name with its first letter in upper case), which implements
 * {@link ReportSection} and has a constructor without arguments. Each writer is created once. {@code TrainingRegistryTest}
 * fails when a described item has no such class, or such a class describes no item. A test may register a writer of
 * its own under a name of its own; it is written after the described items.
 */
public final class ReportSections {
    private ReportSections() {
    }

    /** Writers found by the naming convention, created once. */
    private static final Map<String, ReportSection> FOUND = new HashMap<>();
    /** Writers registered by tests, in registration order. */
    private static final Map<String, ReportSection> REGISTERED = new LinkedHashMap<>();
    /** Items written whether requested or not (their files; they decide themselves what goes into the summary). */
    private static final List<String> ALWAYS = List.of("curves");

    /** The class that writes the item {@code name} by the convention: {@code curves} → {@code CurvesSection}. */
    public static String className(String name) {
        return ReportSections.class.getPackageName() + "." + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Section";
    }

    /** Registers a writer under a name the language does not describe (a test's own item), after the others. */
    public static synchronized void register(String name, ReportSection section) {
        if (Vocabulary.REPORTS.containsKey(name) || REGISTERED.putIfAbsent(name, section) != null) {
            throw new IllegalStateException("report " + name + " is registered twice");
        }
    }

    /** Removes what a test registered. */
    public static synchronized void unregister(String name) {
        REGISTERED.remove(name);
    }

    /** Every item with a writer, in summary order: the described items, then those registered by tests. */
    public static synchronized List<String> names() {
        List<String> out = new ArrayList<>(Vocabulary.REPORTS.keySet());
        out.addAll(REGISTERED.keySet());
        return out;
    }

    /** The writer of {@code name}; an unknown name is a clear error, and so is a described item without its writer class. */
    public static synchronized ReportSection get(String name) {
        ReportSection registered = REGISTERED.get(name);
        if (registered != null) return registered;
        if (!Vocabulary.REPORTS.containsKey(name)) {
            throw new IllegalArgumentException("unknown report '" + name + "'; known: " + String.join(", ", names()));
        }
        return FOUND.computeIfAbsent(name, ReportSections::create);
    }

    private static ReportSection create(String name) {
        String className = className(name);
        try {
            Class<?> c = Class.forName(className, true, ReportSections.class.getClassLoader());
            if (!ReportSection.class.isAssignableFrom(c)) throw new IllegalStateException(className + " does not implement ReportSection");
            return (ReportSection) c.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("report item " + name + " is described (Vocabulary.REPORTS) but has no writer " + className, e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException t ? t.getCause() : e;
            throw new IllegalStateException("cannot create the writer " + className + " of report item " + name, cause);
        }
    }

    /** The sections to write for {@code requested}, in summary order. */
    static List<ReportSection> toWrite(Set<String> requested) {
        return names().stream().filter(n -> requested.contains(n) || ALWAYS.contains(n)).map(ReportSections::get).toList();
    }
}
