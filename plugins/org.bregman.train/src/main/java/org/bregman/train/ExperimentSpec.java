package org.bregman.train;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bregman.train.data.DataSpec;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;

/**
 * One experiment, independent of the language it was written in: train {@code model} on {@code data}
 * from every seed's initial point with every mirror, until {@code until} holds, and write {@code reports} (report
 * items by name, each written by its section in {@link org.bregman.train.report.ReportSections}).
 *
 * <p>{@code safeguard}: {@code null} for the plain fixed-rate step, else the backtracking rule of {@link Safeguard}
 * (the learning rates are then each run's largest rate).
 *
 * <p>{@code kkt}: the potential of {@code report kkt(P)}, the KKT problem's (measured on every run's effective
 * predictor), or {@code null}: each mirror's own ψ.
 *
 * <p>The trainer only reads this description; the translator from the {@code .potential} AST builds it.
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

    /** The learning rate of one mirror: its own when it has one, else the experiment's. */
    public double lrOf(MirrorSpec m) {
        return m.lr() != null ? m.lr() : lr;
    }
}
