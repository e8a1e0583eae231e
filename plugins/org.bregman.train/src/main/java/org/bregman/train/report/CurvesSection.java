package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.MirrorSpec;
import org.bregman.train.RunResult;

/** The loss curves: {@code curves.csv} and {@code curves.png} always; in the summary when {@code curves} is requested. */
final class CurvesSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        StringBuilder csv = new StringBuilder("mirror,seed,epoch,steps,loss,trainAccuracy,seconds\n");
        List<Plots.Series> series = new ArrayList<>();
        int colour = 0;
        for (MirrorSpec m : c.spec.mirrors()) {
            for (long seed : c.spec.seeds()) {
                RunResult r = c.result.run(m, seed);
                if (r == null || r.curve().isEmpty()) continue;
                double[] xs = new double[r.curve().size()], ys = new double[r.curve().size()];
                for (int i = 0; i < xs.length; i++) {
                    double[] p = r.curve().get(i);
                    xs[i] = p[0];
                    ys[i] = p[2];
                    csv.append(Table.Csv.cell(m.label())).append(',').append(seed).append(',').append((long) p[0]).append(',')
                            .append((long) p[1]).append(',').append(Table.Csv.num(p[2])).append(',').append(Table.Csv.num(p[3]))
                            .append(',').append(Table.Csv.num(p[4])).append('\n');
                }
                series.add(new Plots.Series(m.label() + ", seed " + seed, colour, xs, ys));
            }
            colour++;
        }
        c.put("curves.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        c.plot("curves.png", () -> Plots.curves("Training loss (" + c.spec.name() + ")", "epoch", series));
        if (c.requested("curves")) {
            c.md.append("## Loss curves\n\nPer-epoch training loss of every run: `curves.csv`.\n\n![loss curves](curves.png)\n\n");
            // a LinkedHashMap: Map.of iterates in an order that changes from one JVM run to the next
            Map<String, Object> files = new LinkedHashMap<>();
            files.put("file", "curves.csv");
            files.put("plot", "curves.png");
            c.tables.put("curves", files);
        }
    }
}
