package org.bregman.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.codegen.Optimizers;
import org.bregman.runtime.MirrorMap;
import org.bregman.runtime.rules.UpdateRule;
import org.bregman.runtime.rules.UpdateRules;
import org.bregman.symbolic.Derivation;
import org.bregman.train.data.DataSpec;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;

/**
 * The language's resolved experiment ({@code org.bregman.potential.api.ExperimentSpec}, defaults filled in, files
 * absolute) → the trainer's {@link ExperimentSpec}, compiling each mirror with the code generator.
 */
public final class ExperimentTranslator {

    private ExperimentTranslator() {
    }

    public static ExperimentSpec translate(org.bregman.potential.api.ExperimentSpec x) {
        Loss loss = Loss.of(x.loss().name());
        List<MirrorSpec> mirrors = new ArrayList<>();
        for (var m : x.mirrors()) {
            Derivation bound = Derivation.derive(m.spec(), m.values());
            MirrorMap map = Optimizers.compile(bound, null);
            mirrors.add(new MirrorSpec(m.potential(), m.arguments(), map, m.lr() == x.lr() ? null : m.lr()));
        }
        for (var o : x.optimizers()) mirrors.add(optimizer(o));
        List<Long> seeds = x.seeds().stream().map(Integer::longValue).toList();
        Set<ExperimentSpec.Report> reports = new LinkedHashSet<>();
        for (String r : x.report()) reports.add(ExperimentSpec.Report.of(r));
        // batch 0 = the whole data set (the trainer takes min(batch, n))
        int batch = x.batch() <= 0 ? Integer.MAX_VALUE : x.batch();
        return new ExperimentSpec(x.name(), data(x.data(), loss), model(x.model()), loss, mirrors, init(x.init()), seeds, x.lr(), batch,
                until(x.until()), reports, x.safeguarded() ? Safeguard.DEFAULT : null);
    }

    /** A built-in update rule of the {@code optimizers} setting: its parameters (defaults filled in) label it; {@code lr} is its own rate. */
    static MirrorSpec optimizer(org.bregman.potential.api.ExperimentSpec.Call c) {
        UpdateRule rule = UpdateRules.get(c.name());
        if (rule == null) throw new IllegalArgumentException("optimizer " + c.name() + " is not supported by the trainer");
        Map<String, Double> args = new java.util.LinkedHashMap<>();
        for (UpdateRule.Param p : rule.params()) args.put(p.name(), d(c, p.name(), p.defaultValue()));
        double lr = c.number("lr");
        return MirrorSpec.optimizer(rule.name(), args, rule.create(args), Double.isNaN(lr) ? null : lr);
    }

    static DataSpec data(org.bregman.potential.api.ExperimentSpec.Call c, Loss loss) {
        return switch (c.name()) {
            case "regression" -> new DataSpec.Regression(i(c, "n", 40), i(c, "d", 400), d(c, "noise", 0), i(c, "seed", 1));
            case "teacher" -> new DataSpec.Teacher(i(c, "n", 200), i(c, "d", 20), i(c, "width", 16), i(c, "seed", 1));
            case "idx" -> new DataSpec.Idx(c.string("images"), c.string("labels"), i(c, "limit", 0));
            case "fashionMnist" -> new DataSpec.FashionMnist(i(c, "limit", 0), i(c, "test", 10000), c.string("dir"));
            case "csv" -> new DataSpec.Csv(c.string("file"), c.string("label") == null ? "label" : c.string("label"), loss.classification(),
                    i(c, "limit", 0));
            default -> throw new IllegalArgumentException("data " + c.name() + " is not supported by the trainer");
        };
    }

    static ModelSpec model(org.bregman.potential.api.ExperimentSpec.Call c) {
        return switch (c.name()) {
            case "linear" -> new ModelSpec.Linear();
            case "logistic" -> new ModelSpec.Logistic();
            case "diagonal" -> new ModelSpec.Diagonal(i(c, "depth", 2));
            case "mlp" -> new ModelSpec.Mlp(c.positional().stream().map(o -> (int) Math.round((Double) o)).toList());
            case "cnn" -> new ModelSpec.Cnn();
            default -> throw new IllegalArgumentException("model " + c.name() + " is not supported yet");
        };
    }

    static InitSpec init(org.bregman.potential.api.ExperimentSpec.Call c) {
        if (c == null || c.name() == null) return new InitSpec.Normal(0, 0.01);
        return switch (c.name()) {
            case "normal" -> new InitSpec.Normal(d(c, "mean", 0), d(c, "std", 0.01));
            case "uniform" -> new InitSpec.Uniform(d(c, "a", -0.01), d(c, "b", 0.01));
            case "zeros" -> new InitSpec.Zeros();
            case "constant" -> new InitSpec.Constant(d(c, "c", 0));
            default -> throw new IllegalArgumentException("init " + c.name() + " is not supported");
        };
    }

    static Until until(org.bregman.potential.api.ExperimentSpec.Stop s) {
        return switch (s) {
            case org.bregman.potential.api.ExperimentSpec.Compare c -> Until.of(c.metric(), c.op(), c.value());
            case org.bregman.potential.api.ExperimentSpec.And a -> until(a.left()).and(until(a.right()));
            case org.bregman.potential.api.ExperimentSpec.Or o -> until(o.left()).or(until(o.right()));
        };
    }

    private static double d(org.bregman.potential.api.ExperimentSpec.Call c, String name, double dflt) {
        double v = c.number(name);
        return Double.isNaN(v) ? dflt : v;
    }

    private static int i(org.bregman.potential.api.ExperimentSpec.Call c, String name, int dflt) {
        return (int) Math.round(d(c, name, dflt));
    }

    static Map<String, Double> noArgs() {
        return Map.of();
    }
}
