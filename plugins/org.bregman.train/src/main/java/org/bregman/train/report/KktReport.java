package org.bregman.train.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.bregman.train.ExperimentResult;
import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;

/**
 * The {@code kkt} report: at the final point w of each run, the residual of the stationarity condition of
 * min D_ψ(w, w0) s.t. Xw = y, i.e. the part of ∇ψ(w) − ∇ψ(w0) outside the row space of X, relative to its norm.
 * With several outputs (W is k × d) each output's block must lie in row(X); the blocks are stacked. Feasibility
 * (Xw = y) is the run's loss. SMD on a linear model keeps this residual at rounding level along the whole path.
 *
 * @param markdown the summary section; @param csv {@code kkt.csv}; @param json the {@code tables.kkt} entry
 */
public record KktReport(String markdown, String csv, Object json) {

    /** Writes the {@code kkt} item: the summary section, {@code kkt.csv} and its {@code tables} entry. */
    void writeTo(ReportContext c) throws java.io.IOException {
        c.md.append(markdown);
        if (csv != null) c.put("kkt.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        c.tables.put("kkt", json);
    }

    /** The report for a linear-in-weights model; {@code null} rows are runs without a final point. */
    public static KktReport of(ExperimentResult result) {
        Dataset data = result.data();
        var spec = result.spec();
        StringBuilder md = new StringBuilder("## KKT residual at the final point\n\n");
        if (!spec.model().linearInWeights()) {
            md.append("Only for models linear in their weights (linear, logistic); this experiment is ").append(spec.model().describe())
                    .append(".\n\n");
            return new KktReport(md.toString(), null, List.of());
        }
        md.append("‖(∇ψ(w) − ∇ψ(w0)) − P_row(X)(∇ψ(w) − ∇ψ(w0))‖₂ / ‖∇ψ(w) − ∇ψ(w0)‖₂ at each final point w: 0 at "
                + "argmin_{Xw=y} D_ψ(w, w0) (with Xw = y, i.e. loss 0); projection by re-orthogonalised Gram–Schmidt in double. "
                + "Update rules (`optimizers`) are measured with ψ = w²/2 (is w − w0 in the row space?).\n\n");
        md.append("| mirror | seed | status | KKT residual | final loss |\n|---|---:|---|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,status,kktResidual,finalLoss\n");
        List<Object> js = new ArrayList<>();
        int n = data.n(), d = data.d();
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = data.x()[i];
        RowSpace rows = new RowSpace(x, n, d);
        double worst = 0;
        int converged = 0;
        for (RunResult r : result.runs()) {
            if (r.fin() == null) continue;
            // an update rule has no ψ: its row measures the Euclidean condition (ψ = w²/2: w − w0 in row(X))
            double res = r.mirror().isMirror() && !r.mirror().map().separable()
                    ? residual(wholeGrad(r.mirror().map(), r.fin()), wholeGrad(r.mirror().map(), r.init()), rows, d)
                    : residual(r.mirror().isMirror() ? r.mirror().map()::grad : w -> w, rows, r.init(), r.fin(), d);
            if (r.finished() && !Double.isNaN(res)) {
                worst = Math.max(worst, res);
                converged++;
            }
            md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(r.status().word).append(" | ")
                    .append(Num.short4(res)).append(" | ").append(Num.short4(r.finalLoss())).append(" |\n");
            csv.append(Table.Csv.cell(r.mirror().label())).append(',').append(r.seed()).append(',').append(r.status().word).append(',')
                    .append(Table.Csv.num(res)).append(',').append(Table.Csv.num(r.finalLoss())).append('\n');
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", r.mirror().label());
            o.put("seed", r.seed());
            o.put("status", r.status().word);
            o.put("kktResidual", res);
            o.put("finalLoss", r.finalLoss());
            js.add(o);
        }
        md.append(converged == 0 ? "\nNo run converged (or completed its budget).\n\n"
                : "\nLargest KKT residual of a converged run: " + Num.short4(worst) + ".\n\n");
        return new KktReport(md.toString(), csv.toString(), js);
    }

    /**
     * The relative KKT residual of final point {@code fin} from {@code init} (both k·d long, k blocks of d), NaN
     * when ∇ψ(w) = ∇ψ(w0).
     */
    public static double residual(DoubleUnaryOperator grad, RowSpace rows, float[] init, float[] fin, int d) {
        double[] gf = new double[fin.length], gi = new double[init.length];
        for (int j = 0; j < fin.length; j++) {
            gf[j] = grad.applyAsDouble(fin[j]);
            gi[j] = grad.applyAsDouble(init[j]);
        }
        return residual(gf, gi, rows, d);
    }

    /** ∇ψ of the whole parameter vector (a non-separable ψ couples every coordinate, of every output). */
    static double[] wholeGrad(org.bregman.runtime.MirrorMap map, float[] w) {
        double[] v = new double[w.length], out = new double[w.length];
        for (int j = 0; j < w.length; j++) v[j] = w[j];
        map.grad(v, out);
        return out;
    }

    /** The same from ∇ψ(w) and ∇ψ(w0), each k·d long. */
    public static double residual(double[] gradFin, double[] gradInit, RowSpace rows, int d) {
        double out = 0, all = 0;
        for (int off = 0; off < gradFin.length; off += d) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) v[j] = gradFin[off + j] - gradInit[off + j];
            double a = RowSpace.norm(v), o = RowSpace.norm(rows.outside(v));
            all += a * a;
            out += o * o;
        }
        return all == 0 ? Double.NaN : Math.sqrt(out / all);
    }
}
