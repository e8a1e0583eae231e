package org.bregman.train.report;

import static org.bregman.train.report.ReportContext.tableJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bregman.train.MirrorSpec;
import org.bregman.train.RunResult;

/** The {@code closest} item: per mirror, D_ψ(final point from each seed, initial point of each seed). */
final class ClosestSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Closest initial point, per mirror\n\n");
        if (c.spec.seeds().size() < 2) {
            c.md.append("Needs at least two seeds.\n\n");
            return;
        }
        c.md.append("Row s, column t: D_ψ(final point from seed t, initial point of seed s). Each final point should be closest to its own "
                + "initial point, so each row's minimum should sit on the diagonal.\n\n");
        List<Object> js = new ArrayList<>();
        int rowsMin = 0, rowsAll = 0;
        List<String> rows = c.spec.seeds().stream().map(s -> "init seed " + s).toList();
        List<String> cols = c.spec.seeds().stream().map(s -> "final seed " + s).toList();
        for (MirrorSpec m : c.spec.mirrors()) {
            if (!m.isMirror()) continue; // an update rule has no divergence of its own to compare seeds with
            int k = c.spec.seeds().size();
            double[][] v = new double[k][k];
            for (int i = 0; i < k; i++) {
                float[] init = c.result.inits().get(c.spec.seeds().get(i));
                for (int j = 0; j < k; j++) {
                    RunResult r = c.finished(m, c.spec.seeds().get(j));
                    v[i][j] = r == null || init == null ? Double.NaN : m.map().bregman(r.fin(), init);
                }
            }
            Table t = new Table("Closest initial point, " + m.label(), "D_ψ for " + m.label(), rows, cols, v);
            c.md.append("### ").append(m.label()).append("\n\n").append(t.markdown()).append('\n').append(t.verdict()).append(".\n\n");
            rowsMin += t.diagonalMinimumRows();
            rowsAll += t.comparableRows();
            c.put("closest_" + m.key() + ".csv", t.csv().getBytes(StandardCharsets.UTF_8));
            js.add(tableJson(t, "mirror", m.label()));
        }
        c.md.append(c.headline("**Closest tables: diagonal is the row minimum in " + rowsMin + " of " + rowsAll + " rows.**")).append("\n\n");
        c.tables.put("closest", js);
    }
}
