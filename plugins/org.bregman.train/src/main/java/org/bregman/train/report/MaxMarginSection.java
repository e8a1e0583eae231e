package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.runtime.MirrorMap;
import org.bregman.train.MirrorSpec;
import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;

/**
 * The {@code maxMargin} item (seed 003; Gunasekar et al., Sun et al.): on linearly separable data a linear classifier's
 * weights grow without bound and what matters is their direction. For a mirror whose ψ is homogeneous,
 * ψ = c·|w|^q (QNorm(q) and gradient descent, q = 2), the direction should tend to the ℓq max-margin direction
 * argmax_{‖u‖_q = 1} min_i ỹ_i⟨u, x_i⟩, computed here independently of training ({@link MaxMarginSolver}, with its
 * duality-gap certificate). Per run: the cosine between the final predictor and that direction, and the run's
 * ℓq-normalised margin as a fraction of the maximum. Mirrors that are not homogeneous (and update rules) have no
 * reference of their own geometry here: their rows say so.
 */
final class MaxMarginSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Max-margin direction\n\nFor ψ = c·|w|^q: cosine between each run's final predictor w and the ℓq max-margin direction "
                + "u* = argmax_{‖u‖_q = 1} min_i ỹ_i⟨u, x_i⟩ (computed from the data alone, dual method with a duality-gap certificate), "
                + "and the run's normalised margin min_i ỹ_i⟨w, x_i⟩ / ‖w‖_q as a fraction of the maximum.\n\n");
        String why = c.notApplicable("maxMargin");
        Dataset data = c.result.data();
        if (why != null || data.classes() != 2) {
            c.md.append(why != null ? why : "Only for two classes.").append("\n\n");
            return;
        }
        int n = data.n(), d = data.d();
        double[] a = MaxMarginSolver.signedRows(data);
        Map<Double, MaxMarginSolver.Solution> references = new LinkedHashMap<>();
        c.md.append("| mirror | seed | status | geometry | cos(w, u*) | margin / max margin |\n|---|---:|---|---|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,status,q,cosine,marginRatio,maxMargin,certificateGap\n");
        List<Object> js = new ArrayList<>();
        Map<String, Double> worstCos = new LinkedHashMap<>();
        Map<String, Double> qOf = new LinkedHashMap<>();
        try {
            for (RunResult r : c.result.runs()) {
                if (r.fin() == null || r.predictor() == null || r.predictor().length != d) continue;
                Double q = r.mirror().isMirror() ? org.bregman.train.Geometry.homogeneousDegree(r.mirror().map()) : null;
                double cos = Double.NaN, ratio = Double.NaN;
                MaxMarginSolver.Solution ref = null;
                if (q != null) {
                    ref = references.computeIfAbsent(q, k -> MaxMarginSolver.solve(a, n, d, k, 1e-10, 100_000));
                    double[] w = new double[d];
                    for (int j = 0; j < d; j++) w[j] = r.predictor()[j];
                    cos = cosine(w, ref.direction());
                    ratio = MaxMarginSolver.margin(a, n, d, w, q) / ref.margin();
                    worstCos.merge(r.mirror().label(), cos, Math::min);
                    qOf.put(r.mirror().label(), q);
                }
                String geometry = q == null ? "— (ψ not homogeneous)" : "ℓ" + Num.format(q);
                c.md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(r.status().word).append(" | ")
                        .append(geometry).append(" | ").append(Num.short4(cos)).append(" | ").append(Num.short4(ratio)).append(" |\n");
                csv.append(Table.Csv.cell(r.mirror().label())).append(',').append(r.seed()).append(',').append(r.status().word).append(',')
                        .append(q == null ? "" : Table.Csv.num(q)).append(',').append(Table.Csv.num(cos)).append(',').append(Table.Csv.num(ratio))
                        .append(',').append(ref == null ? "" : Table.Csv.num(ref.margin())).append(',')
                        .append(ref == null ? "" : Table.Csv.num(ref.gap())).append('\n');
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("mirror", r.mirror().label());
                o.put("seed", r.seed());
                o.put("q", q);
                o.put("cosine", cos);
                o.put("marginRatio", ratio);
                o.put("maxMargin", ref == null ? null : ref.margin());
                o.put("certificateGap", ref == null ? null : ref.gap());
                js.add(o);
            }
        } catch (MaxMarginSolver.NotSeparable e) {
            c.md.append("\nNo reference: ").append(e.getMessage()).append(" (the max-margin direction exists only for separable data).\n\n");
            return;
        }
        c.md.append('\n');
        if (!worstCos.isEmpty()) {
            StringBuilder v = new StringBuilder("Max-margin directions (smallest cosine over seeds): ");
            String sep = "";
            for (var e : worstCos.entrySet()) {
                v.append(sep).append(e.getKey()).append(" → ℓ").append(Num.format(qOf.get(e.getKey()))).append(" max margin: cos ")
                        .append(String.format(java.util.Locale.ROOT, "%.4f", e.getValue()));
                sep = "; ";
            }
            c.md.append(c.headline(v.append('.').toString())).append("\n\n");
        }
        if (references.size() > 1) {
            // how far apart the geometries' answers are: the scale against which the cosines above mean something
            List<Double> qs = new ArrayList<>(references.keySet());
            c.md.append("Between the references themselves:");
            for (int i = 0; i < qs.size(); i++) {
                for (int k = i + 1; k < qs.size(); k++) {
                    c.md.append(i + k > 1 ? ";" : "").append(" cos(u*_ℓ").append(Num.format(qs.get(i))).append(", u*_ℓ").append(Num.format(qs.get(k)))
                            .append(") = ").append(String.format(java.util.Locale.ROOT, "%.4f",
                                    cosine(references.get(qs.get(i)).direction(), references.get(qs.get(k)).direction())));
                }
            }
            c.md.append(".\n\n");
        }
        c.put("maxmargin.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        c.tables.put("maxMargin", js);
    }

    static double cosine(double[] w, double[] u) {
        double wu = 0, ww = 0, uu = 0;
        for (int j = 0; j < w.length; j++) {
            wu += w[j] * u[j];
            ww += w[j] * w[j];
            uu += u[j] * u[j];
        }
        return wu / Math.sqrt(ww * uu);
    }
}
