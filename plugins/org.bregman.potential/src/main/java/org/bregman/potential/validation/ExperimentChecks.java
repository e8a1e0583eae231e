package org.bregman.potential.validation;

import static org.bregman.potential.potential.PotentialPackage.Literals.*;
import static org.bregman.potential.util.AstEval.fmt;
import static org.bregman.potential.validation.IssueCodes.*;
import static org.bregman.potential.validation.Nodes.line;
import static org.bregman.potential.validation.Nodes.parseErrorIn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.potential.experiment.ReportItem;
import org.bregman.potential.experiment.Vocabulary.Entry;
import org.bregman.potential.experiment.Vocabulary;
import org.bregman.potential.potential.BatchSetting;
import org.bregman.potential.potential.DataSetting;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.InitSetting;
import org.bregman.potential.potential.LossSetting;
import org.bregman.potential.potential.LrSetting;
import org.bregman.potential.potential.MirrorRate;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.MirrorsSetting;
import org.bregman.potential.potential.ModelSetting;
import org.bregman.potential.potential.ReportSetting;
import org.bregman.potential.potential.Setting;
import org.bregman.potential.potential.Spec;
import org.bregman.potential.potential.StopBinary;
import org.bregman.potential.potential.StopCompare;
import org.bregman.potential.potential.StopExpr;
import org.bregman.potential.potential.UntilSetting;
import org.bregman.potential.util.AstEval;
import org.bregman.potential.util.PotentialModels;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

/**
 * Checks of an experiment's settings: required and duplicate settings, sizes, seeds, update rules, learning rates,
 * batch, stopping conditions and report items. Composed into {@link PotentialValidator}.
 */
public class ExperimentChecks extends ArgumentChecks {

    @Check
    public void checkSettings(Experiment x) {
        Map<String, Setting> seen = new HashMap<>();
        for (Setting s : x.getSettings()) {
            String k = keyword(s);
            Setting first = seen.get(k);
            if (first != null) {
                error("experiment " + x.getName() + " has two " + k + " settings (first at line " + line(first) + ")", s, null, DUPLICATE);
            } else {
                seen.put(k, s);
            }
        }
        List<String> missing = Vocabulary.REQUIRED_SETTINGS.stream().filter(k -> !seen.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            error("experiment " + x.getName() + " needs " + String.join(", ", missing), x, ELEMENT__NAME, MISSING_SETTING);
        }
        String model = seen.get("model") instanceof ModelSetting m && m.getModel() != null ? m.getModel().getName() : null;
        String loss = seen.get("loss") instanceof LossSetting l && l.getLoss() != null ? l.getLoss().getName() : null;
        String data = seen.get("data") instanceof DataSetting ds && ds.getSource() != null ? ds.getSource().getName() : null;
        ReportItem.Setup setup = ReportItem.Setup.declared(model, loss, data);
        for (Setting s : x.getSettings()) {
            if (!(s instanceof ReportSetting r)) continue;
            for (org.bregman.potential.potential.ReportItem item : r.getItems()) {
                ReportItem described = Vocabulary.REPORTS.get(item.getName());
                String problem = described == null ? null : described.problem(setup);
                if (problem != null) warning(problem, item, REPORT_ITEM__NAME, NOT_APPLICABLE);
            }
        }
    }

    /** Runs, data and model sizes within the limits and this JVM's memory, before anything is allocated. */
    @Check
    public void checkSizes(Experiment x) {
        for (ExperimentLimits.Problem p : ExperimentLimits.check(x, Runtime.getRuntime().maxMemory())) {
            error(p.message(), p.node(), null, TOO_LARGE);
        }
    }

    /** The keyword of a setting, as written. */
    public static String keyword(Setting s) {
        if (s instanceof DataSetting) return "data";
        if (s instanceof ModelSetting) return "model";
        if (s instanceof LossSetting) return "loss";
        if (s instanceof MirrorsSetting) return "mirrors";
        if (s instanceof org.bregman.potential.potential.OptimizersSetting) return "optimizers";
        if (s instanceof InitSetting) return "init";
        if (s instanceof LrSetting) return "lr";
        if (s instanceof BatchSetting) return "batch";
        if (s instanceof UntilSetting) return "until";
        if (s instanceof ReportSetting) return "report";
        return s.eClass().getName();
    }

    /** A data source, model or loss: known, supported, its arguments valid ({@link #checkSpec}). */
    @Check
    public void checkNamed(Setting s) {
        if (s instanceof DataSetting d) checkSpec(d.getSource(), Vocabulary.DATA, "data source");
        else if (s instanceof ModelSetting m) checkSpec(m.getModel(), Vocabulary.MODELS, "model");
        else if (s instanceof LossSetting l) checkSpec(l.getLoss(), Vocabulary.LOSSES, "loss");
    }

