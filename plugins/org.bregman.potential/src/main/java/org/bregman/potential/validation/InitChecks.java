package org.bregman.potential.validation;

import static org.bregman.potential.potential.PotentialPackage.Literals.MIRROR_USE__POTENTIAL;
import static org.bregman.potential.util.AstEval.fmt;
import static org.bregman.potential.validation.IssueCodes.INIT_OUTSIDE_DOMAIN;

import java.util.Map;

import org.bregman.potential.experiment.InitialWeights;
import org.bregman.potential.experiment.Vocabulary;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.InitSetting;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.MirrorsSetting;
import org.bregman.potential.potential.Setting;
import org.bregman.potential.potential.Spec;
import org.bregman.potential.translate.PotentialTranslator;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.RealInterval;
import org.eclipse.xtext.validation.Check;

/**
 * Initial points against the mirrors' domains: an experiment whose initialisation puts weights
 * outside a mirror's domain could only fail when it runs. Reported at the mirror (the use site in
 * {@code mirrors}), naming it. Composed into {@link PotentialValidator}.
 */
public class InitChecks extends ComposedCheck {

    /**
     * Where an initialisation puts the weights ({@link InitialWeights}, the initialisation's own rule) and how it
     * reads in a message; {@code null} when the initialisation is unknown, has no rule or has bad arguments
     * (reported by {@link PotentialValidator}).
     */
    record Support(String text, InitialWeights weights) {
    }

    static Support support(Spec spec) {
        String name = spec == null ? Vocabulary.DEFAULT_INIT : spec.getName();
        Vocabulary.Entry entry = name == null ? null : Vocabulary.INITS.get(name);
        if (entry == null || entry.initialWeights() == null) return null;
        Map<String, Double> v = new java.util.LinkedHashMap<>();
        if (spec != null) {
            v = ArgumentChecks.specNumbers(spec, entry);
        } else {
            for (Vocabulary.Param p : entry.params()) if (p.defaultValue() instanceof Double d) v.put(p.name(), d);
        }
        InitialWeights w = entry.initialWeights().of(v);
        if (w == null) return null;
        return new Support(spec == null ? describe(entry, v) + " (the default)" : describe(entry, v), w);
    }

    private static String describe(Vocabulary.Entry entry, Map<String, Double> v) {
        if (entry.params().isEmpty()) return entry.name();
        StringBuilder b = new StringBuilder(entry.name()).append('(');
        String sep = "";
        for (Vocabulary.Param p : entry.params()) {
            if (v.get(p.name()) == null) continue;
            b.append(sep).append(p.name()).append(" = ").append(fmt(v.get(p.name())));
            sep = ", ";
        }
        return b.append(')').toString();
    }

    /**
     * What is wrong with initialising a mirror of this domain so (to be followed by "outside its
     * domain"), or null when nothing is. A Gaussian centred on or beyond the boundary puts half its
     * draws or more outside; one centred inside may still put some outside, which the trainer reports
     * for the run (it is a matter of chance, not of the file).
     */
    static String problem(Support support, RealInterval domain) {
        if (support == null || domain.isAllReals()) return null;
        InitialWeights s = support.weights();
        if (s.point()) {
            return domain.contains(s.lower()) ? null : "puts every initial weight at " + fmt(s.lower()) + ",";
        }
        if (s.unbounded()) {
            boolean interior = s.lower() > domain.lower() && s.lower() < domain.upper();
            return interior ? null : "is centred at " + fmt(s.lower()) + " and so draws half of the initial weights or more";
        }
        boolean inside = s.lower() >= domain.lower() && s.upper() <= domain.upper();
        return inside ? null : "draws initial weights in [" + fmt(s.lower()) + ", " + fmt(s.upper()) + "],";
    }

    @Check
    public void checkInitInDomains(Experiment x) {
        Spec init = null;
        for (Setting s : x.getSettings()) {
            if (s instanceof InitSetting i) {
                if (i.getDistribution() == null || Isolation.broken(i)) return;
                init = i.getDistribution();
                break;
            }
        }
        Support support = support(init);
        if (support == null) return;
        for (Setting s : x.getSettings()) {
            if (!(s instanceof MirrorsSetting ms)) continue;
            for (MirrorUse use : ms.getMirrors()) {
                if (use.getPotential() == null || use.getPotential().eIsProxy() || Isolation.broken(use.getPotential())) continue;
                PotentialSpec spec = PotentialTranslator.translate(use.getPotential()).spec();
                if (spec == null) continue; // the potential's own errors say why
                String problem = problem(support, spec.domain());
                if (problem == null) continue;
                String key = MirrorChecks.mirrorKey(use);
                String constraint = spec.domain().asConstraint(spec.coordinate());
                error(key + ": init " + support.text() + " " + problem + " outside its domain " + spec.domain()
                        + (constraint == null ? "" : " (domain " + constraint + ")") + "; choose an initialisation inside it, e.g. constant(c) or "
                        + "uniform(a, b) with values in the domain", use, MIRROR_USE__POTENTIAL, INIT_OUTSIDE_DOMAIN);
            }
        }
    }
}
