package org.bregman.train.report;

import static org.bregman.train.report.ReportContext.pct;
import static org.bregman.train.report.ReportContext.weightsOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.MirrorSpec;
import org.bregman.train.Num;
import org.bregman.train.RunResult;

/** The {@code histogram} item: fractions of small final weights per mirror, and their histograms; then |w| on a log axis ({@link AbsoluteWeights}). */
final class HistogramSection implements ReportSection {

    /** Thresholds of the |w| histogram table. */
    public static final double[] THRESHOLDS = {1e-3, 1e-2, 1e-1};

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## \\|w\\| of the final weights\n\n");
        c.md.append("Fraction of final weights with |w| below each threshold, over all converged runs of a mirror"
                + " (for linear and diagonal models the effective predictor w).\n\n");
        c.md.append("| mirror |");
        for (double t : THRESHOLDS) c.md.append(" \\|w\\| < ").append(Num.format(t)).append(" |");
        c.md.append(" max \\|w\\| |\n|---|").append("---:|".repeat(THRESHOLDS.length + 1)).append('\n');
        StringBuilder csv = new StringBuilder("mirror");
        for (double t : THRESHOLDS) csv.append(",below_").append(Num.format(t));
        csv.append(",maxAbs\n");
        List<Object> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<float[]> pooled = new ArrayList<>();
        Map<String, Double> sparsity = new LinkedHashMap<>();
        for (MirrorSpec m : c.spec.mirrors()) {
            List<float[]> ws = new ArrayList<>();
            for (long seed : c.spec.seeds()) {
                RunResult r = c.finished(m, seed);
                if (r != null) ws.add(weightsOf(r));
            }
            if (ws.isEmpty()) continue;
            int total = ws.stream().mapToInt(a -> a.length).sum();
            float[] all = new float[total];
            int at = 0;
            for (float[] a : ws) {
                System.arraycopy(a, 0, all, at, a.length);
                at += a.length;
            }
            double[] frac = new double[THRESHOLDS.length];
            double max = 0;
            for (float f : all) {
                double a = Math.abs(f);
                max = Math.max(max, a);
                for (int k = 0; k < THRESHOLDS.length; k++) if (a < THRESHOLDS[k]) frac[k]++;
            }
            for (int k = 0; k < frac.length; k++) frac[k] /= total;
            c.md.append("| ").append(m.label()).append(" |");
            csv.append(Table.Csv.cell(m.label()));
            for (double f : frac) {
                c.md.append(' ').append(pct(f)).append(" |");
                csv.append(',').append(Table.Csv.num(f));
            }
            c.md.append(' ').append(Num.short4(max)).append(" |\n");
            csv.append(',').append(Table.Csv.num(max)).append('\n');
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", m.label());
            o.put("fractions", frac);
            o.put("maxAbs", max);
            rows.add(o);
            labels.add(m.label());
            pooled.add(all);
            sparsity.put(m.label(), frac[1]);
        }
        if (!sparsity.isEmpty()) {
            // mirrors whose printed fractions are equal are tied ("="), not ranked
            StringBuilder order = new StringBuilder();
            String previous = null;
            for (Map.Entry<String, Double> e : sparsity.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).toList()) {
                String shown = pct(e.getValue());
                if (previous != null) order.append(shown.equals(previous) ? " = " : " > ");
                order.append(e.getKey()).append(' ').append(shown);
                previous = shown;
            }
            c.md.append('\n').append(c.headline("Sparsest to densest (fraction of |w| < " + Num.format(THRESHOLDS[1]) + "): " + order + "."))
                    .append("\n\n");
            c.put("histogram.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            c.plot("histogram.png", () -> Plots.histograms("Final weights per mirror (" + c.spec.name() + ")", labels, pooled, "w"));
            c.md.append("![weight histograms](histogram.png)\n\n");
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("thresholds", THRESHOLDS.clone());
        o.put("rows", rows);
        o.put("absolute", AbsoluteWeights.write(c));
        c.tables.put("histogram", o);
    }
}
