package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.bregman.train.ExperimentResult;
import org.bregman.train.ExperimentSpec;
import org.bregman.train.MirrorSpec;
import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;

/**
 * Writes an experiment's report folder: {@code summary.md} (settings, runs, then one section per report item, each
 * written by its {@link ReportSection} from {@link ReportSections}), {@code results.json}, CSV files, PNG plots and,
 * with {@code saveWeights}, {@code .npy} weights (and X, y for synthetic data). The files are written into a
 * staging folder that then replaces the report folder as a whole ({@link ReportFolder}).
 */
public final class ReportWriter {

    private final ExperimentResult result;
    private final ExperimentSpec spec;
    private final ReportContext c;
    private final StringBuilder md;
    private final boolean saveWeights;

    private ReportWriter(ExperimentResult result, Path out, boolean saveWeights) {
        this.result = result;
        this.spec = result.spec();
        this.c = new ReportContext(result, out);
        this.md = c.md;
        this.saveWeights = saveWeights;
    }

    /**
     * Writes the folder and returns the list of files written (relative paths). The report is written into a
     * staging folder and replaces {@code out} as a whole ({@link ReportFolder}): never a mix of two runs.
     */
    public static List<String> write(ExperimentResult result, Path out, boolean saveWeights) throws IOException {
        return publish(result, out, saveWeights).files();
    }

    /** Writes the folder like {@link #write} and says what the report concluded ({@link WrittenReport#headlines()}). */
    public static WrittenReport publish(ExperimentResult result, Path out, boolean saveWeights) throws IOException {
        ReportFolder.recover(out);
        Path staged = ReportFolder.stage(out);
        try {
            ReportWriter w = new ReportWriter(result, staged, saveWeights);
            w.writeAll();
            ReportFolder.publish(staged, out);
            return new WrittenReport(out, List.copyOf(w.c.files()), List.copyOf(w.c.headlines()));
        } finally {
            ReportFolder.deleteTree(staged);
        }
    }

    private void writeAll() throws IOException {
        Dataset data = result.data();
        Map<String, Object> dataPaths = null;
        Map<RunResult, String[]> weightPaths = new LinkedHashMap<>();
        if (saveWeights) {
            if (data.synthetic()) {
                float[] y = new float[data.n()];
                for (int i = 0; i < data.n(); i++) y[i] = data.y(i);
                c.put("data/X.npy", Npy.float32(data.x(), data.n(), data.d()));
                c.put("data/y.npy", Npy.float32(y));
                dataPaths = new LinkedHashMap<>();
                dataPaths.put("X", "data/X.npy");
                dataPaths.put("y", "data/y.npy");
            }
            for (RunResult r : result.runs()) {
                String init = "weights/" + r.key() + "_init.npy";
                c.put(init, Npy.float32(r.init()));
                String fin = null;
                if (r.fin() != null) {
                    fin = "weights/" + r.key() + "_final.npy";
                    c.put(fin, Npy.float32(r.fin()));
                }
                weightPaths.put(r, new String[] {init, fin});
            }
        }

        header();
        runsSection();
        for (ReportSection section : ReportSections.toWrite(spec.reports())) section.write(c);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", spec.name());
        if (dataPaths != null) json.put("data", dataPaths);
        json.put("settings", settings());
        // the layout of every .npy weight vector: the model's named blocks (the names of layer-wise mirrors)
        if (!result.layers().isEmpty()) json.put("layers", result.layers().stream().map(l -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", l.name());
            o.put("offset", (long) l.offset());
            o.put("length", (long) l.length());
            o.put("optimised", l.optimised());
            return (Object) o;
        }).toList());
        List<Object> runs = new ArrayList<>();
        for (RunResult r : result.runs()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", r.mirror().name());
            Map<String, Object> args = new LinkedHashMap<>();
            Map<String, Double> p = r.mirror().isMirror() ? r.mirror().map().parameters() : null;
            (p == null || p.isEmpty() ? r.mirror().args() : p).forEach(args::put);
            o.put("args", args);
            o.put("label", r.mirror().label());
            o.put("seed", r.seed());
            o.put("status", r.status().word);
            o.put("epochs", r.epochs());
            o.put("steps", r.steps());
            o.put("finalLoss", r.finalLoss());
            o.put("trainAccuracy", r.trainAccuracy());
            o.put("testAccuracy", r.testAccuracy());
            if (result.data().test() != null) o.put("testLoss", r.testLoss());
            o.put("lr", r.lr());
            o.put("seconds", r.seconds());
            o.put("message", r.message());
            if (saveWeights) {
                o.put("init", weightPaths.get(r)[0]);
                o.put("final", weightPaths.get(r)[1]);
            }
            runs.add(o);
        }
        json.put("runs", runs);
        json.put("tables", c.tables);
        json.put("interrupted", result.interrupted());
        c.put("summary.md", md.toString().getBytes(StandardCharsets.UTF_8));
        c.put("results.json", Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("data", spec.data().describe());
        s.put("model", spec.model().describe());
        s.put("loss", spec.loss().keyword());
        s.put("mirrors", spec.mirrors().stream().map(MirrorSpec::label).toList());
        s.put("init", spec.init().describe());
        s.put("seeds", spec.seeds());
        s.put("lr", spec.lr());
        s.put("batch", (long) spec.batch());
        s.put("until", spec.until().toString());
        s.put("reports", spec.reports().stream().sorted().toList());
        if (spec.kkt() != null) s.put("kktPotential", spec.kkt().label());
        s.put("parameters", (long) result.runs().stream().filter(r -> r.init() != null).findFirst().map(r -> r.init().length).orElse(0));
        return s;
    }

