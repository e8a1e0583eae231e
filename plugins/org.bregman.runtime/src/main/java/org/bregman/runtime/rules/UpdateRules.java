package org.bregman.runtime.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of built-in update rules, by name, in the order the README lists them. */
public final class UpdateRules {

    private UpdateRules() {
    }

    /** Every rule, by name. A new rule is one class plus one line here. */
    public static final Map<String, UpdateRule> ALL = register(new SmoothedSign(), new SignDescent(), new SteepestL1(), new SteepestLinf(),
            new NormalizedGD());

    private static Map<String, UpdateRule> register(UpdateRule... rules) {
        Map<String, UpdateRule> m = new LinkedHashMap<>();
        for (UpdateRule r : rules) {
            if (m.put(r.name(), r) != null) throw new IllegalStateException("two update rules named " + r.name());
        }
        return Collections.unmodifiableMap(m);
    }

    /** The rule named {@code name}, or {@code null}. */
    public static UpdateRule get(String name) {
        return ALL.get(name);
    }
}
