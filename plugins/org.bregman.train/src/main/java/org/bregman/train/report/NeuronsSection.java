package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bregman.train.MirrorSpec;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.ModelSpec;

/**
 * The {@code neurons} item (seed 002, Theorem 4.9: sparse versus dense feature learning) for {@code mlp}: per hidden layer,
 * each neuron's size s_j = ‖incoming weights‖₂ · ‖outgoing weights‖₂ (the quantity a rescaling of a ReLU neuron leaves
 * unchanged), the number of active neurons (s_j ≥ 10 % and ≥ 1 % of the layer's largest), the fraction of zero activations
 * on the training data, and a histogram of log₁₀(s_j / max s) per mirror. The weights are read from the final flat
 * parameters in DL4J's layout: per layer W (n_in × n_out, column-major: neuron j's incoming weights are contiguous), then
 * the biases when the network has them.
 */
final class NeuronsSection implements ReportSection {

    /** The fractions of the layer's largest neuron above which a neuron counts as active. */
    static final double[] ACTIVE = {0.1, 0.01};

    @Override
    public void write(ReportContext c) throws IOException {
        c.md.append("## Neurons\n\nPer hidden layer: active neurons, those whose ‖incoming‖₂·‖outgoing‖₂ is at least 10 % (and 1 %) of the "
                + "layer's largest; zero activations: the fraction of (example, neuron) pairs with ReLU output 0 on the training data.\n\n");
        if (!(c.spec.model() instanceof ModelSpec.Mlp mlp) || mlp.hidden().isEmpty()) {
            c.md.append("report neurons needs model mlp with at least one hidden layer.\n\n");
            return;
        }
        Dataset data = c.result.data();
        int outputs = c.spec.loss().outputs(data.classes());
        c.md.append("| mirror | seed | layer | width | active (10 %) | active (1 %) | zero activations |\n|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("mirror,seed,layer,width,active10,active1,zeroActivations\n");
        List<Object> js = new ArrayList<>();
        Map<String, List<Float>> sizes = new LinkedHashMap<>();
        Map<String, double[]> counts = new LinkedHashMap<>();
        for (MirrorSpec m : c.spec.mirrors()) {
            for (long seed : c.spec.seeds()) {
                RunResult r = c.finished(m, seed);
                if (r == null) continue;
                Network net = new Network(r.fin(), data.d(), mlp, outputs);
                double[] zeros = net.zeroActivations(data);
                for (int l = 0; l < mlp.hidden().size(); l++) {
                    double[] s = net.neuronSizes(l);
                    double max = 0;
                    for (double v : s) max = Math.max(max, v);
                    int[] active = new int[ACTIVE.length];
                    for (double v : s) {
                        for (int a = 0; a < ACTIVE.length; a++) if (max > 0 && v >= ACTIVE[a] * max) active[a]++;
                        if (max > 0) sizes.computeIfAbsent(m.label(), k -> new ArrayList<>()).add((float) Math.log10(Math.max(v / max, 1e-12)));
                    }
                    counts.merge(m.label(), new double[] {active[0], 1}, (p, q) -> new double[] {p[0] + q[0], p[1] + q[1]});
                    c.md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f |%n", m.label(), seed, l + 1, s.length, active[0],
                            active[1], zeros[l]));
                    csv.append(Table.Csv.cell(m.label())).append(',').append(seed).append(',').append(l + 1).append(',').append(s.length).append(',')
                            .append(active[0]).append(',').append(active[1]).append(',').append(Table.Csv.num(zeros[l])).append('\n');
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("mirror", m.label());
                    o.put("seed", seed);
                    o.put("layer", (long) (l + 1));
                    o.put("width", (long) s.length);
                    o.put("active10", (long) active[0]);
                    o.put("active1", (long) active[1]);
                    o.put("zeroActivations", zeros[l]);
                    js.add(o);
                }
            }
        }
        c.md.append('\n');
        if (!counts.isEmpty()) {
            List<Map.Entry<String, double[]>> order = new ArrayList<>(counts.entrySet());
            order.sort((a, b) -> Double.compare(a.getValue()[0] / a.getValue()[1], b.getValue()[0] / b.getValue()[1]));
            StringBuilder v = new StringBuilder("Active neurons (10 %, mean per layer and seed), fewest first: ");
            for (int i = 0; i < order.size(); i++) {
                v.append(i == 0 ? "" : " ≤ ").append(order.get(i).getKey())
                        .append(String.format(Locale.ROOT, " %.1f", order.get(i).getValue()[0] / order.get(i).getValue()[1]));
            }
            c.md.append(c.headline(v.append('.').toString())).append("\n\n");
            List<String> labels = new ArrayList<>(sizes.keySet());
            List<float[]> values = new ArrayList<>();
            for (String l : labels) {
                List<Float> f = sizes.get(l);
                float[] a = new float[f.size()];
                for (int i = 0; i < a.length; i++) a[i] = f.get(i);
                values.add(a);
            }
            c.plot("neurons.png", () -> Plots.histograms("Neuron sizes (" + c.spec.name() + ")", labels, values, "log10(size / largest in its layer)"));
            c.md.append("![neuron sizes per mirror](neurons.png)\n\n");
        }
        c.put("neurons.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        c.tables.put("neurons", js);
    }

