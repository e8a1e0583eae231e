package org.bregman.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bregman.codegen.Optimizers;
import org.bregman.potential.api.ResolvedExperiment;
import org.bregman.potential.api.Until;
import org.bregman.runtime.MirrorMap;
import org.bregman.potential.experiment.Vocabulary;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.TestSplit;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;

/**
 * One experiment as the trainer runs it: train {@code model} on {@code data}
 * from every seed's initial point with every mirror, until {@code until} holds, and write {@code reports} (report
 * items by name, each written by its section in {@link org.bregman.train.report.ReportSections}).
 *
 * <p>{@code safeguard}: {@code null} for the plain fixed-rate step, else the backtracking rule of {@link Safeguard}
 * (the learning rates are then each run's largest rate).
 *
 * <p>Built from the language's typed experiment by {@link #of}: its plain values (name, seeds, rates, batch, the {@link Until}
 * condition, report items) are taken as they are; the registry's factories ({@link TrainingRegistry}) make the data source, model
 * and initialisation, and each mirror is compiled. Tests build one directly, with mirror maps of their own.
 *
 * <p>{@code kkt}: the potential of {@code report kkt(P)}, the KKT problem's (measured on every run's effective
 * predictor), or {@code null}: each mirror's own ψ.
 */
public record ExperimentSpec(String name, DataSpec data, ModelSpec model, Loss loss, List<MirrorSpec> mirrors,
        InitSpec init, List<Long> seeds, double lr, int batch, Until until, Set<String> reports, Safeguard safeguard, MirrorSpec kkt) {

    public ExperimentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(until, "until");
        mirrors = List.copyOf(mirrors);
        seeds = List.copyOf(seeds);
        reports = Set.copyOf(new LinkedHashSet<>(reports));
        for (String r : reports) org.bregman.train.report.ReportSections.get(r); // unknown names fail here, not after training
        if (mirrors.isEmpty()) throw new IllegalArgumentException("experiment " + name + ": no mirrors");
        if (seeds.isEmpty()) throw new IllegalArgumentException("experiment " + name + ": no seeds");
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("experiment " + name + ": a seed is listed twice: " + seeds);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("experiment " + name + ": lr must be positive, got " + lr);
        if (batch < 1) throw new IllegalArgumentException("experiment " + name + ": batch must be at least 1, got " + batch);
        if (!until.bounded()) {
            // a run that never reaches its loss or accuracy target must still stop
            throw new IllegalArgumentException("experiment " + name + ": until '" + until
                    + "' can run forever; add a bound such as 'or epochs >= 1000'");
        }
        List<String> labels = mirrors.stream().map(MirrorSpec::label).toList();
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("experiment " + name + ": a mirror is listed twice: " + labels);
        }
    }

    /** The trainer's objects for a validated experiment: factories by name, each mirror derived and compiled once. */
    public static ExperimentSpec of(ResolvedExperiment x) {
        Loss loss = Loss.of(x.loss().name());
        List<MirrorSpec> mirrors = new ArrayList<>();
        java.util.Map<String, Double> layerRates = x.layerRates();
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
            mirrors.add(new MirrorSpec(lw.label(), java.util.Map.of(), LayerwiseMirrorMap.of(lw.label(), parts, layerRates)));
        }
        for (var o : x.optimizers()) mirrors.add(MirrorSpec.optimizer(o));
        // batch 0 = the whole data set (the trainer takes min(batch, n))
        int batch = x.batch() <= 0 ? Integer.MAX_VALUE : x.batch();
        return new ExperimentSpec(x.name(), data(x, loss), TrainingRegistry.MODELS.create(x.model(), loss), loss,
                mirrors, TrainingRegistry.INITS.create(x.init(), loss), x.seeds(), x.lr(), batch, x.until(), new LinkedHashSet<>(x.report()),
                x.safeguarded() ? Safeguard.DEFAULT : null, x.kkt() == null ? null : new MirrorSpec(x.kkt().potential(), x.kkt().arguments(), compile(x.kkt())));
    }

    /** The data source, with rows held out for testing when the data setting says {@code test = N} or {@code testFraction = f}. */
    static DataSpec data(ResolvedExperiment x, Loss loss) {
        DataSpec source = TrainingRegistry.DATA.create(x.data(), loss);
        double test = x.data().number(Vocabulary.TEST), fraction = x.data().number(Vocabulary.TEST_FRACTION);
        if (!(test > 0) && !(fraction > 0) || !Vocabulary.DATA.get(x.data().name()).params().stream().anyMatch(p -> p.name().equals(Vocabulary.TEST_FRACTION))) {
            return source; // fashionMnist and cifar10 read their own test files (their test is a count of those)
        }
        TestSplit split = new TestSplit(test > 0 ? (int) Math.round(test) : 0, fraction > 0 ? fraction : 0, x.dataLocation());
        return split.none() ? source : new DataSpec.HeldOut(source, split);
    }

    /** A potential derived at the use site's parameter values and compiled (separable or not). */
    private static MirrorMap compile(ResolvedExperiment.Mirror m) {
        return Optimizers.compile(m.spec(), m.values(), null, Optimizers.Options.DEFAULT);
    }

    /** Each mirror's own ψ for {@code kkt}. */
    public ExperimentSpec(String name, DataSpec data, ModelSpec model, Loss loss, List<MirrorSpec> mirrors, InitSpec init, List<Long> seeds,
            double lr, int batch, Until until, Set<String> reports, Safeguard safeguard) {
        this(name, data, model, loss, mirrors, init, seeds, lr, batch, until, reports, safeguard, null);
    }

    /** Without a safeguard: every step takes the learning rate as given. */
    public ExperimentSpec(String name, DataSpec data, ModelSpec model, Loss loss, List<MirrorSpec> mirrors, InitSpec init, List<Long> seeds,
            double lr, int batch, Until until, Set<String> reports) {
        this(name, data, model, loss, mirrors, init, seeds, lr, batch, until, reports, null);
    }

    /** The same experiment with other mirrors (the trainer's, bound to the model's layers: {@link LayerwiseMirrorMap}). */
    public ExperimentSpec withMirrors(List<MirrorSpec> others) {
        return new ExperimentSpec(name, data, model, loss, others, init, seeds, lr, batch, until, reports, safeguard, kkt);
    }

    /** The learning rate of one mirror: its own when it has one, else the experiment's. */
    public double lrOf(MirrorSpec m) {
        return m.lr() != null ? m.lr() : lr;
    }
}
