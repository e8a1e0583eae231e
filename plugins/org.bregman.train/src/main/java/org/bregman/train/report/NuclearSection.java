package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bregman.train.Num;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;

/**
 * The {@code nuclear} item (seed 003, Gunasekar et al. 2017): for {@code factorization}, the nuclear norm of each run's
 * final W = U Vᵀ against the minimum nuclear norm among all matrices that fit the training measurements exactly,
 * computed from the data alone ({@link NuclearNorm#minimum}, with its certified gap), the ratio, and the relative error on
 * the test entries (the unobserved entries of matrix completion, held-out measurements of sensing).
 */
final class NuclearSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Nuclear norm\n\n‖W‖_* of each run's final W = U Vᵀ against min ‖M‖_* subject to ⟨X_i, M⟩ = y_i on the training rows "
                + "(ADMM with a duality certificate, independent of training); test error ‖f − y‖₂ / ‖y‖₂ on the test rows.\n\n");
        String why = c.notApplicable("nuclear");
        Dataset data = c.result.data();
        if (why != null) {
            c.md.append(why).append(".\n\n");
            return;
        }
        int d = (int) Math.round(Math.sqrt(data.d()));
        double[] a = new double[data.n() * data.d()], y = new double[data.n()];
        for (int j = 0; j < a.length; j++) a[j] = data.x()[j];
        for (int i = 0; i < data.n(); i++) y[i] = data.y(i);
        NuclearNorm.Minimum min;
        try {
            min = NuclearNorm.minimum(a, y, data.n(), d, 1e-6, 20_000);
        } catch (IllegalArgumentException e) {
            c.md.append("No reference: ").append(e.getMessage()).append(".\n\n");
            return;
        }
        float[] ref = new float[min.minimiser().length];
        for (int j = 0; j < ref.length; j++) ref[j] = (float) min.minimiser()[j];
        c.md.append(String.format(Locale.ROOT, "Minimum nuclear norm: %.6g (certified within %.1e relative: lower bound %.6g, %d ADMM iterations); "
                + "its test error %s.%n%n", min.upper(), min.gap(), min.lower(), min.iterations(), Num.short4(testError(data.test(), ref))));
        c.md.append("| mirror | seed | status | ‖W‖_* | ratio to min | test error |\n|---|---:|---|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,status,nuclearNorm,minimumNuclearNorm,ratio,testError\n");
        List<Object> js = new ArrayList<>();
        Map<String, double[]> range = new LinkedHashMap<>();
        for (RunResult r : c.result.runs()) {
            if (r.predictor() == null || r.predictor().length != data.d()) continue;
            double[] w = new double[data.d()];
            for (int j = 0; j < w.length; j++) w[j] = r.predictor()[j];
            double nuclear = NuclearNorm.nuclear(w, d), ratio = nuclear / min.upper(), test = testError(data.test(), r.predictor());
            if (r.finished()) range.merge(r.mirror().label(), new double[] {ratio, ratio}, (p, q) -> new double[] {Math.min(p[0], q[0]), Math.max(p[1], q[1])});
            RunColumns.markdown(c.md, r.mirror().label(), r.seed(), r.status().word).append(Num.short4(nuclear)).append(" | ").append(String.format(Locale.ROOT, "%.4f", ratio)).append(" | ").append(Num.short4(test))
                    .append(" |\n");
            RunColumns.csv(csv, r.mirror().label(), r.seed(), r.status().word).append(Table.Csv.num(nuclear)).append(',').append(Table.Csv.num(min.upper())).append(',').append(Table.Csv.num(ratio)).append(',')
                    .append(Table.Csv.num(test)).append('\n');
            Map<String, Object> o = RunColumns.json(r.mirror().label(), r.seed(), r.status().word);
            o.put("nuclearNorm", nuclear);
            o.put("minimumNuclearNorm", min.upper());
            o.put("certificateGap", min.gap());
            o.put("ratio", ratio);
            o.put("testError", test);
            js.add(o);
        }
        c.md.append('\n');
        if (!range.isEmpty()) {
            StringBuilder v = new StringBuilder("Nuclear norm / minimum (" + c.spec.init().describe() + "): ");
            String sep = "";
            for (var e : range.entrySet()) {
                v.append(sep).append(e.getKey()).append(String.format(Locale.ROOT, " %.4f", e.getValue()[1]));
                if (e.getValue()[0] != e.getValue()[1]) v.append(String.format(Locale.ROOT, " (best seed %.4f)", e.getValue()[0]));
                sep = "; ";
            }
            c.md.append(c.headline(v.append('.').toString())).append("\n\n");
        }
        c.put("nuclear.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        c.tables.put("nuclear", js);
    }

    /** ‖f − y‖₂ / ‖y‖₂ on {@code test} with f_i = ⟨X_i, W⟩; NaN without a test set. */
    static double testError(Dataset test, float[] w) {
        if (test == null) return Double.NaN;
        double err = 0, norm = 0;
        for (int i = 0; i < test.n(); i++) {
            double f = 0;
            for (int j = 0; j < test.d(); j++) f += (double) test.x()[i * test.d() + j] * w[j];
            double t = test.y(i);
            err += (f - t) * (f - t);
            norm += t * t;
        }
        return Math.sqrt(err / norm);
    }
}
