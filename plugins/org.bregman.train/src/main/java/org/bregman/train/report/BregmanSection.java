package org.bregman.train.report;

import static org.bregman.train.report.ReportContext.tableJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bregman.train.MirrorSpec;
import org.bregman.train.RunResult;

/** The {@code bregman} item: per seed, D_ψ(final point of each mirror, initial point), whose row minimum should sit on the diagonal. */
final class BregmanSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        // the terminal shows this section without its explanation and plots
        StringBuilder shown = new StringBuilder("## Bregman divergences from each initial point\n\n");
        c.md.append(shown);
        c.md.append("Row ψ, column m: D_ψ(final point of mirror m, initial point). SMD with ψ should reach the interpolating point "
                + "closest to the initial point in D_ψ, so each row's minimum should sit on the diagonal (bold). Runs that did not converge are left out (—).\n\n");
        if (c.spec.mirrors().stream().anyMatch(m -> !m.isMirror())) {
            String note = "Update rules (`optimizers`) have no potential of their own: they are columns only, final points that each row's ψ "
                    + "measures next to its own mirror's.\n\n";
            c.md.append(note);
            shown.append(note);
        }
        List<Object> js = new ArrayList<>();
        int rowsMin = 0, rowsAll = 0;
        // rows: the potentials; columns: their final points, then those of the update rules (optimizers), which have no ψ of their own
        List<MirrorSpec> ms = c.spec.mirrors().stream().filter(MirrorSpec::isMirror).toList();
        List<MirrorSpec> cs = java.util.stream.Stream.concat(ms.stream(), c.spec.mirrors().stream().filter(m -> !m.isMirror())).toList();
        List<String> labels = ms.stream().map(MirrorSpec::label).toList();
        for (long seed : c.spec.seeds()) {
            float[] init = c.result.inits().get(seed);
            if (init == null) continue;
            double[][] v = new double[ms.size()][cs.size()];
            for (int i = 0; i < ms.size(); i++) {
                for (int j = 0; j < cs.size(); j++) {
                    RunResult r = c.finished(cs.get(j), seed);
                    v[i][j] = r == null ? Double.NaN : ms.get(i).map().bregman(r.fin(), init);
                }
            }
            Table t = new Table("Bregman divergences, seed " + seed, "D_ψ \\ final of", labels, cs.stream().map(MirrorSpec::label).toList(), v);
            String seedTable = "### Seed " + seed + "\n\n" + t.markdown() + "\n" + t.verdict() + ".\n\n";
            c.md.append(seedTable);
            shown.append(seedTable);
            rowsMin += t.diagonalMinimumRows();
            rowsAll += t.comparableRows();
            c.put("bregman_seed" + seed + ".csv", t.csv().getBytes(StandardCharsets.UTF_8));
            c.plot("bregman_seed" + seed + ".png", () -> HeatMap.of(t));
            c.md.append("![Bregman heat map, seed ").append(seed).append("](bregman_seed").append(seed).append(".png)\n\n");
            js.add(tableJson(t, "seed", seed));
        }
        String verdict = "**Bregman tables: diagonal is the row minimum in " + rowsMin + " of " + rowsAll + " rows.**";
        c.md.append(verdict).append("\n\n");
        c.headline(shown.append(verdict).toString());
        c.tables.put("bregman", js);
    }
}
