package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.potential.api.Until;
import org.bregman.runtime.MirrorMap;
import org.bregman.train.data.DataSpec;
import org.bregman.train.model.Layer;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer-wise mirrors: the step of each layer against a reference loop in double (its own potential, its own rate, running
 * statistics untouched), D_Ψ as the sum of the layers' divergences, and a network trained with one, whose Bregman table
 * entry is recomputed here from the final weights.
 */
class LayerwiseMirrorTest {

    @TempDir
    Path dir;

    // A: 3 weights under q = 3; B: 4 weights under q = 2 at its own rate; S: 2 running statistics (no part, not stepped)
    private static final List<Layer> LAYOUT = List.of(new Layer("A", 0, 3, true), new Layer("B", 3, 4, true), new Layer("S", 7, 2, false));

    private static MirrorMap layerwise(double runLr, Map<String, Double> layerRates) {
        LayerwiseMirrorMap unbound = LayerwiseMirrorMap.of("q3 for A; q2 otherwise", List.of(new LayerwiseMirrorMap.Part(TestMirrors.qnorm(3),
                List.of("A"), runLr), new LayerwiseMirrorMap.Part(TestMirrors.qnorm(2), List.of(), runLr)), layerRates);
        return LayerwiseMirrorMap.bind(unbound, LAYOUT, runLr);
    }

    /** w' = (ψ_q')⁻¹(ψ_q'(w) − lr g) for ψ_q = |w|^q / q, in double. */
    private static double qStep(double q, double w, double g, double lr) {
        double z = Math.signum(w) * Math.pow(Math.abs(w), q - 1) - lr * g;
        return Math.signum(z) * Math.pow(Math.abs(z), 1 / (q - 1));
    }

    private static double dq(double q, double w, double v) {
        return Math.pow(Math.abs(w), q) / q - Math.pow(Math.abs(v), q) / q - Math.signum(v) * Math.pow(Math.abs(v), q - 1) * (w - v);
    }

    @Test
    void eachLayerStepsWithItsOwnPotentialAndRate() {
        float[] w0 = {0.5f, -1.25f, 2f, 0.75f, -0.5f, 1.5f, -2f, 7f, -3f};
        float[] g = {0.3f, -0.2f, 0.1f, 0.4f, -0.6f, 0.2f, 0.05f, 9f, 9f};
        float lr = 0.5f;
        MirrorMap map = layerwise(0.1, Map.of("B", 0.05)); // B at half the run's rate
        float[] expected = w0.clone();
        for (int j = 0; j < 3; j++) expected[j] = (float) qStep(3, w0[j], g[j], lr);
        for (int j = 3; j < 7; j++) expected[j] = (float) qStep(2, w0[j], g[j], lr * 0.5f);

        float[] w = w0.clone();
        assertEquals(-1, map.step(w, g, lr));
        for (int j = 0; j < w.length; j++) assertEquals(expected[j], w[j], 1e-6f * Math.max(1, Math.abs(expected[j])), "array step, " + j);

        FloatBuffer wb = FloatBuffer.allocate(12), gb = FloatBuffer.allocate(12);
        wb.position(3);
        wb.put(w0).position(3);
        gb.position(3);
        gb.put(g).position(3);
        assertEquals(-1, map.step(wb, gb, lr));
        for (int j = 0; j < w0.length; j++) assertEquals(expected[j], wb.get(3 + j), 1e-6f * Math.max(1, Math.abs(expected[j])), "buffer step, " + j);

        float[] wc = w0.clone(), low = new float[w0.length];
        assertEquals(-1, map.stepCompensated(wc, low, 0, g, 0, wc.length, lr));
        for (int j = 0; j < 7; j++) assertEquals(expected[j], wc[j] + low[j], 1e-6 * Math.max(1, Math.abs(expected[j])), "compensated, " + j);
        // the running statistics are no layer of any part: not stepped
        for (float[] out : new float[][] {w, wc}) {
            assertEquals(7f, out[7]);
            assertEquals(-3f, out[8]);
        }
    }

