package org.bregman.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the mirror maps that are on the class path (for example in an exported optimizer jar). */
public final class MirrorMaps {

    private MirrorMaps() {
    }

    /** Every registered factory, in class-path order. */
    public static List<MirrorMapFactory> factories() {
        return factories(Thread.currentThread().getContextClassLoader());
    }

    public static List<MirrorMapFactory> factories(ClassLoader loader) {
        List<MirrorMapFactory> all = new ArrayList<>();
        ServiceLoader.load(MirrorMapFactory.class, loader).forEach(all::add);
        return all;
    }

    /**
     * The mirror map of the potential called {@code name} with these arguments (others default).
     *
     * @throws IllegalArgumentException when no such potential is registered
     */
    public static MirrorMap create(String name, Map<String, Double> arguments) {
        for (MirrorMapFactory f : factories()) {
            if (f.name().equals(name)) {
                return f.create(arguments);
            }
        }
        List<String> known = factories().stream().map(MirrorMapFactory::name).collect(java.util.stream.Collectors.toList());
        throw new IllegalArgumentException("no potential named '" + name + "' on the class path; known: " + known);
    }
}
