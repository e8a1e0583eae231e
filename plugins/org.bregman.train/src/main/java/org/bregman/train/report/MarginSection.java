package org.bregman.train.report;

import static org.bregman.train.report.ReportContext.weightsOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.Num;
import org.bregman.train.RunResult;

/** The {@code margin} item: the minimum margin of each run, also divided by the norm of the weights. */
final class MarginSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Margin\n\nMinimum over the training set of s·f (one output) or f_y − max_{k≠y} f_k; normalised: divided by ‖w‖₂ of all final parameters.\n\n");
        if (c.notApplicable("margin") != null) {
            c.md.append("Only for classification.\n\n");
            return;
        }
        c.md.append("| mirror | seed | margin | normalised |\n|---|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,margin,normalisedMargin\n");
        List<Object> js = new ArrayList<>();
        for (RunResult r : c.result.runs()) {
            if (r.fin() == null) continue;
            double norm = 0;
            for (float f : weightsOf(r)) norm += (double) f * f;
            double nm = r.margin() / Math.sqrt(norm);
            c.md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(Num.short4(r.margin()))
                    .append(" | ").append(Num.short4(nm)).append(" |\n");
            csv.append(Table.Csv.cell(r.mirror().label())).append(',').append(r.seed()).append(',').append(Table.Csv.num(r.margin()))
                    .append(',').append(Table.Csv.num(nm)).append('\n');
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", r.mirror().label());
            o.put("seed", r.seed());
            o.put("margin", r.margin());
            o.put("normalisedMargin", nm);
            js.add(o);
        }
        c.md.append('\n');
        c.put("margin.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        c.tables.put("margin", js);
    }
}
