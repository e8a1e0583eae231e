package org.bregman.train.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.bregman.train.ExperimentResult;
import org.bregman.train.MirrorSpec;
import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.ModelSpec;

/**
 * The {@code kkt} report: at the final point w of each run, the residual of the stationarity condition of
 * min D_ψ(w, w0) s.t. Xw = y, i.e. the part of ∇ψ(w) − ∇ψ(w0) outside the row space of X, relative to its norm.
 * With several outputs (W is k × d) each output's block must lie in row(X); the blocks are stacked. Feasibility
 * (Xw = y) is the run's loss. SMD on a linear model keeps this residual at rounding level along the whole path.
 * ψ is each mirror's own, or for every run the potential P of {@code kkt(P)}; on the diagonal network w is the
 * effective predictor u^D − v^D (in double from the final weights) and P is required.
 *
 * @param markdown the summary section; @param csv {@code kkt.csv}; @param json the {@code tables.kkt} entry;
 * @param verdict with {@code kkt(P)}, the measured trend over an update rule's ε, or {@code null} (a headline of the report)
 */
public record KktReport(String markdown, String csv, Object json, String verdict) {

    /** The report for a linear-in-weights model or the diagonal network; {@code null} rows are runs without a final point. */
    public static KktReport of(ExperimentResult result) {
        Dataset data = result.data();
        var spec = result.spec();
        MirrorSpec potential = spec.kkt();
        int depth = spec.model() instanceof ModelSpec.Diagonal diag ? diag.depth() : 0;
        StringBuilder md = new StringBuilder("## KKT residual at the final point\n\n");
        if (!spec.model().linearInWeights() && (depth == 0 || potential == null)) {
            md.append(depth == 0 ? "Only for models linear in their weights (linear, logistic) and the diagonal network; this experiment is "
                    + spec.model().describe() + ".\n\n"
                    : "The diagonal network needs the KKT problem's potential, `report kkt(POTENTIAL)`, for its effective predictor.\n\n");
            return new KktReport(md.toString(), null, List.of(), null);
        }
        md.append("‖(∇ψ(w) − ∇ψ(w0)) − P_row(X)(∇ψ(w) − ∇ψ(w0))‖₂ / ‖∇ψ(w) − ∇ψ(w0)‖₂ at each final point w: 0 at "
                + "argmin_{Xw=y} D_ψ(w, w0) (with Xw = y, i.e. loss 0); projection by re-orthogonalised Gram–Schmidt in double. ")
                .append(potential != null ? "ψ = " + potential.label() + " for every run" + (depth > 0 ? ", w = u^" + depth + " − v^"
                        + depth + " the effective predictor" : "") + ".\n\n"
                        : "Update rules (`optimizers`) are measured with ψ = w²/2 (is w − w0 in the row space?).\n\n");
        md.append("| mirror | seed | status | KKT residual | final loss |\n|---|---:|---|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,status,kktResidual,finalLoss\n");
        List<Object> js = new ArrayList<>();
        int n = data.n(), d = data.d();
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = data.x()[i];
        RowSpace rows = new RowSpace(x, n, d);
        double worst = 0;
        int converged = 0;
        Map<RunResult, Double> residuals = new LinkedHashMap<>();
        for (RunResult r : result.runs()) {
            if (r.fin() == null) continue;
            // an update rule has no ψ: without kkt(P) its row measures the Euclidean condition (ψ = w²/2: w − w0 in row(X))
            org.bregman.runtime.MirrorMap psi = potential != null ? potential.map() : r.mirror().isMirror() ? r.mirror().map() : null;
            double[] wi = predictor(r.init(), depth), wf = predictor(r.fin(), depth);
            double res = psi != null && !psi.separable() ? residual(wholeGrad(psi, wf), wholeGrad(psi, wi), rows, d)
                    : residual(psi != null ? psi::grad : w -> w, rows, wi, wf, d);
            residuals.put(r, res);
            if (r.finished() && !Double.isNaN(res)) {
                worst = Math.max(worst, res);
                converged++;
            }
            RunColumns.markdown(md, r.mirror().label(), r.seed(), r.status().word).append(Num.short4(res)).append(" | ").append(Num.short4(r.finalLoss())).append(" |\n");
            RunColumns.csv(csv, r.mirror().label(), r.seed(), r.status().word).append(Table.Csv.num(res)).append(',').append(Table.Csv.num(r.finalLoss())).append('\n');
            Map<String, Object> o = RunColumns.json(r.mirror().label(), r.seed(), r.status().word);
            o.put("kktResidual", res);
            o.put("finalLoss", r.finalLoss());
            js.add(o);
        }
        md.append(converged == 0 ? "\nNo run converged (or completed its budget).\n\n"
                : "\nLargest KKT residual of a converged run: " + Num.short4(worst) + ".\n\n");
        // the trend over ε is seed 001's claim about its own problem: stated only when the user names that problem's P
        return new KktReport(md.toString(), csv.toString(), js, potential == null ? null : EpsTrend.verdict(residuals));
    }

    /** The effective predictor of parameters {@code p}: p itself (linear), u^D − v^D in double (diagonal, depth D > 0). */
    static double[] predictor(float[] p, int depth) {
        int m = depth == 0 ? p.length : p.length / 2;
        double[] w = new double[m];
        for (int j = 0; j < m; j++) w[j] = depth == 0 ? p[j] : Math.pow(p[j], depth) - Math.pow(p[m + j], depth);
        return w;
    }

    /** {@link #residual(DoubleUnaryOperator, RowSpace, double[], double[], int)} of float32 weights. */
    public static double residual(DoubleUnaryOperator grad, RowSpace rows, float[] init, float[] fin, int d) {
        return residual(grad, rows, predictor(init, 0), predictor(fin, 0), d);
    }

    /**
     * The relative KKT residual of final point {@code fin} from {@code init} (both k·d long, k blocks of d), NaN
     * when ∇ψ(w) = ∇ψ(w0).
     */
    public static double residual(DoubleUnaryOperator grad, RowSpace rows, double[] init, double[] fin, int d) {
        double[] gf = new double[fin.length], gi = new double[init.length];
        for (int j = 0; j < fin.length; j++) {
            gf[j] = grad.applyAsDouble(fin[j]);
            gi[j] = grad.applyAsDouble(init[j]);
        }
        return residual(gf, gi, rows, d);
    }

    /** ∇ψ of the whole parameter vector (a non-separable ψ couples every coordinate, of every output). */
    static double[] wholeGrad(org.bregman.runtime.MirrorMap map, double[] w) {
        double[] out = new double[w.length];
        map.grad(w.clone(), out);
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
