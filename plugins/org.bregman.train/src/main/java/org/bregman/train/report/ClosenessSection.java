package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.MirrorSpec;
import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.model.Layer;

/**
 * The {@code closeness} item (seed 000: "closeness comes for free"): for every run of a potential that trained to its end
 * (converged, or stopped at its budget: marked), D_ψ(w_T, w_0) of the final point to its own initial point in its own
 * mirror — the Bregman table's diagonal entry — against the number of trained parameters p, with D/p and the relative
 * change ‖w_T − w_0‖₂ / ‖w_0‖₂ over the trained parameters. A table, {@code closeness.csv} and a log-log plot of D/p
 * against p (one point per run).
 */
final class ClosenessSection implements ReportSection {

    /** One run's closeness. */
    record Row(String mirror, long seed, String status, long parameters, double divergence, double relativeChange) {
        double perParameter() {
            return divergence / parameters;
        }
    }

    static List<Row> rows(ReportContext c) {
        List<Row> out = new ArrayList<>();
        for (MirrorSpec m : c.spec.mirrors()) {
            if (!m.isMirror()) continue; // an update rule has no ψ of its own
            for (long seed : c.spec.seeds()) {
                RunResult r = c.result.run(m, seed);
                if (r == null || r.fin() == null || !(r.finished() || r.status() == RunResult.Status.STOPPED)) continue;
                boolean[] trained = trained(r.fin().length, c.result.layers());
                long p = 0;
                double change = 0, norm = 0;
                for (int j = 0; j < trained.length; j++) {
                    if (!trained[j]) continue;
                    p++;
                    double d = (double) r.fin()[j] - r.init()[j];
                    change += d * d;
                    norm += (double) r.init()[j] * r.init()[j];
                }
                double relative = norm > 0 ? Math.sqrt(change / norm) : Double.NaN;
                out.add(new Row(m.label(), seed, r.status().word, p, m.map().bregman(r.fin(), r.init()), relative));
            }
        }
        return out;
    }

    /** Which coordinates are trained parameters (batch-norm running statistics are not). */
    private static boolean[] trained(int n, List<Layer> layers) {
        boolean[] t = new boolean[n];
        java.util.Arrays.fill(t, true);
        for (Layer l : layers) if (!l.optimised()) java.util.Arrays.fill(t, l.offset(), l.offset() + l.length(), false);
        return t;
    }

    @Override
    public void write(ReportContext c) throws IOException {
        List<Row> rows = rows(c);
        c.md.append("## Closeness to the initial point\n\n");
        c.md.append("D_ψ(w_T, w_0) of each final point to its own initial point in its own mirror, against the number of trained"
                + " parameters p (seed 000: \"closeness comes for free\").\n\n");
        c.md.append("| mirror | seed | status | p | D_ψ(w_T, w_0) | D_ψ / p | ‖w_T − w_0‖ / ‖w_0‖ |\n|---|---:|---|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,status,parameters,divergence,perParameter,relativeChange\n");
        List<Object> js = new ArrayList<>();
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (Row r : rows) {
            RunColumns.markdown(c.md, r.mirror(), r.seed(), r.status()).append(String.format(java.util.Locale.ROOT, "%,d", r.parameters())).append(" | ").append(Num.short4(r.divergence()))
                    .append(" | ").append(Num.short4(r.perParameter())).append(" | ").append(Num.short4(r.relativeChange())).append(" |\n");
            RunColumns.csv(csv, r.mirror(), r.seed(), r.status()).append(r.parameters())
                    .append(',').append(Table.Csv.num(r.divergence())).append(',').append(Table.Csv.num(r.perParameter())).append(',')
                    .append(Table.Csv.num(r.relativeChange())).append('\n');
            Map<String, Object> o = RunColumns.json(r.mirror(), r.seed(), r.status());
            o.put("parameters", r.parameters());
            o.put("divergence", r.divergence());
            o.put("perParameter", r.perParameter());
            o.put("relativeChange", r.relativeChange());
            js.add(o);
            points.computeIfAbsent(r.mirror(), k -> new ArrayList<>()).add(new double[] {r.parameters(), r.perParameter()});
        }
        c.md.append('\n');
        if (!rows.isEmpty()) {
            double lo = rows.stream().mapToDouble(Row::perParameter).min().orElse(Double.NaN);
            double hi = rows.stream().mapToDouble(Row::perParameter).max().orElse(Double.NaN);
            double rlo = rows.stream().mapToDouble(Row::relativeChange).filter(Double::isFinite).min().orElse(Double.NaN);
            double rhi = rows.stream().mapToDouble(Row::relativeChange).filter(Double::isFinite).max().orElse(Double.NaN);
            c.md.append(c.headline("Closeness: D_ψ(w_T, w_0) per parameter " + Num.short4(lo) + " – " + Num.short4(hi) + " over " + rows.size()
                    + " runs of " + String.format(java.util.Locale.ROOT, "%,d", rows.get(0).parameters()) + " parameters; relative change ‖w_T − w_0‖/‖w_0‖ "
                    + Num.short4(rlo) + " – " + Num.short4(rhi) + ".")).append("\n\n");
            c.put("closeness.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            List<Plots.Series> series = new ArrayList<>();
            int colour = 0;
            for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
                series.add(new Plots.Series(e.getKey(), colour++, e.getValue().stream().mapToDouble(p -> p[0]).toArray(),
                        e.getValue().stream().mapToDouble(p -> p[1]).toArray()));
            }
            c.plot("closeness.png", () -> Plots.scatter("D_ψ(w_T, w_0) per parameter (" + c.spec.name() + ")", "parameters p", series));
            c.md.append("![closeness](closeness.png)\n\n");
        }
        c.tables.put("closeness", js);
    }
}
