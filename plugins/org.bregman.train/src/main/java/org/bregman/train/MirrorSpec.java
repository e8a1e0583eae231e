package org.bregman.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.bregman.potential.api.ResolvedExperiment;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.rules.UpdateRule;
import org.bregman.runtime.rules.UpdateRules;

/**
 * One mirror of an experiment: a compiled potential with its arguments as written at the use site
 * ({@code QNorm(q = 3)}), and an optional learning rate of its own ({@code lr … per mirror { … }}); or, with
 * {@code rule} instead of {@code map}, a built-in update rule compared with the mirrors ({@code optimizers
 * SignDescent}): it trains and reports like a mirror, but has no potential (no Bregman row, no exact minimiser).
 *
 * @param name the potential's name
 * @param args the arguments written at the use site (shown in labels); the map's full parameter set is
 *     {@code map.parameters()}
 * @param map the compiled mirror map
 * @param lr this mirror's learning rate, or {@code null} for the experiment's
 * @param rule the update rule's step when this is an optimizer ({@code map} is then {@code null})
 */
public record MirrorSpec(String name, Map<String, Double> args, MirrorMap map, Double lr, UpdateRule.Step rule) {

    public MirrorSpec {
        Objects.requireNonNull(name, "name");
        if ((map == null) == (rule == null)) throw new IllegalArgumentException(name + ": exactly one of a mirror map and an update rule");
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        if (lr != null && (!(lr > 0) || Double.isInfinite(lr))) {
            throw new IllegalArgumentException("mirror " + name + ": lr must be positive, got " + lr);
        }
    }

    public MirrorSpec(String name, Map<String, Double> args, MirrorMap map, Double lr) {
        this(name, args, map, lr, null);
    }

    public MirrorSpec(String name, Map<String, Double> args, MirrorMap map) {
        this(name, args, map, null, null);
    }

    /** A built-in update rule ({@code optimizers …}) with the arguments written and an optional lr of its own. */
    public static MirrorSpec optimizer(String name, Map<String, Double> args, UpdateRule.Step rule, Double lr) {
        return new MirrorSpec(name, args, null, lr, Objects.requireNonNull(rule, "rule"));
    }

    /** A built-in update rule of the {@code optimizers} setting: its parameters (defaults filled in) label it; {@code lr} is its own rate. */
    static MirrorSpec optimizer(ResolvedExperiment.Call c) {
        UpdateRule rule = UpdateRules.get(c.name());
        if (rule == null) throw new IllegalArgumentException("optimizer " + c.name() + " is not supported by the trainer");
        Map<String, Double> args = new LinkedHashMap<>();
        for (UpdateRule.Param p : rule.params()) args.put(p.name(), c.number(p.name())); // defaults filled in by the vocabulary
        double lr = c.number("lr");
        return optimizer(rule.name(), args, rule.create(args), Double.isNaN(lr) ? null : lr);
    }

    /** Whether this is a potential's mirror map (else a built-in update rule). */
    public boolean isMirror() {
        return map != null;
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
