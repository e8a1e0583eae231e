package org.bregman.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.bregman.runtime.MirrorMap;

/**
 * One mirror of an experiment: a compiled potential with its arguments as written at the use site
 * ({@code QNorm(q = 3)}), and an optional learning rate of its own ({@code lr … per mirror { … }}).
 *
 * @param name the potential's name
 * @param args the arguments written at the use site (shown in labels); the map's full parameter set is
 *     {@code map.parameters()}
 * @param map the compiled mirror map
 * @param lr this mirror's learning rate, or {@code null} for the experiment's
 */
public record MirrorSpec(String name, Map<String, Double> args, MirrorMap map, Double lr) {

    public MirrorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(map, "map");
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        if (lr != null && (!(lr > 0) || Double.isInfinite(lr))) {
            throw new IllegalArgumentException("mirror " + name + ": lr must be positive, got " + lr);
        }
    }

    public MirrorSpec(String name, Map<String, Double> args, MirrorMap map) {
        this(name, args, map, null);
    }

    /** As written by the user, e.g. {@code QNorm(q = 3)} or {@code NegEntropy}. */
    public String label() {
        if (args.isEmpty()) return name;
        return name + args.entrySet().stream().map(e -> e.getKey() + " = " + Num.format(e.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A file-name-safe key, e.g. {@code QNorm_q3} or {@code QNorm_q1.5}. */
    public String key() {
        StringBuilder b = new StringBuilder(Num.safe(name));
        args.forEach((k, v) -> b.append('_').append(Num.safe(k)).append(Num.safe(Num.format(v))));
        return b.toString();
    }
}
