package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.Geometry;
import org.bregman.train.MirrorSpec;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;

/**
 * The margin over training on a log-time axis: at epochs 1, 2, 5, 10, 20, 50, … and the last, each run's normalised
 * margin of its own geometry and, for a linear classifier under a homogeneous ψ = c·|w|^q, the cosine between its
 * predictor and the ℓq max-margin direction ({@link MaxMarginSolver}, from the data alone). Writes
 * {@code margin-curve.csv}, {@code margin-curve.png} and (where there are cosines) {@code cosine-curve.png}.
 */
final class MarginCurve {
    private MarginCurve() {
    }

    static void write(ReportContext c) throws IOException {
        Dataset data = c.result.data();
        Map<Double, double[]> references = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("mirror,seed,epoch,normalisedMargin,cosine\n");
        List<Plots.Series> margins = new ArrayList<>(), cosines = new ArrayList<>();
        int colour = 0;
        for (MirrorSpec m : c.spec.mirrors()) {
            Geometry g = Geometry.of(m);
            for (long seed : c.spec.seeds()) {
                RunResult r = c.result.run(m, seed);
                if (r == null || r.curve().isEmpty()) continue;
                double[] u = g.homogeneous() && data.classes() == 2 && !r.path().isEmpty() ? reference(references, data, g.q()) : null;
                List<double[]> points = new ArrayList<>();
                long last = (long) r.curve().get(r.curve().size() - 1)[0];
                for (double[] p : r.curve()) {
                    long epoch = (long) p[0];
                    if (epoch != last && !org.bregman.train.Trainer.logGrid(epoch)) continue;
                    double cos = u == null ? Double.NaN : cosineAt(r.path(), epoch, u);
                    points.add(new double[] {epoch, p[5], cos});
                    csv.append(Table.Csv.cell(m.label())).append(',').append(seed).append(',').append(epoch).append(',')
                            .append(Table.Csv.num(p[5])).append(',').append(Table.Csv.num(cos)).append('\n');
                }
                double[] x = new double[points.size()], ym = new double[points.size()], yc = new double[points.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = points.get(i)[0] > 0 ? Math.log10(points.get(i)[0]) : Double.NaN;
                    ym[i] = points.get(i)[1];
                    yc[i] = points.get(i)[2];
                }
                String label = m.label() + ", seed " + seed;
                margins.add(new Plots.Series(label, colour, x, ym));
                if (u != null) cosines.add(new Plots.Series(label + " vs ℓ" + org.bregman.train.Num.format(g.q()), colour, x, yc));
            }
            colour++;
        }
        c.put("margin-curve.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        c.plot("margin-curve.png", () -> Plots.lines("Normalised margin (" + c.spec.name() + ")", "log10 epoch", "min ỹf / ‖θ‖_q^L", margins));
        c.md.append("Over training (log time): `margin-curve.csv`.\n\n![normalised margin over training](margin-curve.png)\n\n");
        if (!cosines.isEmpty()) {
            c.plot("cosine-curve.png", () -> Plots.lines("Cosine to the max-margin direction (" + c.spec.name() + ")", "log10 epoch",
                    "cos(w, u*_q)", cosines));
            c.md.append("![cosine to the max-margin direction of each run's geometry](cosine-curve.png)\n\n");
        }
    }

    /** The ℓq max-margin direction, once per q; {@code null} when the data are not separable. */
    private static double[] reference(Map<Double, double[]> references, Dataset data, double q) {
        return references.computeIfAbsent(q, k -> {
            try {
                return MaxMarginSolver.solve(MaxMarginSolver.signedRows(data), data.n(), data.d(), k, 1e-10, 100_000).direction();
            } catch (MaxMarginSolver.NotSeparable e) {
                return null;
            }
        });
    }

    private static double cosineAt(List<double[]> path, long epoch, double[] u) {
        for (double[] row : path) {
            if ((long) row[0] != epoch || row.length - 1 != u.length) continue;
            return MaxMarginSection.cosine(java.util.Arrays.copyOfRange(row, 1, row.length), u);
        }
        return Double.NaN;
    }
}