    @Test
    void theDivergenceIsTheSumOfTheLayersDivergences() {
        float[] w = {0.5f, -1.25f, 2f, 0.75f, -0.5f, 1.5f, -2f, 7f, -3f};
        float[] v = {0.25f, 1f, -2f, 0.5f, 0.5f, 1f, 2f, 1f, 1f};
        double expected = 0;
        for (int j = 0; j < 3; j++) expected += dq(3, w[j], v[j]);
        for (int j = 3; j < 7; j++) expected += dq(2, w[j], v[j]);
        assertEquals(expected, layerwise(0.1, Map.of()).bregman(w, v), 1e-12 * expected);
    }

    @Test
    void onePotentialAtTheRunsRateOnEveryLayerIsThePlainMirror() {
        MirrorMap q = TestMirrors.qnorm(2);
        List<Layer> plain = List.of(new Layer("A", 0, 3, true), new Layer("B", 3, 4, true));
        LayerwiseMirrorMap everywhere = LayerwiseMirrorMap.of("q2", List.of(new LayerwiseMirrorMap.Part(q, List.of(), 0.1)), Map.of());
        assertSame(q, LayerwiseMirrorMap.bind(everywhere, plain, 0.1));
    }

    @Test
    void anUnknownLayerNamesTheModelsLayers() {
        LayerwiseMirrorMap bad = LayerwiseMirrorMap.of("q3 for C", List.of(new LayerwiseMirrorMap.Part(TestMirrors.qnorm(3), List.of("C"), 0.1),
                new LayerwiseMirrorMap.Part(TestMirrors.qnorm(2), List.of(), 0.1)), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerwiseMirrorMap.bind(bad, LAYOUT, 0.1));
        assertTrue(e.getMessage().contains("unknown layer C; the layers of this model are A, B"), e.getMessage());
    }

    @Test
    void aNetworkTrainsWithALayerwiseMirrorAndItsTableEntryIsTheSumOverLayers() throws Exception {
        LayerwiseMirrorMap unbound = LayerwiseMirrorMap.of("QNorm(q = 3) for 0_W; QNorm(q = 2) otherwise", List.of(
                new LayerwiseMirrorMap.Part(TestMirrors.qnorm(3), List.of("0_W"), 0.05), new LayerwiseMirrorMap.Part(TestMirrors.qnorm(2), List.of(), 0.05)),
                Map.of());
        MirrorSpec lw = new MirrorSpec(unbound.name(), Map.of(), unbound);
        ExperimentSpec spec = new ExperimentSpec("Layerwise", new DataSpec.Teacher(30, 5, 4, 2), new ModelSpec.Mlp(List.of(6)), Loss.CROSS_ENTROPY,
                List.of(TestMirrors.q(2), lw), new InitSpec.Normal(0, 0.3), List.of(1L), 0.05, 10, Until.of("epochs", ">=", 20), Set.of("bregman"));
        ExperimentResult result = new Trainer(spec, spec.data().load(null), null, null).run();
        assertEquals(List.of("0_W", "0_b", "1_W", "1_b"), result.layers().stream().map(Layer::name).toList());
        MirrorSpec bound = result.spec().mirrors().get(1);
        RunResult run = result.run(bound, 1L);
        assertTrue(run.finished(), run.line());
        float[] v = result.inits().get(1L), w = run.fin();
        double expected = 0;
        for (Layer l : result.layers()) {
            for (int j = l.offset(); j < l.offset() + l.length(); j++) expected += dq(l.name().equals("0_W") ? 3 : 2, w[j], v[j]);
        }
        assertTrue(expected > 0);
        Path out = dir.resolve("out");
        ReportWriter.write(result, out, false);
        List<String> rows = Files.readAllLines(out.resolve("bregman_seed1.csv"));
        String row = rows.stream().filter(r -> r.startsWith("QNorm(q = 3) for 0_W; QNorm(q = 2) otherwise,")).findFirst().orElseThrow(
                () -> new AssertionError(String.join("\n", rows)));
        double written = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
        assertEquals(expected, written, 1e-8 * expected); // the CSV has 10 significant digits
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.contains("\"layers\": [") && json.contains("\"name\": \"1_b\""), json);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| layers | 0_W (30), 0_b (6), 1_W (12), 1_b (2) |"));
    }
}
