package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.model.ModelSpec;

/**
 * The {@code predictors} item (Woodworth et al.'s equivalence, issue 10): writes each finished run's final effective
 * predictor (linear: w; diagonal network: u^D − v^D, in double) to {@code predictors.csv}, and compares it with the
 * predictors of the other experiments' reports in the same output folder that have one — the experiments of a
 * file run in order, so a later experiment compares with the earlier ones. The relative difference is
 * ‖w − w'‖₂ / ‖w'‖₂; the verdict calls two predictors the same at ≤ {@value #SAME}.
 */
final class PredictorsSection implements ReportSection {

    static final double SAME = 1e-3;
    private static final String FILE = "predictors.csv";

    private record Row(String experiment, String mirror, long seed, double[] w) {
    }

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Final predictors\n\n");
        int depth = c.spec.model() instanceof ModelSpec.Diagonal diag ? diag.depth() : 0;
        if (depth == 0 && !c.spec.model().linearInWeights()) {
            c.md.append("Only for the linear models and the diagonal network; this experiment is ").append(c.spec.model().describe()).append(".\n\n");
            c.tables.put("predictors", List.of());
            return;
        }
        List<Row> mine = new ArrayList<>();
        StringBuilder csv = new StringBuilder("experiment,mirror,seed,w...\n");
        for (RunResult r : c.result.runs()) {
            if (!r.finished()) continue;
            Row row = new Row(c.spec.name(), r.mirror().label(), r.seed(), KktReport.predictor(r.fin(), depth));
            mine.add(row);
            csv.append(Table.Csv.cell(row.experiment())).append(',').append(Table.Csv.cell(row.mirror())).append(',').append(row.seed());
            for (double v : row.w()) csv.append(',').append(v); // Double.toString: read back exactly
            csv.append('\n');
        }
        c.put(FILE, csv.toString().getBytes(StandardCharsets.UTF_8));
        List<String> unreadable = new ArrayList<>();
        List<Row> others = others(c.folder().getParent(), Num.safe(c.spec.name()), unreadable);
        if (!unreadable.isEmpty()) c.md.append("Not readable as predictors, left out: ").append(String.join(", ", unreadable)).append(".\n\n");
        c.md.append("Each finished run's final effective predictor is in `").append(FILE).append("`; compared with those of the other ")
                .append("reports of the same output folder: ‖w − w'‖₂ / ‖w'‖₂.\n\n");
        List<Object> js = new ArrayList<>();
        double worst = 0;
        String against = null;
        StringBuilder table = new StringBuilder("| run | other experiment | its run | relative difference |\n|---|---|---|---:|\n");
        for (Row a : mine) {
            for (Row b : others) {
                if (b.w().length != a.w().length) continue;
                double diff = 0, norm = 0;
                for (int j = 0; j < a.w().length; j++) {
                    diff += (a.w()[j] - b.w()[j]) * (a.w()[j] - b.w()[j]);
                    norm += b.w()[j] * b.w()[j];
                }
                double rel = Math.sqrt(diff / norm);
                if (!(rel <= worst)) worst = rel; // NaN (a zero predictor) counts as the worst
                against = against == null ? b.experiment() : against.contains(b.experiment()) ? against : against + ", " + b.experiment();
                table.append("| ").append(a.mirror()).append(", seed ").append(a.seed()).append(" | ").append(b.experiment()).append(" | ")
                        .append(b.mirror()).append(", seed ").append(b.seed()).append(" | ").append(Num.short4(rel)).append(" |\n");
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("mirror", a.mirror());
                o.put("seed", a.seed());
                o.put("otherExperiment", b.experiment());
                o.put("otherMirror", b.mirror());
                o.put("otherSeed", b.seed());
                o.put("relativeDifference", rel);
                js.add(o);
            }
        }
        c.tables.put("predictors", js);
        if (against == null) {
            c.md.append("No other report in the output folder has predictors of the same length to compare with.\n\n");
            return;
        }
        c.md.append(table).append('\n');
        c.md.append(c.headline("**Predictors: the largest relative difference from " + against + "'s final predictors is " + Num.short4(worst)
                + (worst <= SAME ? " (≤ 1e-3): the same predictor.**" : " (> 1e-3): not the same predictor.**")))
                .append("\n\n");
    }

    /** The rows of every other report folder under {@code base} with a predictors file (by folder name; staging folders skipped). */
    private static List<Row> others(Path base, String own, List<String> unreadable) throws IOException {
        List<Row> rows = new ArrayList<>();
        if (base == null || !Files.isDirectory(base)) return rows;
        List<Path> folders;
        try (var s = Files.list(base)) {
            folders = s.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals(own))
                    .filter(p -> Files.isRegularFile(p.resolve(FILE))).sorted().toList();
        }
        for (Path p : folders) {
            List<String> lines = Files.readAllLines(p.resolve(FILE), StandardCharsets.UTF_8);
            List<Row> read = new ArrayList<>();
            try {
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    List<String> cells = Table.Csv.split(line);
                    double[] w = new double[cells.size() - 3];
                    for (int j = 0; j < w.length; j++) w[j] = Double.parseDouble(cells.get(j + 3));
                    read.add(new Row(cells.get(0), cells.get(1), Long.parseLong(cells.get(2)), w));
                }
            } catch (RuntimeException e) {
                unreadable.add(p.getFileName() + "/" + FILE); // not written by this item (edited by hand?): left out, and said so
                continue;
            }
            rows.addAll(read);
        }
        return rows;
    }
}
