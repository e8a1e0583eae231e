package org.bregman.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.report.Json;

import org.bregman.runtime.MirrorMap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval",
        description = "Evaluate the compiled optimizer of one potential: psi and grad at each --w, inverse at "
                + "each --z, D(w, v) for each --bregman w:v pair.")
final class EvalCommand extends Verb {

    @Mixin
    SourceFile source;

    @Option(names = "--potential", required = true, paramLabel = "NAME", description = "the potential")
    String potential;

    @Mixin
    ParameterValues parameters;

    @Option(names = "--w", split = ",", paramLabel = "W", description = "points for psi and grad, comma-separated")
    List<String> w = new ArrayList<>();

    @Option(names = "--z", split = ",", paramLabel = "Z", description = "dual points for the inverse, comma-separated")
    List<String> z = new ArrayList<>();

    @Option(names = "--bregman", split = ",", paramLabel = "W:V", description = "pairs for D(w, v), e.g. 0.5:1.5,2:1")
    List<String> pairs = new ArrayList<>();

    @Mixin
    JsonOutput output;

    private static double[] numbers(String option, List<String> texts) {
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) out[i] = Values.number(option, texts.get(i));
        return out;
    }

    @Override
    public Integer call() {
        Loader.Potential p = loadValid(List.of(source.file)).one(potential);
        MirrorMap m = Loader.compile(p, parameters.values());
        List<Double> psi = new ArrayList<>();
        List<Double> grad = new ArrayList<>();
        List<Double> inverse = new ArrayList<>();
        List<Double> bregman = new ArrayList<>();
        double[] ws = numbers("--w", w), zs = numbers("--z", z);
        double[][] wv = new double[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            String[] two = pairs.get(i).split(":", -1);
            if (two.length != 2) {
                throw new Main.UserError("--bregman takes pairs W:V, e.g. 0.5:1.5; got '" + pairs.get(i) + "'", Main.USAGE_ERROR);
            }
            wv[0][i] = Values.number("--bregman", two[0]);
            wv[1][i] = Values.number("--bregman", two[1]);
        }
        if (m.separable()) {
            for (double x : ws) {
                psi.add(m.psi(x));
                grad.add(m.grad(x));
            }
            for (double x : zs) inverse.add(m.inverse(x));
            for (int i = 0; i < pairs.size(); i++) bregman.add(m.bregman(wv[0][i], wv[1][i]));
        } else {
            // non-separable: --w is one vector (Ψ and ∇Ψ of it), --z one dual vector, the pairs one pair of vectors
            double[] out = new double[Math.max(ws.length, zs.length)];
            if (ws.length > 0) {
                psi.add(m.psi(ws));
                m.grad(ws, out);
                for (int j = 0; j < ws.length; j++) grad.add(out[j]);
            }
            if (zs.length > 0) {
                m.inverse(zs, out);
                for (int j = 0; j < zs.length; j++) inverse.add(out[j]);
            }
            if (pairs.size() > 0) bregman.add(m.bregman(wv[0], wv[1]));
        }
        PrintWriter out = out();
        if (output.json) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("psi", psi);
            r.put("grad", grad);
            r.put("inverse", inverse);
            r.put("bregman", bregman);
            out.print(Json.write(r));
        } else {
            out.println(p.name() + " " + m.parameters() + "    [inverse: "
                    + (m.inverseIsClosedForm() ? "closed-form" : "numeric") + "]");
            if (!m.separable()) {
                out.println("  non-separable: w = (" + String.join(", ", w) + "): psi = " + psi + ", grad = " + grad);
                out.println("  z = (" + String.join(", ", z) + "): inverse = " + inverse + "; D(w, v) of the pairs as two vectors = " + bregman);
                return 0;
            }
            for (int i = 0; i < w.size(); i++) {
                out.printf("  w = %-12s psi = %-24s grad = %s%n", w.get(i), psi.get(i), grad.get(i));
            }
            for (int i = 0; i < z.size(); i++) {
                out.printf("  z = %-12s inverse = %s%n", z.get(i), inverse.get(i));
            }
            for (int i = 0; i < pairs.size(); i++) {
                out.printf("  D(%s) = %s%n", pairs.get(i).replace(":", ", "), bregman.get(i));
            }
        }
        return 0;
    }
}
