package org.bregman.potential.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bregman.potential.experiment.ModelLayers;
import org.bregman.potential.potential.Arg;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.ModelSetting;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.MirrorsSetting;
import org.bregman.potential.potential.NumberValue;
import org.bregman.potential.potential.Setting;
import org.bregman.potential.validation.MirrorChecks;
import org.eclipse.emf.ecore.EObject;

/**
 * How the uses of a {@code mirrors} setting form mirrors. A use without {@code for layers} / {@code otherwise} is a
 * mirror of its own. Consecutive uses {@code … for layers "…"} form one layer-wise mirror, closed by an optional use
 * {@code … otherwise} (the layers not named before it): {@code mirrors QNorm(q = 3) for layers "0_W", "1_W", QNorm(q = 2)
 * otherwise, QNorm(q = 10)} is two mirrors. One run trains one such assignment of potentials to layers.
 */
public final class LayerwiseMirrors {
    private LayerwiseMirrors() {
    }

    /** The mirrors of a setting in order, each the list of its uses (one use for a plain mirror). */
    public static List<List<MirrorUse>> groups(MirrorsSetting s) {
        List<List<MirrorUse>> out = new ArrayList<>();
        List<MirrorUse> open = null;
        for (MirrorUse m : s.getMirrors()) {
            if (!m.getLayers().isEmpty()) {
                if (open == null) out.add(open = new ArrayList<>());
                open.add(m);
            } else if (m.isOtherwise() && open != null) {
                open.add(m);
                open = null;
            } else {
                out.add(new ArrayList<>(List.of(m)));
                open = null;
            }
        }
        return out;
    }

    /** Whether a group is a layer-wise mirror (rather than one potential on every layer). */
    public static boolean layerwise(List<MirrorUse> group) {
        return group.size() > 1 || !group.get(0).getLayers().isEmpty() || group.get(0).isOtherwise();
    }

    /** {@code QNorm(q = 3) for 0_W, 1_W; QNorm(q = 2) otherwise}: a layer-wise mirror's label; null when a use is unresolved. */
    public static String label(List<MirrorUse> group) {
        StringBuilder b = new StringBuilder();
        for (MirrorUse m : group) {
            String key = MirrorChecks.mirrorKey(m);
            if (key == null) return null;
            b.append(b.length() == 0 ? "" : "; ").append(key);
            b.append(m.isOtherwise() ? " otherwise" : " for " + String.join(", ", m.getLayers()));
        }
        return b.toString();
    }

    /** The layer names of the model of the experiment that contains {@code o}, or null (no model, or one without names). */
    public static List<String> modelLayers(EObject o) {
        while (o != null && !(o instanceof Experiment)) o = o.eContainer();
        if (o == null) return null;
        for (Setting s : ((Experiment) o).getSettings()) {
            if (!(s instanceof ModelSetting ms) || ms.getModel() == null) continue;
            List<Double> positional = new ArrayList<>();
            Map<String, Double> named = new java.util.HashMap<>();
            for (Arg a : ms.getModel().getArgs()) {
                // a word argument as a number: bias = false is 0 (mlp then has no l_b layers)
                if ("bias".equals(a.getName()) && a.getValue() instanceof org.bregman.potential.potential.WordValue w) {
                    named.put("bias", "false".equals(w.getValue()) ? 0.0 : 1.0);
                }
                if (!(a.getValue() instanceof NumberValue n)) continue;
                if (a.getName() == null) positional.add(n.getValue());
                else named.put(a.getName(), n.getValue());
            }
            return ModelLayers.of(ms.getModel().getName(), positional, named);
        }
        return null;
    }
}
