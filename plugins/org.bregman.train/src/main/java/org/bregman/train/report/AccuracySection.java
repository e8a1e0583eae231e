package org.bregman.train.report;

import static org.bregman.train.report.ReportContext.pct;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.RunResult;

/** The {@code accuracy} item: train and test accuracy of each run, then per mirror over the seeds ({@link AccuracyRanking}). */
final class AccuracySection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Accuracy\n\n| mirror | seed | train | test |\n|---|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,train,test\n");
        List<Object> js = new ArrayList<>();
        for (RunResult r : c.result.runs()) {
            if (r.fin() == null) continue;
            c.md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(pct(r.trainAccuracy()))
                    .append(" | ").append(pct(r.testAccuracy())).append(" |\n");
            csv.append(Table.Csv.cell(r.mirror().label())).append(',').append(r.seed()).append(',').append(Table.Csv.num(r.trainAccuracy()))
                    .append(',').append(Table.Csv.num(r.testAccuracy())).append('\n');
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", r.mirror().label());
            o.put("seed", r.seed());
            o.put("train", r.trainAccuracy());
            o.put("test", r.testAccuracy());
            js.add(o);
        }
        c.md.append('\n');
        c.put("accuracy.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        c.tables.put("accuracy", js);
        c.tables.put("accuracyPerMirror", AccuracyRanking.write(c));
    }
}
