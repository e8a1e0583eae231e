package org.bregman.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.rules.UpdateRule;
import org.bregman.runtime.rules.UpdateRules;
import org.bregman.symbolic.Derivation;
import org.bregman.train.model.Loss;

/**
 * The language's resolved experiment ({@link org.bregman.potential.api.ResolvedExperiment}: defaults filled in, files
 * absolute) → the trainer's {@link ExperimentSpec}, once: data, model and initialisation through the factories of
 * {@link TrainingRegistry}, each mirror derived and compiled once by the code generator.
 */
public final class ExperimentTranslator {

    private ExperimentTranslator() {
    }

    public static ExperimentSpec translate(org.bregman.potential.api.ResolvedExperiment x) {
        Loss loss = Loss.of(x.loss().name());
        List<MirrorSpec> mirrors = new ArrayList<>();
        for (var m : x.mirrors()) mirrors.add(new MirrorSpec(m.potential(), m.arguments(), compile(m), m.lr() == x.lr() ? null : m.lr()));
        for (var o : x.optimizers()) mirrors.add(optimizer(o));
        List<Long> seeds = x.seeds().stream().map(Integer::longValue).toList();
        // batch 0 = the whole data set (the trainer takes min(batch, n))
        int batch = x.batch() <= 0 ? Integer.MAX_VALUE : x.batch();
        return new ExperimentSpec(x.name(), TrainingRegistry.DATA.create(x.data(), loss), TrainingRegistry.MODELS.create(x.model(), loss), loss,
                mirrors, TrainingRegistry.INITS.create(x.init(), loss), seeds, x.lr(), batch, until(x.until()), new LinkedHashSet<>(x.report()),
                x.safeguarded() ? Safeguard.DEFAULT : null, x.kkt() == null ? null : new MirrorSpec(x.kkt().potential(), x.kkt().arguments(), compile(x.kkt())));
    }

    private static MirrorMap compile(org.bregman.potential.api.ResolvedExperiment.Mirror m) {
        return Optimizers.compile(Derivation.derive(m.spec(), m.values()), null);
    }

    /** A built-in update rule of the {@code optimizers} setting: its parameters (defaults filled in) label it; {@code lr} is its own rate. */
    static MirrorSpec optimizer(org.bregman.potential.api.ResolvedExperiment.Call c) {
        UpdateRule rule = UpdateRules.get(c.name());
        if (rule == null) throw new IllegalArgumentException("optimizer " + c.name() + " is not supported by the trainer");
        Map<String, Double> args = new java.util.LinkedHashMap<>();
        for (UpdateRule.Param p : rule.params()) args.put(p.name(), c.number(p.name())); // defaults filled in by the vocabulary
        double lr = c.number("lr");
        return MirrorSpec.optimizer(rule.name(), args, rule.create(args), Double.isNaN(lr) ? null : lr);
    }

    static Until until(org.bregman.potential.api.ResolvedExperiment.Stop s) {
        return switch (s) {
            case org.bregman.potential.api.ResolvedExperiment.Compare c -> Until.of(c.metric(), c.op(), c.value());
            case org.bregman.potential.api.ResolvedExperiment.And a -> until(a.left()).and(until(a.right()));
            case org.bregman.potential.api.ResolvedExperiment.Or o -> until(o.left()).or(until(o.right()));
        };
    }

    static Map<String, Double> noArgs() {
        return Map.of();
    }
}