    /** The dense layers of an mlp, read from its flat parameters. */
    static final class Network {
        private final List<double[]> weights = new ArrayList<>(), biases = new ArrayList<>();
        private final List<int[]> shapes = new ArrayList<>();
        private final boolean linear;

        Network(float[] p, int inputs, ModelSpec.Mlp mlp, int outputs) {
            this.linear = mlp.linear();
            List<Integer> widths = new ArrayList<>(mlp.hidden());
            widths.add(outputs);
            int at = 0, in = inputs;
            for (int out : widths) {
                double[] w = new double[in * out];
                for (int j = 0; j < w.length; j++) w[j] = p[at + j];
                at += w.length;
                double[] b = new double[out];
                if (mlp.bias()) {
                    for (int j = 0; j < out; j++) b[j] = p[at + j];
                    at += out;
                }
                weights.add(w);
                biases.add(b);
                shapes.add(new int[] {in, out});
                in = out;
            }
            if (at != p.length) throw new IllegalStateException("mlp layout: read " + at + " of " + p.length + " parameters");
        }

        /** ‖incoming_j‖₂ · ‖outgoing_j‖₂ for each neuron j of hidden layer {@code l}. */
        double[] neuronSizes(int l) {
            int in = shapes.get(l)[0], width = shapes.get(l)[1], next = shapes.get(l + 1)[1];
            double[] w = weights.get(l), v = weights.get(l + 1), s = new double[width];
            for (int j = 0; j < width; j++) {
                double a = 0, b = 0;
                for (int i = 0; i < in; i++) a += w[i + j * in] * w[i + j * in];
                for (int k = 0; k < next; k++) b += v[j + k * width] * v[j + k * width];
                s[j] = Math.sqrt(a * b);
            }
            return s;
        }

        /** Per hidden layer, the fraction of (example, neuron) pairs whose activation is 0 (NaN for a linear network: never). */
        double[] zeroActivations(Dataset data) {
            int hidden = shapes.size() - 1;
            double[] zeros = new double[hidden];
            for (int i = 0; i < data.n(); i++) forward(data, i, zeros);
            for (int l = 0; l < hidden; l++) zeros[l] = linear ? Double.NaN : zeros[l] / ((double) data.n() * shapes.get(l)[1]);
            return zeros;
        }

        /** The scores of example {@code i}; counts the zero activations of each hidden layer into {@code zeros}. */
        double[] forward(Dataset data, int i, double[] zeros) {
            double[] h = new double[data.d()];
            for (int j = 0; j < h.length; j++) h[j] = data.x()[i * data.d() + j];
            for (int l = 0; l < shapes.size(); l++) {
                int in = shapes.get(l)[0], out = shapes.get(l)[1];
                boolean hidden = l < shapes.size() - 1;
                double[] next = new double[out];
                for (int j = 0; j < out; j++) {
                    double s = biases.get(l)[j];
                    for (int k = 0; k < in; k++) s += weights.get(l)[k + j * in] * h[k];
                    next[j] = linear || !hidden ? s : Math.max(s, 0);
                    if (hidden && !linear && next[j] == 0) zeros[l]++;
                }
                h = next;
            }
            return h;
        }
    }
}
