package org.bregman.potential.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bregman.potential.experiment.Vocabulary;
import org.bregman.potential.potential.Arg;
import org.bregman.potential.potential.BatchSetting;
import org.bregman.potential.potential.DataSetting;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.InitSetting;
import org.bregman.potential.potential.LossSetting;
import org.bregman.potential.potential.LrSetting;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.MirrorsSetting;
import org.bregman.potential.potential.ModelSetting;
import org.bregman.potential.potential.NumberValue;
import org.bregman.potential.potential.OptimizersSetting;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.ReportItem;
import org.bregman.potential.potential.ReportSetting;
import org.bregman.potential.potential.Setting;
import org.bregman.potential.potential.Spec;
import org.bregman.potential.potential.StopBinary;
import org.bregman.potential.potential.StopCompare;
import org.bregman.potential.potential.StopExpr;
import org.bregman.potential.potential.StringValue;
import org.bregman.potential.potential.UntilSetting;
import org.bregman.potential.translate.PotentialTranslator;
import org.bregman.potential.util.LayerwiseMirrors;
import org.bregman.potential.validation.Nodes;

/**
 * An experiment without errors → its plain values ({@link ResolvedExperiment}): every default of the {@link Vocabulary}
 * filled in, files absolute, the mirrors' potentials translated by the workspace (once per load, shared).
 */
final class ExperimentResolver {
    private final Function<PotentialDef, PotentialTranslator.Result> translation;

    ExperimentResolver(Function<PotentialDef, PotentialTranslator.Result> translation) {
        this.translation = translation;
    }

    private PotentialTranslator.Result translation(PotentialDef p) {
        return translation.apply(p);
    }

    ResolvedExperiment resolve(Experiment x, Path file) {
        ResolvedExperiment.Call data = null, model = null, loss = null, init = null;
        List<ResolvedExperiment.Mirror> mirrors = new ArrayList<>();
        List<Long> seeds = List.of((long) Vocabulary.DEFAULT_SEED);
        double lr = Double.NaN;
        int batch = Vocabulary.DEFAULT_BATCH;
        Until until = null;
        List<String> report = Vocabulary.DEFAULT_REPORT;
        LrSetting lrSetting = null;
        for (Setting s : x.getSettings()) {
            if (s instanceof DataSetting d) data = call(d.getSource(), Vocabulary.DATA.get(d.getSource().getName()), x);
            else if (s instanceof ModelSetting m) model = call(m.getModel(), Vocabulary.MODELS.get(m.getModel().getName()), x);
            else if (s instanceof LossSetting l) loss = call(l.getLoss(), Vocabulary.LOSSES.get(l.getLoss().getName()), x);
            else if (s instanceof InitSetting i) {
                init = call(i.getDistribution(), Vocabulary.INITS.get(i.getDistribution().getName()), x);
                if (!i.getSeeds().isEmpty()) {
                    List<Long> l = new ArrayList<>();
                    if (i.isRange()) {
                        for (long k = Math.round(i.getSeeds().get(0)); k <= Math.round(i.getSeeds().get(1)); k++) l.add(k);
                    } else {
                        for (double v : i.getSeeds()) l.add(Math.round(v));
                    }
                    seeds = List.copyOf(l);
                }
            } else if (s instanceof LrSetting l) {
                lr = l.isAuto() ? Vocabulary.AUTO_LR : l.getRate();
                lrSetting = l;
            } else if (s instanceof BatchSetting b) batch = (int) Math.round(b.getSize());
            else if (s instanceof UntilSetting u) until = stop(u.getCondition());
            else if (s instanceof ReportSetting r) report = r.getItems().stream().map(ReportItem::getName).toList();
        }
        if (init == null) init = call(null, Vocabulary.INITS.get(Vocabulary.DEFAULT_INIT), x);
        List<ResolvedExperiment.Layerwise> layerwise = new ArrayList<>();
        for (Setting s : x.getSettings()) {
            if (!(s instanceof MirrorsSetting ms)) continue;
            for (List<MirrorUse> group : LayerwiseMirrors.groups(ms)) {
                if (LayerwiseMirrors.layerwise(group)) {
                    List<ResolvedExperiment.Layerwise.Part> parts = new ArrayList<>();
                    for (MirrorUse use : group) {
                        parts.add(new ResolvedExperiment.Layerwise.Part(ResolvedExperiment.Mirror.of(use, translation(use.getPotential()).spec(),
                                lrSetting, lr), List.copyOf(use.getLayers())));
                    }
                    layerwise.add(new ResolvedExperiment.Layerwise(LayerwiseMirrors.label(group), List.copyOf(parts)));
                    continue;
                }
                MirrorUse m = group.get(0);
                mirrors.add(ResolvedExperiment.Mirror.of(m, translation(m.getPotential()).spec(), lrSetting, lr));
            }
        }
        Map<String, Double> layerRates = new LinkedHashMap<>();
        if (lrSetting != null) for (var r : lrSetting.getLayerRates()) layerRates.put(r.getLayer(), r.getRate());
        List<ResolvedExperiment.Call> optimizers = new ArrayList<>();
        for (Setting s : x.getSettings()) {
            if (!(s instanceof OptimizersSetting o)) continue;
            for (var spec : o.getOptimizers()) optimizers.add(call(spec, Vocabulary.OPTIMIZERS.get(spec.getName()), x));
        }
        boolean safeguarded = lrSetting != null && (lrSetting.isAuto() || lrSetting.isSafeguarded());
        ResolvedExperiment.Mirror kkt = null; // report kkt(P)
        for (Setting s : x.getSettings()) {
            if (!(s instanceof ReportSetting r)) continue;
            for (ReportItem item : r.getItems()) {
                if (item.getPotential() != null) kkt = ResolvedExperiment.Mirror.of(item.getPotential(), translation(item.getPotential().getPotential()).spec(), null, lr);
            }
        }
        return new ResolvedExperiment(x.getName(), file, data, model, loss, List.copyOf(mirrors), List.copyOf(optimizers), init, seeds, lr,
                batch, until, List.copyOf(report), safeguarded, List.copyOf(layerwise), java.util.Collections.unmodifiableMap(layerRates),
                dataLocation(x, file), kkt);
    }

