package org.bregman.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bregman.potential.api.Diagnostic;
import org.bregman.potential.api.ResolvedExperiment;
import org.bregman.train.ExperimentSpec;
import org.bregman.train.MirrorSpec;
import org.bregman.train.NativeBackend;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Model;
import org.bregman.train.report.Json;

/**
 * {@code bregman bench FILE --epoch}: whole training epochs of a model with plain SGD and with the potential's
 * mirror step, interleaved round by round (medians): what a researcher waits for, next to PyTorch's epoch in
 * {@code benchmarks/pytorch/epoch.py}. The model, data and loss are written as in an experiment; they are checked
 * by the language as an experiment appended to FILE, so a mistake gets the same message a file would.
 */
final class EpochBench {

    record Settings(String potential, Map<String, Double> args, String model, String data, String loss, int batch, double lr,
            int rounds, int warmup, int threads) {
    }

    private EpochBench() {
    }

    static int run(Path file, Settings s, boolean json, PrintWriter out, PrintWriter err) throws IOException {
        String backend = NativeBackend.select();
        ExperimentSpec spec = experiment(file, s, err);
        NativeBackend.threads(s.threads());
        MirrorSpec mirror = spec.mirrors().get(0);
        Dataset data = spec.data().load(null);
        try (Model model = Model.create(spec.model(), spec.loss(), data)) {
            float[] init = spec.init().draw(model.size(), spec.seeds().get(0));
            int n = data.n();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i; // in order on both sides: the speed does not depend on it
            err.printf(Locale.ROOT, "bregman: %s on %s, %,d parameters, batch %d, %s, %s%n", spec.model().describe(),
                    spec.data().describe(), model.size(), s.batch(), mirror.label(), NativeBackend.describe());
            err.flush();
            String[] names = {"sgd", "smd"};
            List<List<Double>> seconds = List.of(new ArrayList<>(), new ArrayList<>());
            for (int r = -s.warmup(); r < s.rounds(); r++) { // warm-up rounds first
                for (int v0 = 0; v0 < 2; v0++) {
                    int v = (v0 + Math.max(r, 0)) % 2; // alternate which goes first
                    model.setParams(model.initial(init));
                    long t0 = System.nanoTime();
                    for (int from = 0; from < n; from += s.batch()) {
                        int to = Math.min(n, from + s.batch());
                        model.gradient(order, from, to);
                        float lr = (float) (s.lr() / (to - from));
                        if (v == 0) model.sgdStep(lr);
                        else model.step(mirror.map(), lr);
                    }
                    if (r >= 0) seconds.get(v).add((System.nanoTime() - t0) / 1e9);
                }
            }
            Map<String, Object> medians = new LinkedHashMap<>();
            Map<String, Object> all = new LinkedHashMap<>();
            for (int v = 0; v < 2; v++) {
                medians.put(names[v], median(seconds.get(v)));
                all.put(names[v], seconds.get(v));
            }
            if (json) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("epochSeconds", medians);
                r.put("rounds", all);
                r.put("threads", s.threads());
                r.put("backend", backend);
                r.put("model", spec.model().describe());
                r.put("data", spec.data().describe());
                r.put("parameters", model.size());
                r.put("batch", s.batch());
                r.put("mirror", mirror.label());
                out.print(Json.write(r));
            } else {
                out.printf(Locale.ROOT, "%-5s %12s %8s%n", "step", "epoch (s)", "vs SGD");
                for (int v = 0; v < 2; v++) {
                    double m = median(seconds.get(v));
                    out.printf(Locale.ROOT, "%-5s %12.4f %7.2fx%n", names[v], m, m / median(seconds.get(0)));
                }
                out.printf(Locale.ROOT, "medians of %d rounds; %d examples per epoch%n", s.rounds(), n);
            }
        }
        return 0;
    }

    /** The settings as an experiment appended to FILE, validated and translated like any experiment. */
    private static ExperimentSpec experiment(Path file, Settings s, PrintWriter err) throws IOException {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        int lines = (int) source.lines().count();
        StringBuilder args = new StringBuilder();
        s.args().forEach((k, v) -> args.append(args.length() == 0 ? "(" : ", ").append(k).append(" = ").append(org.bregman.train.Num.format(v)));
        if (args.length() > 0) args.append(')');
        String text = source + "\n\nexperiment BenchEpoch {\n    data    " + s.data() + "\n    model   " + s.model() + "\n    loss    "
                + s.loss() + "\n    mirrors " + s.potential() + args + "\n    init    normal(std = 0.01) seeds 1\n    lr      "
                + org.bregman.train.Num.format(s.lr()) + "\n    batch   " + s.batch() + "\n    until   epochs >= 1\n}\n";
        Path dir = Files.createTempDirectory("bregman-bench");
        Path copy = dir.resolve(file.getFileName());
        try {
            Files.writeString(copy, text, StandardCharsets.UTF_8);
            Loader.Loaded loaded = Loader.load(List.of(copy));
            boolean errors = false;
            for (Diagnostic d : loaded.diagnostics()) {
                if (!d.isError()) continue;
                errors = true;
                err.println(d.line() > lines ? "bregman: bench --epoch (--model, --data, --loss, --batch, --lr): " + d.message()
                        : Loader.displayed(d.withFile(file)));
            }
            if (errors) throw new Main.Exit(Main.INPUT_ERROR);
            ResolvedExperiment x = loaded.workspace().experiments().get(0);
            return ExperimentSpec.of(x);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(dir);
        }
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
