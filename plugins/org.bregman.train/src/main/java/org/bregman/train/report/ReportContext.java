package org.bregman.train.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bregman.codegen.AtomicFiles;
import org.bregman.potential.experiment.ReportItem;
import org.bregman.potential.experiment.Vocabulary;
import org.bregman.train.ExperimentResult;
import org.bregman.train.ExperimentSpec;
import org.bregman.train.MirrorSpec;
import org.bregman.train.RunResult;

/**
 * What a {@link ReportSection} reads (the experiment's result) and where it writes: the summary being built, the
 * {@code tables} of {@code results.json}, and files in the staging folder.
 */
public final class ReportContext {
    public final ExperimentResult result;
    public final ExperimentSpec spec;
    /** {@code summary.md} so far. */
    public final StringBuilder md = new StringBuilder();
    /** {@code results.json}'s {@code tables}, by item. */
    public final Map<String, Object> tables = new LinkedHashMap<>();
    private final Path out;
    private final List<String> files = new ArrayList<>();
    /** What the report concluded, for a terminal: each a line or (the Bregman comparison) a block, as in summary.md. */
    private final List<String> headlines = new ArrayList<>();

    ReportContext(ExperimentResult result, Path out) {
        this.result = result;
        this.spec = result.spec();
        this.out = out;
    }

    /** The folder this report is being written into (a staging folder beside the others of the same output folder). */
    Path folder() {
        return out;
    }

    /** Whether the experiment asked for the report item {@code name}. */
    public boolean requested(String name) {
        return spec.reports().contains(name);
    }

    /** Why the item {@code name} does not apply to this experiment (the language's rule, {@link ReportItem}), or {@code null}. */
    public String notApplicable(String name) {
        int outputs = spec.loss().outputs(result.data().classes());
        return Vocabulary.REPORTS.get(name).problem(new ReportItem.Setup(modelName(), spec.loss().keyword(), null, outputs,
                result.data().classification()));
    }

    private String modelName() {
        String d = spec.model().describe();
        int paren = d.indexOf('(');
        return paren < 0 ? d : d.substring(0, paren);
    }

    /** The run of {@code m} from {@code seed} if it finished, else {@code null}. */
    public RunResult finished(MirrorSpec m, long seed) {
        RunResult r = result.run(m, seed);
        return r != null && r.finished() ? r : null;
    }

    List<String> files() {
        return files;
    }

    List<String> headlines() {
        return headlines;
    }

    /** A line (or block) of summary.md that is also one of the report's headlines; returned for appending. */
    public String headline(String text) {
        headlines.add(text);
        return text;
    }

    /** A plot is a convenience: if drawing fails (no fonts on a minimal system …) the tables are still written. */
    public void plot(String rel, java.util.function.Supplier<byte[]> png) throws IOException {
        byte[] bytes;
        try {
            bytes = png.get();
        } catch (RuntimeException | LinkageError e) {
            md.append("(plot ").append(rel).append(" not drawn: ").append(e).append(")\n\n");
            return;
        }
        put(rel, bytes);
    }

    /** Writes {@code bytes} to {@code out/rel} (the staging folder) through {@link AtomicFiles}. */
    public void put(String rel, byte[] bytes) throws IOException {
        AtomicFiles.write(out.resolve(rel), bytes);
        files.add(rel);
        ReportFolder.pause("wrote " + rel);
    }

    public static String pct(double a) {
        return Double.isNaN(a) ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * a);
    }

    /** The weights whose magnitudes the histogram counts: the effective predictor for linear-in-x models, else all parameters. */
    public static float[] weightsOf(RunResult r) {
        return r.predictor() != null ? r.predictor() : r.fin();
    }

    /** A comparison table's entry in {@code results.json}, tagged {@code key = value}. */
    public static Map<String, Object> tableJson(Table t, String key, Object value) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put(key, value);
        o.put("rows", t.rows());
        o.put("columns", t.columns());
        List<Object> vals = new ArrayList<>();
        for (double[] r : t.values()) vals.add(r.clone());
        o.put("values", vals);
        o.put("diagonalMinimumRows", (long) t.diagonalMinimumRows());
        o.put("comparableRows", (long) t.comparableRows());
        o.put("verdict", t.verdict());
        return o;
    }
}