    /** {@code file:line:column} of the experiment's data source, or {@code null} when the text has no node model. */
    private static String dataLocation(Experiment x, Path file) {
        for (Setting s : x.getSettings()) {
            if (!(s instanceof org.bregman.potential.potential.DataSetting d)) continue;
            var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(d.getSource());
            if (node == null) return null;
            String text = node.getRootNode().getText();
            int column = node.getOffset() - text.lastIndexOf('\n', node.getOffset() - 1);
            return file + ":" + node.getStartLine() + ":" + column;
        }
        return null;
    }

    static ResolvedExperiment.Call call(Spec spec, Vocabulary.Entry entry, Experiment x) {
        Map<String, Object> args = new LinkedHashMap<>();
        List<Object> positional = new ArrayList<>();
        if (entry == null) return new ResolvedExperiment.Call(spec == null ? null : spec.getName(), args, positional);
        for (Vocabulary.Param p : entry.params()) if (p.defaultValue() != null) args.put(p.name(), p.defaultValue());
        if (spec != null) {
            int i = 0;
            for (Arg a : spec.getArgs()) {
                Object v = a.getValue() instanceof NumberValue n ? (Object) n.getValue()
                        : a.getValue() instanceof StringValue sv ? sv.getValue()
                        : a.getValue() instanceof org.bregman.potential.potential.WordValue wv ? wv.getValue() : null;
                Vocabulary.Param p = a.getName() != null ? entry.param(a.getName()) : entry.varargs() ? null
                        : i < entry.params().size() ? entry.params().get(i) : null;
                if (p != null && v instanceof String str && (p.kind() == Vocabulary.Kind.FILE || p.kind() == Vocabulary.Kind.DIRECTORY)) {
                    java.io.File f = Nodes.resolveFile(spec, str);
                    if (f != null) v = f.getAbsolutePath();
                }
                if (entry.varargs() && a.getName() == null) positional.add(v);
                else if (p != null) args.put(p.name(), v);
                i++;
            }
        }
        return new ResolvedExperiment.Call(entry.name(), Collections.unmodifiableMap(args), List.copyOf(positional));
    }

    private static Until stop(StopExpr e) {
        if (e instanceof StopBinary b) return "or".equals(b.getOp()) ? stop(b.getLeft()).or(stop(b.getRight())) : stop(b.getLeft()).and(stop(b.getRight()));
        StopCompare c = (StopCompare) e;
        return Until.of(c.getMetric(), c.getOp().getLiteral(), c.getValue());
    }
}
