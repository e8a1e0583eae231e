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
import org.bregman.potential.experiment.Vocabulary;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.TestSplit;
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
        for (var m : x.mirrors()) {
            Derivation bound = Derivation.derive(m.spec(), m.values());
            MirrorMap map = Optimizers.compile(bound, null);
            mirrors.add(new MirrorSpec(m.potential(), m.arguments(), map, m.lr() == x.lr() ? null : m.lr()));
        }
        for (var o : x.optimizers()) mirrors.add(optimizer(o));
        List<Long> seeds = x.seeds().stream().map(Integer::longValue).toList();
        // batch 0 = the whole data set (the trainer takes min(batch, n))
        int batch = x.batch() <= 0 ? Integer.MAX_VALUE : x.batch();
        return new ExperimentSpec(x.name(), data(x, loss), TrainingRegistry.MODELS.create(x.model(), loss), loss,
                mirrors, TrainingRegistry.INITS.create(x.init(), loss), seeds, x.lr(), batch, until(x.until()), new LinkedHashSet<>(x.report()),
                x.safeguarded() ? Safeguard.DEFAULT : null);
    }

    /** The data source, with rows held out for testing when the data setting says {@code test = N} or {@code testFraction = f}. */
    static DataSpec data(org.bregman.potential.api.ResolvedExperiment x, Loss loss) {
        DataSpec source = TrainingRegistry.DATA.create(x.data(), loss);
        double test = x.data().number(Vocabulary.TEST), fraction = x.data().number(Vocabulary.TEST_FRACTION);
        if (!(test > 0) && !(fraction > 0) || !Vocabulary.DATA.get(x.data().name()).params().stream().anyMatch(p -> p.name().equals(Vocabulary.TEST_FRACTION))) {
            return source; // fashionMnist and cifar10 read their own test files (their test is a count of those)
        }
        TestSplit split = new TestSplit(test > 0 ? (int) Math.round(test) : 0, fraction > 0 ? fraction : 0, where(x));
        return split.none() ? source : new DataSpec.HeldOut(source, split);
    }

    /** {@code file:line:column} of the experiment's data source, or {@code null} when the text has no node model. */
    private static String where(org.bregman.potential.api.ResolvedExperiment x) {
        for (var s : x.ast().getSettings()) {
            if (!(s instanceof org.bregman.potential.potential.DataSetting d)) continue;
            var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(d.getSource());
            if (node == null) return null;
            String text = node.getRootNode().getText();
            int column = node.getOffset() - text.lastIndexOf('\n', node.getOffset() - 1);
            return x.file() + ":" + node.getStartLine() + ":" + column;
        }
        return null;
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
