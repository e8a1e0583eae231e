package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;

/** The {@code exact} item: the distance of each final point to the exact Bregman minimiser over {w : Xw = y} ({@link ExactSolver}). */
final class ExactSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Distance to the exact Bregman minimiser\n\n");
        Dataset data = c.result.data();
        if (c.notApplicable("exact") != null) {
            c.md.append("Only for linear models with the squared loss and one output (the minimiser over {w : Xw = y}); this experiment is ")
                    .append(c.spec.model().describe()).append(" with ").append(c.spec.loss().keyword()).append(" loss.\n\n");
            return;
        }
        c.md.append("w* = argmin_{Xw = y} D_ψ(w, w0), computed independently in double precision (Newton on the dual: "
                + "w(λ) = (∇ψ)⁻¹(∇ψ(w0) + Xᵀλ), solve Xw(λ) = y); relative distance ‖w − w*‖₂ / ‖w*‖₂ of each final point.\n\n");
        int n = data.n(), d = data.d();
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = data.x()[i];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = data.classification() ? (data.labels()[i] == 1 ? 1 : -1) : data.targets()[i];
        }
        c.md.append("| mirror | seed | relative distance | ‖Xw* − y‖∞ | Newton converged |\n|---|---:|---:|---:|---|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,relativeDistance,exactResidual,newtonConverged\n");
        List<Object> js = new ArrayList<>();
        double worst = 0;
        for (RunResult r : c.result.runs()) {
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
            c.md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(Num.short4(rel)).append(" | ")
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
        c.md.append('\n').append(c.headline("Largest relative distance: " + Num.short4(worst) + ".")).append("\n\n");
        c.put("exact.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        c.tables.put("exact", js);
    }
}
