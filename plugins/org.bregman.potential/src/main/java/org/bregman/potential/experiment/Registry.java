package org.bregman.potential.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entries of one kind, in registration order (the order of content assist and of "known: …" lists). */
public final class Registry<E> {
    private final Map<String, E> entries = new LinkedHashMap<>();
    private final java.util.function.Function<E, String> name;

    Registry(java.util.function.Function<E, String> name) {
        this.name = name;
    }

    /** Adds an entry; a test may register one of its own (a name is registered once). */
    public synchronized Registry<E> register(E entry) {
        String n = name.apply(entry);
        if (entries.putIfAbsent(n, entry) != null) throw new IllegalStateException(n + " is registered twice");
        return this;
    }

    /** Removes what a test registered. */
    public synchronized void unregister(String n) {
        entries.remove(n);
    }

    public synchronized E get(String n) {
        return n == null ? null : entries.get(n);
    }

    public synchronized boolean containsKey(String n) {
        return n != null && entries.containsKey(n);
    }

    public synchronized List<String> keySet() {
        return List.copyOf(entries.keySet());
    }

    public synchronized List<E> values() {
        return List.copyOf(entries.values());
    }
}
