package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.bregman.codegen.AtomicFiles;
import org.bregman.train.ExperimentResult;
import org.bregman.train.ExperimentSpec;
import org.bregman.train.ExperimentSpec.Report;
import org.bregman.train.MirrorSpec;
import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;

/**
 * Writes an experiment's report folder: {@code summary.md}, {@code results.json}, CSV files, PNG plots and,
 * with {@code saveWeights}, {@code .npy} weights (and X, y for synthetic data). The files are written into a
 * staging folder that then replaces the report folder as a whole ({@link ReportFolder}).
 */
public final class ReportWriter {

    /** Thresholds of the |w| histogram table. */
    public static final double[] THRESHOLDS = {1e-3, 1e-2, 1e-1};

    private final ExperimentResult result;
    private final ExperimentSpec spec;
    private final Path out;
    private final boolean saveWeights;
    private final Map<String, Object> tables = new LinkedHashMap<>();
    private final StringBuilder md = new StringBuilder();
    private final List<String> files = new ArrayList<>();
    /** What the report concluded, for a terminal: each a line or (the Bregman comparison) a block, as in summary.md. */
    private final List<String> headlines = new ArrayList<>();

    private ReportWriter(ExperimentResult result, Path out, boolean saveWeights) {
        this.result = result;
        this.spec = result.spec();
        this.out = out;
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
            return new WrittenReport(out, List.copyOf(w.files), List.copyOf(w.headlines));
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
                put("data/X.npy", Npy.float32(data.x(), data.n(), data.d()));
                put("data/y.npy", Npy.float32(y));
                dataPaths = new LinkedHashMap<>();
                dataPaths.put("X", "data/X.npy");
                dataPaths.put("y", "data/y.npy");
            }
            for (RunResult r : result.runs()) {
                String init = "weights/" + r.key() + "_init.npy";
                put(init, Npy.float32(r.init()));
                String fin = null;
                if (r.fin() != null) {
                    fin = "weights/" + r.key() + "_final.npy";
                    put(fin, Npy.float32(r.fin()));
                }
                weightPaths.put(r, new String[] {init, fin});
            }
        }

        header();
        runsSection();
        if (spec.reports().contains(Report.BREGMAN)) bregman();
        if (spec.reports().contains(Report.CLOSEST)) closest();
        if (spec.reports().contains(Report.EXACT)) exact();
        if (spec.reports().contains(Report.KKT)) kkt();
        if (spec.reports().contains(Report.HISTOGRAM)) histogram();
        if (spec.reports().contains(Report.ACCURACY)) accuracy();
        if (spec.reports().contains(Report.MARGIN)) margin();
        curves(spec.reports().contains(Report.CURVES));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", spec.name());
        if (dataPaths != null) json.put("data", dataPaths);
        json.put("settings", settings());
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
        json.put("tables", tables);
        json.put("interrupted", result.interrupted());
        put("summary.md", md.toString().getBytes(StandardCharsets.UTF_8));
        put("results.json", Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("data", spec.data().describe());
        s.put("model", spec.model().describe());
        s.put("loss", spec.loss().keyword);
        s.put("mirrors", spec.mirrors().stream().map(MirrorSpec::label).toList());
        s.put("init", spec.init().describe());
        s.put("seeds", spec.seeds());
        s.put("lr", spec.lr());
        s.put("batch", (long) spec.batch());
        s.put("until", spec.until().toString());
        s.put("reports", spec.reports().stream().map(r -> r.keyword).sorted().toList());
        s.put("parameters", (long) result.runs().stream().filter(r -> r.init() != null).findFirst().map(r -> r.init().length).orElse(0));
        return s;
    }

    private void header() {
        md.append("# ").append(spec.name()).append("\n\n");
        if (result.interrupted()) md.append(headline("**Interrupted (Ctrl-C): the runs below that finished are kept; the rest were not run.**")).append("\n\n");
        md.append("## Settings\n\n");
        md.append("| setting | value |\n|---|---|\n");
        md.append("| data | ").append(result.data().description()).append(" |\n");
        md.append("| model | ").append(spec.model().describe()).append(" (").append(result.parameterNames()).append(" parameters) |\n");
        md.append("| loss | ").append(spec.loss().keyword).append(" |\n");
        md.append("| mirrors | ").append(spec.mirrors().stream().map(m -> m.label() + (m.lr() != null ? " (lr " + Num.format(m.lr()) + ")" : ""))
                .collect(Collectors.joining(", "))).append(" |\n");
        md.append("| init | ").append(spec.init().describe()).append(", seeds ").append(spec.seeds().stream().map(String::valueOf)
                .collect(Collectors.joining(", "))).append(" |\n");
        md.append("| lr | ").append(Num.format(spec.lr())).append(" (divided by the batch size; the gradient is the batch sum) |\n");
        md.append("| batch | ").append(spec.batch()).append(" |\n");
        md.append("| until | ").append(spec.until()).append(" |\n");
        md.append(String.format(Locale.ROOT, "| wall time | %.1f s |%n%n", result.seconds()));
    }

    private void runsSection() throws IOException {
        md.append("## Runs\n\n| mirror | seed | status | epochs | steps | final loss | train acc. | test acc. | time |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,status,epochs,steps,finalLoss,trainAccuracy,testAccuracy,lr,seconds,message\n");
        List<String> notes = new ArrayList<>();
        for (RunResult r : result.runs()) {
            md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(r.status().word)
                    .append(" | ").append(r.epochs()).append(" | ").append(r.steps()).append(" | ").append(Num.short4(r.finalLoss()))
                    .append(" | ").append(pct(r.trainAccuracy())).append(" | ").append(pct(r.testAccuracy()))
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
        put("runs.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private RunResult finished(MirrorSpec m, long seed) {
        RunResult r = result.run(m, seed);
        return r != null && r.finished() ? r : null;
    }

    private void bregman() throws IOException {
        // the terminal shows this section without its explanation and plots
        StringBuilder shown = new StringBuilder("## Bregman divergences from each initial point\n\n");
        md.append(shown);
        md.append("Row ψ, column m: D_ψ(final point of mirror m, initial point). SMD with ψ should reach the interpolating point "
                + "closest to the initial point in D_ψ, so each row's minimum should sit on the diagonal (bold). Runs that did not converge are left out (—).\n\n");
        if (spec.mirrors().stream().anyMatch(m -> !m.isMirror())) {
            String note = "Update rules (`optimizers`) have no potential of their own: they are columns only, final points that each row's ψ "
                    + "measures next to its own mirror's.\n\n";
            md.append(note);
            shown.append(note);
        }
        List<Object> js = new ArrayList<>();
        int rowsMin = 0, rowsAll = 0;
        // rows: the potentials; columns: their final points, then those of the update rules (optimizers), which have no ψ of their own
        List<MirrorSpec> ms = spec.mirrors().stream().filter(MirrorSpec::isMirror).toList();
        List<MirrorSpec> cs = java.util.stream.Stream.concat(ms.stream(), spec.mirrors().stream().filter(m -> !m.isMirror())).toList();
        List<String> labels = ms.stream().map(MirrorSpec::label).toList();
        for (long seed : spec.seeds()) {
            float[] init = result.inits().get(seed);
            if (init == null) continue;
            double[][] v = new double[ms.size()][cs.size()];
            for (int i = 0; i < ms.size(); i++) {
                for (int j = 0; j < cs.size(); j++) {
                    RunResult r = finished(cs.get(j), seed);
                    v[i][j] = r == null ? Double.NaN : ms.get(i).map().bregman(r.fin(), init);
                }
            }
            Table t = new Table("Bregman divergences, seed " + seed, "D_ψ \\ final of", labels, cs.stream().map(MirrorSpec::label).toList(), v);
            String seedTable = "### Seed " + seed + "\n\n" + t.markdown() + "\n" + t.verdict() + ".\n\n";
            md.append(seedTable);
            shown.append(seedTable);
            rowsMin += t.diagonalMinimumRows();
            rowsAll += t.comparableRows();
            put("bregman_seed" + seed + ".csv", t.csv().getBytes(StandardCharsets.UTF_8));
            plot("bregman_seed" + seed + ".png", () -> Plots.heatMap(t));
            md.append("![Bregman heat map, seed ").append(seed).append("](bregman_seed").append(seed).append(".png)\n\n");
            js.add(tableJson(t, "seed", seed));
        }
        String verdict = "**Bregman tables: diagonal is the row minimum in " + rowsMin + " of " + rowsAll + " rows.**";
        md.append(verdict).append("\n\n");
        headlines.add(shown.append(verdict).toString());
        tables.put("bregman", js);
    }

    private void closest() throws IOException {
        md.append("## Closest initial point, per mirror\n\n");
        if (spec.seeds().size() < 2) {
            md.append("Needs at least two seeds.\n\n");
            return;
        }
        md.append("Row s, column t: D_ψ(final point from seed t, initial point of seed s). Each final point should be closest to its own "
                + "initial point, so each row's minimum should sit on the diagonal.\n\n");
        List<Object> js = new ArrayList<>();
        int rowsMin = 0, rowsAll = 0;
        List<String> rows = spec.seeds().stream().map(s -> "init seed " + s).toList();
        List<String> cols = spec.seeds().stream().map(s -> "final seed " + s).toList();
        for (MirrorSpec m : spec.mirrors()) {
            if (!m.isMirror()) continue; // an update rule has no divergence of its own to compare seeds with
            int k = spec.seeds().size();
            double[][] v = new double[k][k];
            for (int i = 0; i < k; i++) {
                float[] init = result.inits().get(spec.seeds().get(i));
                for (int j = 0; j < k; j++) {
                    RunResult r = finished(m, spec.seeds().get(j));
                    v[i][j] = r == null || init == null ? Double.NaN : m.map().bregman(r.fin(), init);
                }
            }
            Table t = new Table("Closest initial point, " + m.label(), "D_ψ for " + m.label(), rows, cols, v);
            md.append("### ").append(m.label()).append("\n\n").append(t.markdown()).append('\n').append(t.verdict()).append(".\n\n");
            rowsMin += t.diagonalMinimumRows();
            rowsAll += t.comparableRows();
            put("closest_" + m.key() + ".csv", t.csv().getBytes(StandardCharsets.UTF_8));
            js.add(tableJson(t, "mirror", m.label()));
        }
        md.append(headline("**Closest tables: diagonal is the row minimum in " + rowsMin + " of " + rowsAll + " rows.**")).append("\n\n");
        tables.put("closest", js);
    }

    private static Map<String, Object> tableJson(Table t, String key, Object value) {
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

    private void exact() throws IOException {
        md.append("## Distance to the exact Bregman minimiser\n\n");
        Dataset data = result.data();
        boolean oneOutput = spec.loss().outputs(data.classes()) == 1;
        if (!spec.model().linearInWeights() || spec.loss() != org.bregman.train.model.Loss.SQUARED || !oneOutput) {
            md.append("Only for linear models with the squared loss and one output (the minimiser over {w : Xw = y}); this experiment is ")
                    .append(spec.model().describe()).append(" with ").append(spec.loss().keyword).append(" loss.\n\n");
            return;
        }
        md.append("w* = argmin_{Xw = y} D_ψ(w, w0), computed independently in double precision (Newton on the dual: "
                + "w(λ) = (∇ψ)⁻¹(∇ψ(w0) + Xᵀλ), solve Xw(λ) = y); relative distance ‖w − w*‖₂ / ‖w*‖₂ of each final point.\n\n");
        int n = data.n(), d = data.d();
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = data.x()[i];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = data.classification() ? (data.labels()[i] == 1 ? 1 : -1) : data.targets()[i];
        }
        md.append("| mirror | seed | relative distance | ‖Xw* − y‖∞ | Newton converged |\n|---|---:|---:|---:|---|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,relativeDistance,exactResidual,newtonConverged\n");
        List<Object> js = new ArrayList<>();
        double worst = 0;
        for (RunResult r : result.runs()) {
            if (!r.finished() || !r.mirror().isMirror()) continue;
            double[] w0 = new double[d];
            for (int j = 0; j < d; j++) w0[j] = r.init()[j];
            ExactSolver.Solution s = ExactSolver.solve(r.mirror().map(), x, y, w0, n, d);
            double num = 0, den = 0;
            for (int j = 0; j < d; j++) {
                double e = r.fin()[j] - s.w()[j];
                num += e * e;
                den += s.w()[j] * s.w()[j];
            }
            double rel = Math.sqrt(num / den);
            worst = Math.max(worst, rel);
            md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(Num.short4(rel)).append(" | ")
                    .append(Num.short4(s.residual())).append(" | ").append(s.converged() ? "yes" : "no").append(" |\n");
            csv.append(Table.Csv.cell(r.mirror().label())).append(',').append(r.seed()).append(',').append(Table.Csv.num(rel)).append(',')
                    .append(Table.Csv.num(s.residual())).append(',').append(s.converged()).append('\n');
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", r.mirror().label());
            o.put("seed", r.seed());
            o.put("relativeDistance", rel);
            o.put("exactResidual", s.residual());
            o.put("newtonConverged", s.converged());
            js.add(o);
        }
        md.append('\n').append(headline("Largest relative distance: " + Num.short4(worst) + ".")).append("\n\n");
        put("exact.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        tables.put("exact", js);
    }

    private void kkt() throws IOException {
        KktReport k = KktReport.of(result);
        md.append(k.markdown());
        if (k.csv() != null) put("kkt.csv", k.csv().getBytes(StandardCharsets.UTF_8));
        tables.put("kkt", k.json());
    }

    /** The weights whose magnitudes the histogram counts: the effective predictor for linear-in-x models, else all parameters. */
    private static float[] weightsOf(RunResult r) {
        return r.predictor() != null ? r.predictor() : r.fin();
    }

    private void histogram() throws IOException {
        md.append("## \\|w\\| of the final weights\n\n");
        md.append("Fraction of final weights with |w| below each threshold, over all converged runs of a mirror"
                + " (for linear and diagonal models the effective predictor w).\n\n");
        md.append("| mirror |");
        for (double t : THRESHOLDS) md.append(" \\|w\\| < ").append(Num.format(t)).append(" |");
        md.append(" max \\|w\\| |\n|---|").append("---:|".repeat(THRESHOLDS.length + 1)).append('\n');
        StringBuilder csv = new StringBuilder("mirror");
        for (double t : THRESHOLDS) csv.append(",below_").append(Num.format(t));
        csv.append(",maxAbs\n");
        List<Object> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<float[]> pooled = new ArrayList<>();
        Map<String, Double> sparsity = new LinkedHashMap<>();
        for (MirrorSpec m : spec.mirrors()) {
            List<float[]> ws = new ArrayList<>();
            for (long seed : spec.seeds()) {
                RunResult r = finished(m, seed);
                if (r != null) ws.add(weightsOf(r));
            }
            if (ws.isEmpty()) continue;
            int total = ws.stream().mapToInt(a -> a.length).sum();
            float[] all = new float[total];
            int at = 0;
            for (float[] a : ws) {
                System.arraycopy(a, 0, all, at, a.length);
                at += a.length;
            }
            double[] frac = new double[THRESHOLDS.length];
            double max = 0;
            for (float f : all) {
                double a = Math.abs(f);
                max = Math.max(max, a);
                for (int k = 0; k < THRESHOLDS.length; k++) if (a < THRESHOLDS[k]) frac[k]++;
            }
            for (int k = 0; k < frac.length; k++) frac[k] /= total;
            md.append("| ").append(m.label()).append(" |");
            csv.append(Table.Csv.cell(m.label()));
            for (double f : frac) {
                md.append(' ').append(pct(f)).append(" |");
                csv.append(',').append(Table.Csv.num(f));
            }
            md.append(' ').append(Num.short4(max)).append(" |\n");
            csv.append(',').append(Table.Csv.num(max)).append('\n');
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", m.label());
            o.put("fractions", frac);
            o.put("maxAbs", max);
            rows.add(o);
            labels.add(m.label());
            pooled.add(all);
            sparsity.put(m.label(), frac[1]);
        }
        if (!sparsity.isEmpty()) {
            // mirrors whose printed fractions are equal are tied ("="), not ranked
            StringBuilder order = new StringBuilder();
            String previous = null;
            for (Map.Entry<String, Double> e : sparsity.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).toList()) {
                String shown = pct(e.getValue());
                if (previous != null) order.append(shown.equals(previous) ? " = " : " > ");
                order.append(e.getKey()).append(' ').append(shown);
                previous = shown;
            }
            md.append('\n').append(headline("Sparsest to densest (fraction of |w| < " + Num.format(THRESHOLDS[1]) + "): " + order + "."))
                    .append("\n\n");
            put("histogram.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            plot("histogram.png", () -> Plots.histograms("Final weights per mirror (" + spec.name() + ")", labels, pooled, "w"));
            md.append("![weight histograms](histogram.png)\n\n");
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("thresholds", THRESHOLDS.clone());
        o.put("rows", rows);
        tables.put("histogram", o);
    }

    private void accuracy() throws IOException {
        md.append("## Accuracy\n\n| mirror | seed | train | test |\n|---|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,train,test\n");
        List<Object> js = new ArrayList<>();
        for (RunResult r : result.runs()) {
            if (r.fin() == null) continue;
            md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(pct(r.trainAccuracy()))
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
        md.append('\n');
        put("accuracy.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        tables.put("accuracy", js);
    }

    private void margin() throws IOException {
        md.append("## Margin\n\nMinimum over the training set of s·f (one output) or f_y − max_{k≠y} f_k; normalised: divided by ‖w‖₂ of all final parameters.\n\n");
        if (!result.data().classification()) {
            md.append("Only for classification.\n\n");
            return;
        }
        md.append("| mirror | seed | margin | normalised |\n|---|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,margin,normalisedMargin\n");
        List<Object> js = new ArrayList<>();
        for (RunResult r : result.runs()) {
            if (r.fin() == null) continue;
            double norm = 0;
            for (float f : weightsOf(r)) norm += (double) f * f;
            double nm = r.margin() / Math.sqrt(norm);
            md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(Num.short4(r.margin()))
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
        md.append('\n');
        put("margin.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        tables.put("margin", js);
    }

    private void curves(boolean inSummary) throws IOException {
        StringBuilder csv = new StringBuilder("mirror,seed,epoch,steps,loss,trainAccuracy,seconds\n");
        List<Plots.Series> series = new ArrayList<>();
        int colour = 0;
        for (MirrorSpec m : spec.mirrors()) {
            for (long seed : spec.seeds()) {
                RunResult r = result.run(m, seed);
                if (r == null || r.curve().isEmpty()) continue;
                double[] xs = new double[r.curve().size()], ys = new double[r.curve().size()];
                for (int i = 0; i < xs.length; i++) {
                    double[] c = r.curve().get(i);
                    xs[i] = c[0];
                    ys[i] = c[2];
                    csv.append(Table.Csv.cell(m.label())).append(',').append(seed).append(',').append((long) c[0]).append(',')
                            .append((long) c[1]).append(',').append(Table.Csv.num(c[2])).append(',').append(Table.Csv.num(c[3]))
                            .append(',').append(Table.Csv.num(c[4])).append('\n');
                }
                series.add(new Plots.Series(m.label() + ", seed " + seed, colour, xs, ys));
            }
            colour++;
        }
        put("curves.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        plot("curves.png", () -> Plots.curves("Training loss (" + spec.name() + ")", "epoch", series));
        if (inSummary) {
            md.append("## Loss curves\n\nPer-epoch training loss of every run: `curves.csv`.\n\n![loss curves](curves.png)\n\n");
            tables.put("curves", Map.of("file", "curves.csv", "plot", "curves.png"));
        }
    }

    /** A line of summary.md that is also one of the report's headlines. */
    private String headline(String line) {
        headlines.add(line);
        return line;
    }

    private static String pct(double a) {
        return Double.isNaN(a) ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * a);
    }

    /** A plot is a convenience: if drawing fails (no fonts on a minimal system …) the tables are still written. */
    private void plot(String rel, java.util.function.Supplier<byte[]> png) throws IOException {
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
    private void put(String rel, byte[] bytes) throws IOException {
        AtomicFiles.write(out.resolve(rel), bytes);
        files.add(rel);
        ReportFolder.pause("wrote " + rel);
    }
}