    @Check
    public void checkInit(InitSetting s) {
        checkSpec(s.getDistribution(), Vocabulary.INITS, "initialisation");
        List<Double> seeds = s.getSeeds();
        for (int i = 0; i < seeds.size(); i++) {
            double v = seeds.get(i);
            if (v != Math.rint(v) || v < 0) error("a seed must be a whole number >= 0, not " + fmt(v), s, INIT_SETTING__SEEDS, i, BAD_VALUE);
            else if (v > ExperimentLimits.MAX_INT) {
                error("a seed must be at most " + (long) ExperimentLimits.MAX_INT + ", not " + fmt(v), s, INIT_SETTING__SEEDS, i, TOO_LARGE);
            }
        }
        if (s.isRange() && seeds.size() == 2 && seeds.get(0) > seeds.get(1)) {
            error("seeds " + fmt(seeds.get(0)) + " .. " + fmt(seeds.get(1)) + " is empty: write seeds " + fmt(seeds.get(1)) + " .. "
                    + fmt(seeds.get(0)), s, INIT_SETTING__SEEDS, 0, BAD_VALUE);
        }
        if (!s.isRange()) {
            Set<Double> seen = new HashSet<>();
            for (int i = 0; i < seeds.size(); i++) {
                if (!seen.add(seeds.get(i))) warning("seed " + fmt(seeds.get(i)) + " is listed twice", s, INIT_SETTING__SEEDS, i, DUPLICATE);
            }
        }
    }

    /** Built-in update rules: known names, valid arguments (e.g. eps > 0), none listed twice. */
    @Check
    public void checkOptimizers(org.bregman.potential.potential.OptimizersSetting s) {
        Set<String> seen = new HashSet<>();
        for (Spec o : s.getOptimizers()) {
            checkSpec(o, Vocabulary.OPTIMIZERS, "optimizer");
            Entry e = Vocabulary.OPTIMIZERS.get(o.getName());
            if (e != null && !seen.add(o.getName() + specNumbers(o, e))) error(o.getName() + " is listed twice with the same arguments", o, null, DUPLICATE);
        }
    }

