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
        Map<String, Double> layerRates = x.layerRates();
        for (var m : x.mirrors()) {
            MirrorMap map = compile(m);
            // per-layer rates: the mirror on every layer, at the layer's rate where it has one (bound to the layers by the trainer)
            if (!layerRates.isEmpty()) map = LayerwiseMirrorMap.of(m.label(), List.of(new LayerwiseMirrorMap.Part(map, List.of(), m.lr())), layerRates);
            mirrors.add(new MirrorSpec(m.potential(), m.arguments(), map, m.lr() == x.lr() ? null : m.lr()));
        }
        for (var lw : x.layerwise()) {
            List<LayerwiseMirrorMap.Part> parts = new ArrayList<>();
            for (var p : lw.parts()) parts.add(new LayerwiseMirrorMap.Part(compile(p.mirror()), p.layers(), p.mirror().lr()));
            // the run's rate is the experiment's; each layer steps at its part's (or its own per-layer) rate
            mirrors.add(new MirrorSpec(lw.label(), Map.of(), LayerwiseMirrorMap.of(lw.label(), parts, layerRates)));
        }
        for (var o : x.optimizers()) mirrors.add(optimizer(o));
        List<Long> seeds = x.seeds().stream().map(Integer::longValue).toList();
        // batch 0 = the whole data set (the trainer takes min(batch, n))
        int batch = x.batch() <= 0 ? Integer.MAX_VALUE : x.batch();
        return new ExperimentSpec(x.name(), TrainingRegistry.DATA.create(x.data(), loss), TrainingRegistry.MODELS.create(x.model(), loss), loss,
                mirrors, TrainingRegistry.INITS.create(x.init(), loss), seeds, x.lr(), batch, until(x.until()), new LinkedHashSet<>(x.report()),
                x.safeguarded() ? Safeguard.DEFAULT : null);
    }

    /** A potential derived at the use site's parameter values and compiled. */
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