    private void header() {
        md.append("# ").append(spec.name()).append("\n\n");
        if (result.interrupted()) md.append(c.headline("**Interrupted (Ctrl-C): the runs below that finished are kept; the rest were not run.**")).append("\n\n");
        md.append("## Settings\n\n");
        md.append("| setting | value |\n|---|---|\n");
        md.append("| data | ").append(result.data().description())
                .append(spec.data().augmentation() == null ? "" : ", training images augmented: " + spec.data().augmentation()).append(" |\n");
        md.append("| model | ").append(spec.model().describe()).append(" (").append(result.parameterNames()).append(" parameters) |\n");
        if (!result.layers().isEmpty()) md.append("| layers | ").append(layerList(result.layers())).append(" |\n");
        md.append("| loss | ").append(spec.loss().keyword()).append(" |\n");
        md.append("| mirrors | ").append(spec.mirrors().stream().map(m -> m.label() + (m.lr() != null ? " (lr " + Num.format(m.lr()) + ")" : ""))
                .collect(Collectors.joining(", "))).append(" |\n");
        md.append("| init | ").append(spec.init().describe()).append(", seeds ").append(spec.seeds().stream().map(String::valueOf)
                .collect(Collectors.joining(", "))).append(" |\n");
        md.append("| lr | ").append(Num.format(spec.lr())).append(" (divided by the batch size; the gradient is the batch sum) |\n");
        md.append("| batch | ").append(spec.batch()).append(" |\n");
        md.append("| until | ").append(spec.until()).append(" |\n");
        md.append(String.format(Locale.ROOT, "| wall time | %.1f s |%n%n", result.seconds()));
    }

    /** {@code 0_W (1,600), 0_b (40), …}: the optimised layers with their parameter counts, then the running statistics' count. */
    public static String layerList(List<org.bregman.train.model.Layer> layers) {
        String named = layers.stream().filter(org.bregman.train.model.Layer::optimised)
                .map(l -> l.name() + String.format(Locale.ROOT, " (%,d)", l.length())).collect(Collectors.joining(", "));
        long statistics = layers.stream().filter(l -> !l.optimised()).count();
        return statistics == 0 ? named : named + "; " + statistics + " blocks of batch-norm running statistics (not optimised)";
    }

    private void runsSection() throws IOException {
        // regression with a test split: its test error (mean loss) where classification shows its test accuracy
        boolean testLoss = !result.data().classification() && result.data().test() != null;
        md.append("## Runs\n\n| mirror | seed | status | epochs | steps | final loss | train acc. | ").append(testLoss ? "test loss" : "test acc.")
                .append(" | time |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,status,epochs,steps,finalLoss,trainAccuracy,testAccuracy,lr,seconds,message\n");
        List<String> notes = new ArrayList<>();
        for (RunResult r : result.runs()) {
            md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(r.status().word)
                    .append(" | ").append(r.epochs()).append(" | ").append(r.steps()).append(" | ").append(Num.short4(r.finalLoss()))
                    .append(" | ").append(ReportContext.pct(r.trainAccuracy())).append(" | ")
                    .append(testLoss ? Num.short4(r.testLoss()) : ReportContext.pct(r.testAccuracy()))
                    .append(String.format(Locale.ROOT, " | %.1f s |%n", r.seconds()));
            if (r.message() != null) notes.add(r.mirror().label() + ", seed " + r.seed() + ": " + r.message());
            csv.append(Table.Csv.cell(r.mirror().label())).append(',').append(r.seed()).append(',').append(r.status().word).append(',')
                    .append(r.epochs()).append(',').append(r.steps()).append(',').append(Table.Csv.num(r.finalLoss())).append(',')
                    .append(Table.Csv.num(r.trainAccuracy())).append(',').append(Table.Csv.num(r.testAccuracy())).append(',')
                    .append(Table.Csv.num(r.lr())).append(',').append(Table.Csv.num(r.seconds())).append(',')
                    .append(r.message() == null ? "" : Table.Csv.cell(r.message())).append('\n');
        }
        md.append('\n');
        for (String n : notes) md.append("- ").append(n).append('\n');
        if (!notes.isEmpty()) md.append('\n');
        c.put("runs.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

}
