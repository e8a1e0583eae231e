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

    @Override
    public Integer call() {
        Loader.Potential p = loadValid(List.of(source.file)).one(potential);
        MirrorMap m = Loader.compile(p, parameters.values());
        List<Double> psi = new ArrayList<>();
        List<Double> grad = new ArrayList<>();
        for (String s : w) {
            double x = Values.number("--w", s);
            psi.add(m.psi(x));
            grad.add(m.grad(x));
        }
        List<Double> inverse = new ArrayList<>();
        for (String s : z) {
            inverse.add(m.inverse(Values.number("--z", s)));
        }
        List<Double> bregman = new ArrayList<>();
        for (String s : pairs) {
            String[] wv = s.split(":", -1);
            if (wv.length != 2) {
                throw new Main.UserError("--bregman takes pairs W:V, e.g. 0.5:1.5; got '" + s + "'", Main.USAGE_ERROR);
            }
            bregman.add(m.bregman(Values.number("--bregman", wv[0]), Values.number("--bregman", wv[1])));
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
