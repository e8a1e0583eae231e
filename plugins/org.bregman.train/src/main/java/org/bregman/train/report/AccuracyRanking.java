package org.bregman.train.report;

import static org.bregman.train.report.ReportContext.pct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.MirrorSpec;
import org.bregman.train.Num;
import org.bregman.train.RunResult;

/**
 * Test accuracy per mirror as mean ± standard deviation over the seeds, ranked (seed 000's "ℓ10 > ℓ2 > ℓ1"), as part of
 * the {@code accuracy} item. Counted: every run that trained to its end — converged, or stopped at its budget (counted
 * and said) — not runs that diverged, failed or were interrupted. Without a test set the train accuracy is ranked, and
 * the verdict says so. Two neighbours in the ranking are joined by {@code >} when their means differ by more than the
 * larger of their standard deviations, else by {@code ≈}.
 */
final class AccuracyRanking {
    private AccuracyRanking() {
    }

    /** One mirror's accuracies over its counted runs. */
    record Row(String mirror, int runs, int atBudget, double mean, double std, Double degree) {
    }

    static List<Row> rows(ReportContext c, boolean test) {
        List<Row> out = new ArrayList<>();
        for (MirrorSpec m : c.spec.mirrors()) {
            List<Double> values = new ArrayList<>();
            int atBudget = 0;
            for (long seed : c.spec.seeds()) {
                RunResult r = c.result.run(m, seed);
                if (r == null || !(r.finished() || r.status() == RunResult.Status.STOPPED)) continue;
                double a = test ? r.testAccuracy() : r.trainAccuracy();
                if (Double.isNaN(a)) continue;
                values.add(a);
                if (r.status() == RunResult.Status.STOPPED) atBudget++;
            }
            if (values.isEmpty()) continue;
            double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
            double ss = 0;
            for (double v : values) ss += (v - mean) * (v - mean);
            double std = values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : Double.NaN; // sample standard deviation
            Double degree = m.isMirror() ? qOf(m) : null;
            out.add(new Row(m.label(), values.size(), atBudget, mean, std, degree));
        }
        return out;
    }

    /** q of a mirror whose ψ is c·|w|^q (ℓq), else null. */
    private static Double qOf(MirrorSpec m) {
        try {
            return org.bregman.train.Geometry.homogeneousDegree(m.map());
        } catch (UnsupportedOperationException e) {
            return null; // a potential per layer: no single q
        }
    }

    /** Writes the per-mirror table ({@code accuracy-per-mirror.csv} too) and the ranking verdict; returns the json entry. */
    static Map<String, Object> write(ReportContext c) throws java.io.IOException {
        boolean test = c.result.runs().stream().anyMatch(r -> !Double.isNaN(r.testAccuracy()));
        String what = test ? "test" : "train";
        List<Row> rows = rows(c, test);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measure", what);
        List<Object> js = new ArrayList<>();
        c.md.append("### ").append(test ? "Test" : "Train").append(" accuracy per mirror (mean ± std over seeds)\n\n");
        c.md.append("| mirror | runs | of which at their budget | mean | std |\n|---|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,measure,runs,atBudget,mean,std\n");
        for (Row r : rows) {
            csv.append(Table.Csv.cell(r.mirror())).append(',').append(what).append(',').append(r.runs()).append(',').append(r.atBudget())
                    .append(',').append(Table.Csv.num(r.mean())).append(',').append(Table.Csv.num(r.std())).append('\n');
            c.md.append("| ").append(r.mirror()).append(" | ").append(r.runs()).append(" | ").append(r.atBudget()).append(" | ")
                    .append(pct(r.mean())).append(" | ").append(pct(r.std())).append(" |\n");
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", r.mirror());
            o.put("runs", (long) r.runs());
            o.put("atBudget", (long) r.atBudget());
            o.put("mean", r.mean());
            o.put("std", r.std());
            js.add(o);
        }
        c.md.append('\n');
        if (!rows.isEmpty()) c.put("accuracy-per-mirror.csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        json.put("rows", js);
        String verdict = verdict(rows, what);
        json.put("verdict", verdict);
        if (verdict != null) c.md.append(c.headline(verdict)).append("\n\n");
        return json;
    }

    /** The measured ranking, and how it compares with "higher q, higher accuracy" where the mirrors are ℓq potentials. */
    static String verdict(List<Row> rows, String what) {
        if (rows.size() < 2) return null;
        List<Row> ranked = rows.stream().sorted(Comparator.comparingDouble(Row::mean).reversed()).toList();
        StringBuilder b = new StringBuilder("Ranking by mean " + what + " accuracy: ");
        for (int i = 0; i < ranked.size(); i++) {
            Row r = ranked.get(i);
            if (i > 0) {
                Row prev = ranked.get(i - 1);
                double spread = Math.max(nanToZero(prev.std()), nanToZero(r.std()));
                b.append(prev.mean() - r.mean() > spread ? " > " : " ≈ ");
            }
            b.append(r.mirror()).append(' ').append(pct(r.mean()));
            if (!Double.isNaN(r.std())) b.append(" ± ").append(pct(r.std()));
        }
        b.append(" (≈: means closer than a standard deviation)");
        List<Row> lq = ranked.stream().filter(r -> r.degree() != null).toList();
        if (lq.size() >= 2) {
            boolean decreasing = true;
            for (int i = 1; i < lq.size(); i++) if (lq.get(i).degree() > lq.get(i - 1).degree()) decreasing = false;
            b.append(decreasing ? "; the ℓq mirrors rank by q, higher q first, as seed 000 reports (ℓ10 > ℓ2 > ℓ1)"
                    : "; the ℓq mirrors do not rank by q (seed 000 reports ℓ10 > ℓ2 > ℓ1): by accuracy the q are "
                            + String.join(", ", lq.stream().map(r -> Num.format(r.degree())).toList()));
        }
        return b.append('.').toString();
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
