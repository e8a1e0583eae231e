package org.bregman.train.report;

import static org.bregman.train.report.ReportContext.weightsOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.Geometry;
import org.bregman.train.Num;
import org.bregman.train.RunResult;

/**
 * The {@code margin} item: the minimum margin of each run, divided by ‖w‖₂ of all final parameters, and normalised by
 * the run's own geometry ({@link Geometry}: min_i ỹ_i f(x_i) / ‖θ‖_q^L, the ψ-margin of seeds 002 and 003), with its
 * curve over training ({@link MarginCurve}). A negative margin (data the run does not separate) is a warning.
 */
final class MarginSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Margin\n\nMinimum over the training set of s·f (one output) or f_y − max_{k≠y} f_k; normalised: divided by ‖w‖₂ of all final parameters.\n\n");
        if (c.notApplicable("margin") != null) {
            c.md.append("Only for classification.\n\n");
            return;
        }
        int degree = c.spec.model().homogeneity();
        c.md.append("| mirror | seed | margin | normalised |\n|---|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,margin,normalisedMargin\n");
        StringBuilder own = new StringBuilder("| mirror | seed | geometry | min ỹf / ‖θ‖_q^L |\n|---|---:|---|---:|\n");
        List<Object> js = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        for (RunResult r : c.result.runs()) {
            if (r.fin() == null) continue;
            double norm = 0;
            for (float f : weightsOf(r)) norm += (double) f * f;
            double nm = r.margin() / Math.sqrt(norm);
            Geometry g = Geometry.of(r.mirror());
            double psiMargin = r.curve().isEmpty() ? Double.NaN : r.curve().get(r.curve().size() - 1)[5];
            c.md.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(Num.short4(r.margin()))
                    .append(" | ").append(Num.short4(nm)).append(" |\n");
            own.append("| ").append(r.mirror().label()).append(" | ").append(r.seed()).append(" | ").append(g.how().replace("|", "\\|")).append(" | ")
                    .append(Num.short4(psiMargin)).append(" |\n");
            csv.append(Table.Csv.cell(r.mirror().label())).append(',').append(r.seed()).append(',').append(Table.Csv.num(r.margin()))
                    .append(',').append(Table.Csv.num(nm)).append('\n');
            if (r.margin() < 0) negative.add(r.mirror().label() + ", seed " + r.seed());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mirror", r.mirror().label());
            o.put("seed", r.seed());
            o.put("margin", r.margin());
            o.put("normalisedMargin", nm);
            o.put("q", g.q());
            o.put("geometry", g.how());
            o.put("degree", (long) degree);
            o.put("geometryMargin", psiMargin);
            js.add(o);
        }
        c.md.append('\n');
        c.md.append("### Normalised by each mirror's geometry\n\nmin_i ỹ_i f(x_i) / ‖θ‖_q^L over all optimised parameters θ, L the model's degree of homogeneity (")
                .append(degree > 0 ? c.spec.model().describe() + ": L = " + degree
                        : c.spec.model().describe() + " is not homogeneous in its parameters (biases): no normalised margin")
                .append("); q from the mirror: ψ = c·|w|^q gives ℓq (the ψ-margin); a ψ that is not homogeneous gives the ℓq of its horizon, "
                        + "q = log₂ ψ(2W)/ψ(W) at W = 1e6 (seed 002: the hyperbolic entropy's horizon is ℓ1 up to a logarithm, a smoothed |w|^q's is ℓq); "
                        + "update rules ℓ2.\n\n")
                .append(own).append('\n');
        if (!negative.isEmpty()) {
            c.md.append(c.headline("Warning: negative margin (training data not separated) for " + String.join("; ", negative)
                    + ": the normalised margin and max-margin direction say nothing there.")).append("\n\n");
        }
        c.put("margin.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        c.tables.put("margin", js);
        MarginCurve.write(c);
    }
}