    @Check
    public void checkLr(LrSetting s) {
        if (!s.isAuto() && !(s.getRate() > 0) && !parseErrorIn(s)) error("the learning rate must be > 0, not " + fmt(s.getRate()), s, LR_SETTING__RATE, BAD_VALUE);
        if (!(s.eContainer() instanceof Experiment x)) return;
        List<String> mirrors = new ArrayList<>();
        for (Setting st : x.getSettings()) {
            if (st instanceof MirrorsSetting ms) {
                for (MirrorUse m : ms.getMirrors()) {
                    String k = MirrorChecks.mirrorKey(m);
                    if (k != null) mirrors.add(k);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (MirrorRate r : s.getRates()) {
            if (!(r.getRate() > 0)) error("the learning rate must be > 0, not " + fmt(r.getRate()), r, MIRROR_RATE__RATE, BAD_VALUE);
            MirrorUse m = r.getMirror();
            if (m == null) continue;
            if (!m.getLayers().isEmpty() || m.isOtherwise()) {
                error("a per-mirror learning rate names a mirror, without for layers / otherwise", m, null, BAD_VALUE);
            }
            String key = MirrorChecks.mirrorKey(m);
            if (key == null) continue;
            if (!mirrors.contains(key)) {
                error(key + " is not one of the mirrors of " + x.getName() + (mirrors.isEmpty() ? "" : " (" + String.join(", ", mirrors) + ")"), m,
                        MIRROR_USE__POTENTIAL, UNKNOWN_MIRROR);
            }
            if (!seen.add(key)) error(key + " has two learning rates", r, null, DUPLICATE);
        }
        List<String> layers = org.bregman.potential.util.LayerwiseMirrors.modelLayers(s);
        Set<String> rated = new HashSet<>();
        for (org.bregman.potential.potential.LayerRate r : s.getLayerRates()) {
            if (!(r.getRate() > 0)) error("the learning rate must be > 0, not " + fmt(r.getRate()), r, LAYER_RATE__RATE, BAD_VALUE);
            if (r.getLayer() == null) continue;
            if (layers != null && !layers.contains(r.getLayer())) {
                error("unknown layer \"" + r.getLayer() + "\": the layers of this model are " + String.join(", ", layers), r, LAYER_RATE__LAYER,
                        UNKNOWN_LAYER);
            } else if (!rated.add(r.getLayer())) {
                error("layer \"" + r.getLayer() + "\" has two learning rates", r, LAYER_RATE__LAYER, DUPLICATE);
            }
        }
    }

    @Check
    public void checkBatch(BatchSetting s) {
        if (parseErrorIn(s)) return;
        if (s.getSize() > ExperimentLimits.MAX_INT) {
            error("batch must be at most " + (long) ExperimentLimits.MAX_INT + ", not " + fmt(s.getSize()), s, BATCH_SETTING__SIZE, TOO_LARGE);
        } else if (s.getSize() != Math.rint(s.getSize()) || s.getSize() < 1) {
            error("batch must be a whole number >= 1, not " + fmt(s.getSize()), s, BATCH_SETTING__SIZE, BAD_VALUE);
        }
    }

    @Check
    public void checkUntil(UntilSetting s) {
        if (s.getCondition() == null || parseErrorIn(s)) return;
        for (java.util.Iterator<EObject> it = s.eAllContents(); it.hasNext();) {
            // a comparison without its number (until loss != loss) is a syntax error: no suggestion quoting it
            if (it.next() instanceof StopCompare c
                    && NodeModelUtils.findNodesForFeature(c, STOP_COMPARE__VALUE).stream().allMatch(n -> n.getText().isBlank())) return;
        }
        if (!bounded(s.getCondition())) {
            error("this until may never stop: each alternative joined by or needs a bound on epochs or steps, e.g. until "
                    + AstEval.text(s.getCondition()) + " or epochs >= 1000", s, UNTIL_SETTING__CONDITION, NEVER_STOPS);
        }
    }

    @Check
    public void checkStop(StopCompare c) {
        String m = c.getMetric();
        if (m == null) return;
        if (!Vocabulary.METRICS.contains(m)) {
            error("unknown quantity '" + m + "' in until" + PotentialModels.didYouMean(m, Vocabulary.METRICS) + " (known: "
                    + String.join(", ", Vocabulary.METRICS) + ")", c, STOP_COMPARE__METRIC, UNKNOWN_NAME);
            return;
        }
        double v = c.getValue();
        String op = c.getOp().getLiteral();
        if (Vocabulary.COUNTERS.contains(m) && v != Math.rint(v)) {
            error(m + " is a whole number: compare it with a whole number, not " + fmt(v), c, STOP_COMPARE__VALUE, BAD_VALUE);
            return;
        }
        if (Vocabulary.COUNTERS.contains(m) && (("<".equals(op) && v > 0) || ("<=".equals(op) && v >= 0) || "!=".equals(op))) {
            warning(m + " " + op + " " + fmt(v) + " already holds when training starts: every run stops before its first step", c,
                    STOP_COMPARE__VALUE, HOLDS_AT_ONCE);
        }
        boolean belowZero = ("<".equals(op) && v <= 0) || ("<=".equals(op) && v < 0) || ("==".equals(op) && v < 0);
        boolean aboveOne = Vocabulary.FRACTIONS.contains(m) && ((">".equals(op) && v >= 1) || (">=".equals(op) && v > 1) || ("==".equals(op) && v > 1));
        if (belowZero || aboveOne) {
            error(m + " " + op + " " + fmt(v) + " can never hold" + (Vocabulary.FRACTIONS.contains(m) ? " (" + m + " is between 0 and 1)" : ""),
                    c, STOP_COMPARE__VALUE, BAD_VALUE);
        }
    }

    /**
     * Whether a stopping condition is sure to become true: some alternative of an or must compare
     * epochs or steps (epochs >= N), and in an and both sides must. (epochs < N holds at once: a warning.)
     */
    public static boolean bounded(StopExpr e) {
        if (e instanceof StopBinary b) {
            return "or".equals(b.getOp()) ? bounded(b.getLeft()) || bounded(b.getRight()) : bounded(b.getLeft()) && bounded(b.getRight());
        }
        if (e instanceof StopCompare c) {
            return c.getMetric() != null && Vocabulary.COUNTERS.contains(c.getMetric()) && c.getOp() != null
                    && List.of(">=", ">", "==", "<", "<=", "!=").contains(c.getOp().getLiteral());
        }
        return false;
    }

    @Check
    public void checkReport(ReportSetting s) {
        Set<String> seen = new HashSet<>();
        for (org.bregman.potential.potential.ReportItem item : s.getItems()) {
            if (item.getName() == null) continue;
            if (!Vocabulary.REPORTS.containsKey(item.getName())) {
                error("unknown report '" + item.getName() + "'" + PotentialModels.didYouMean(item.getName(), Vocabulary.REPORTS.keySet())
                        + " (known: " + String.join(", ", Vocabulary.REPORTS.keySet()) + ")", item, REPORT_ITEM__NAME, UNKNOWN_NAME);
            } else if (!seen.add(item.getName())) {
                warning("report " + item.getName() + " is listed twice", item, REPORT_ITEM__NAME, DUPLICATE);
            }
            var p = item.getPotential();
            if (p == null) continue;
            // only kkt measures with a potential of its own (the KKT problem's, e.g. seed 001's Bregman-style function)
            if (!"kkt".equals(item.getName())) {
                error("report " + item.getName() + " takes no potential; only kkt(POTENTIAL) does", item, REPORT_ITEM__POTENTIAL, BAD_VALUE);
            } else if (!p.getLayers().isEmpty() || p.isOtherwise()) {
                error("the potential of kkt applies to the whole predictor, not to layers", p,
                        p.isOtherwise() ? MIRROR_USE__OTHERWISE : MIRROR_USE__LAYERS, BAD_VALUE);
            }
        }
    }
}
