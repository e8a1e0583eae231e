package org.bregman.train.report;

import static org.bregman.train.report.ReportContext.pct;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.MirrorSpec;
import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.model.Layer;

/**
 * Seed 000's Fig. 6 as part of the {@code histogram} item: |w| of the final weights per mirror on a log axis with the
 * initial weights overlaid, over every run that trained to its end — converged, or stopped at its budget (counted in the
 * table and marked in the plot). The trained parameters themselves (not the effective predictor of the table above),
 * batch normalisation's running statistics left out, so that final and initial weights are the same coordinates.
 */
final class AbsoluteWeights {
    private AbsoluteWeights() {
    }

    /** The threshold of the "small" fraction (seed 000: ℓ1 puts many weights near 0, ℓ10 few). */
    static final double SMALL = 1e-2;

    /** One mirror: |w| pooled over its runs, final and initial, and how many runs stopped at their budget. */
    record Row(String mirror, int runs, int atBudget, double[] fin, double[] init) {
    }

    /** |w| of the optimised coordinates of {@code w}, sorted. */
    static double[] abs(float[] w, List<Layer> layers) {
        boolean[] skip = new boolean[w.length];
        for (Layer l : layers) if (!l.optimised()) Arrays.fill(skip, l.offset(), l.offset() + l.length(), true);
        double[] out = new double[w.length];
        int n = 0;
        for (int j = 0; j < w.length; j++) if (!skip[j]) out[n++] = Math.abs(w[j]);
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    static List<Row> rows(ReportContext c) {
        List<Row> out = new ArrayList<>();
        for (MirrorSpec m : c.spec.mirrors()) {
            List<double[]> fin = new ArrayList<>(), init = new ArrayList<>();
            int atBudget = 0;
            for (long seed : c.spec.seeds()) {
                RunResult r = c.result.run(m, seed);
                if (r == null || r.fin() == null || !(r.finished() || r.status() == RunResult.Status.STOPPED)) continue;
                fin.add(abs(r.fin(), c.result.layers()));
                init.add(abs(r.init(), c.result.layers()));
                if (r.status() == RunResult.Status.STOPPED) atBudget++;
            }
            if (!fin.isEmpty()) out.add(new Row(m.label(), fin.size(), atBudget, pooled(fin), pooled(init)));
        }
        return out;
    }

    private static double[] pooled(List<double[]> parts) {
        double[] all = parts.stream().flatMapToDouble(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** The median of sorted values (the mean of the middle two for an even count). */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double below(double[] values, double t) {
        int k = 0;
        for (double v : values) if (v < t) k++;
        return values.length == 0 ? Double.NaN : (double) k / values.length;
    }

    /** The table, the CSV, the log-axis plot; returns the json rows. */
    static List<Object> write(ReportContext c) throws IOException {
        List<Row> rows = rows(c);
        c.md.append("### \\|w\\| on a log axis, final against initial (seed 000, Fig. 6)\n\n");
        c.md.append("Every run that trained to its end, including those that stopped at their budget; the trained parameters"
                + " (batch-norm running statistics left out).\n\n");
        c.md.append("| mirror | runs | of which at their budget | median \\|w\\| final | median \\|w\\| initial | final \\|w\\| < ")
                .append(Num.format(SMALL)).append(" | initial \\|w\\| < ").append(Num.format(SMALL)).append(" |\n|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,runs,atBudget,medianFinal,medianInitial,finalBelow,initialBelow\n");
        List<Object> js = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Row r : rows) {
            double mf = median(r.fin()), mi = median(r.init()), bf = below(r.fin(), SMALL), bi = below(r.init(), SMALL);
            c.md.append("| ").append(r.mirror()).append(" | ").append(r.runs()).append(" | ").append(r.atBudget()).append(" | ")
                    .append(Num.short4(mf)).append(" | ").append(Num.short4(mi)).append(" | ").append(pct(bf)).append(" | ").append(pct(bi))
                    .append(" |\n");
            csv.append(Table.Csv.cell(r.mirror())).append(',').append(r.runs()).append(',').append(r.atBudget()).append(',')
                    .append(Table.Csv.num(mf)).append(',').append(Table.Csv.num(mi)).append(',').append(Table.Csv.num(bf)).append(',')
                    .append(Table.Csv.num(bi)).append('\n');
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", r.mirror());
            o.put("runs", (long) r.runs());
            o.put("atBudget", (long) r.atBudget());
            o.put("medianFinal", mf);
            o.put("medianInitial", mi);
            o.put("finalBelow", bf);
            o.put("initialBelow", bi);
            js.add(o);
            labels.add(r.mirror() + (r.atBudget() > 0 ? " (" + r.atBudget() + " of " + r.runs() + " runs at their budget)" : ""));
        }
        c.md.append('\n');
        if (!rows.isEmpty()) {
            c.put("abs-histogram.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            c.plot("abs-histogram.png", () -> Plots.logHistograms("|w| final (bars) and initial (line) per mirror (" + c.spec.name() + ")", labels,
                    rows.stream().map(Row::fin).toList(), rows.stream().map(Row::init).toList()));
            c.md.append("![|w| histograms, log axis](abs-histogram.png)\n\n");
        }
        return js;
    }
}
