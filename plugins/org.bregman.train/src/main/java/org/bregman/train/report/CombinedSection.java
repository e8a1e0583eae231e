package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bregman.train.MirrorSpec;
import org.bregman.train.RunResult;

/**
 * The {@code combined} item (Fig. 5 / Appendix B of Azizan et al.): every mirror × every initial point in one table.
 * Row (ψ, seed t): D_ψ(final point, initial point of seed t) for every final point (mirror m, seed s). SMD with ψ from
 * the initial point of seed t should reach, among all these final points, the one closest to that initial point in
 * D_ψ, so each row's minimum should sit on the diagonal (m = ψ, s = t). Update rules have no ψ: left out.
 */
final class CombinedSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Every mirror from every initial point\n\n");
        List<MirrorSpec> ms = c.spec.mirrors().stream().filter(MirrorSpec::isMirror).toList();
        List<Long> seeds = c.spec.seeds();
        List<String> labels = new ArrayList<>(), finals = new ArrayList<>();
        for (MirrorSpec m : ms) {
            for (long s : seeds) {
                labels.add(m.label() + ", init seed " + s);
                finals.add("final " + m.label() + ", seed " + s);
            }
        }
        int k = labels.size();
        double[][] v = new double[k][k];
        for (int i = 0; i < k; i++) {
            MirrorSpec psi = ms.get(i / seeds.size());
            float[] init = c.result.inits().get(seeds.get(i % seeds.size()));
            for (int j = 0; j < k; j++) {
                RunResult r = c.finished(ms.get(j / seeds.size()), seeds.get(j % seeds.size()));
                v[i][j] = r == null || init == null ? Double.NaN : psi.map().bregman(r.fin(), init);
            }
        }
        Table t = new Table("Every mirror from every initial point", "D_ψ from init \\ final of", labels, finals, v);
        c.md.append("Row (ψ, seed t), column (mirror m, seed s): D_ψ(final point of m from seed s, initial point of seed t). "
                + "Each final point should be the closest, in its own mirror's divergence, to its own initial point, so each row's "
                + "minimum should sit on the diagonal (bold). Runs that did not converge are left out (—).\n\n");
        c.md.append(t.markdown()).append('\n');
        c.md.append(c.headline("**Combined table: " + t.verdict() + ".**")).append("\n\n");
        c.put("combined.csv", t.csv().getBytes(StandardCharsets.UTF_8));
        c.tables.put("combined", ReportContext.tableJson(t, "seeds", seeds));
    }
}
