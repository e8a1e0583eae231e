package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bregman.potential.api.Until;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's figures as report items — |w| final against initial on a log axis (histogram), test accuracy per mirror over
 * seeds with its ranking (accuracy), D_ψ(w_T, w_0) against the number of parameters (closeness) — recomputed here from the
 * saved {@code .npy} weights and the per-run CSV, independently of the report's code. Every run stops at its budget,
 * which these items include (and count).
 */
class SeedFiguresReportTest {

    @TempDir
    Path dir;

    private static final double[] QS = {1.5, 2, 3};
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    /** A .npy float32 vector (version 1.0, little-endian), read back without the writer's code. */
    private static float[] npy(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        int header = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        ByteBuffer data = ByteBuffer.wrap(b, 10 + header, b.length - 10 - header).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[data.remaining() / 4];
        data.asFloatBuffer().get(out);
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void close(double expected, String written, String what) {
        assertEquals(expected, Double.parseDouble(written), 1e-8 * Math.max(1e-300, Math.abs(expected)), what);
    }

    @Test
    void histogramAccuracyAndClosenessMatchTheSavedWeights() throws Exception {
        Dataset all = new DataSpec.Teacher(90, 6, 5, 4).load(null);
        int n = 60, d = all.d();
        Dataset test = new Dataset("test", 30, d, Arrays.copyOfRange(all.x(), n * d, 90 * d), Arrays.copyOfRange(all.labels(), n, 90), null,
                all.classes(), null, true, null);
        Dataset train = new Dataset("teacher, 60 + 30 test", n, d, Arrays.copyOf(all.x(), n * d), Arrays.copyOf(all.labels(), n), null, all.classes(),
                null, true, test);
        List<MirrorSpec> mirrors = new ArrayList<>();
        for (double q : QS) mirrors.add(TestMirrors.q(q));
        ExperimentSpec spec = new ExperimentSpec("Figures", new DataSpec.Teacher(90, 6, 5, 4), new ModelSpec.Mlp(List.of(8)), Loss.CROSS_ENTROPY,
                mirrors, new InitSpec.Normal(0, 0.4), SEEDS, 0.05, 10, Until.of("loss", "<", 1e-9).or(Until.of("epochs", ">=", 15)),
                Set.of("histogram", "accuracy", "closeness"));
        ExperimentResult result = new Trainer(spec, train, null, null).run();
        Path out = dir.resolve("figures");
        ReportWriter.write(result, out, true);

        List<List<String>> runs = TestCsv.rows(out.resolve("runs.csv"));
        List<List<String>> hist = TestCsv.rows(out.resolve("abs-histogram.csv"));
        List<List<String>> acc = TestCsv.rows(out.resolve("accuracy-per-mirror.csv"));
        List<List<String>> closeness = TestCsv.rows(out.resolve("closeness.csv"));
        assertEquals(QS.length, hist.size());
        assertEquals(QS.length * SEEDS.size(), closeness.size());
        Map<Double, String> ranking = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 0; i < QS.length; i++) {
            String label = mirrors.get(i).label();
            List<Double> fin = new ArrayList<>(), init = new ArrayList<>(), accuracies = new ArrayList<>();
            for (long seed : SEEDS) {
                String key = mirrors.get(i).key() + "_seed" + seed;
                float[] w = npy(out.resolve("weights/" + key + "_final.npy")), w0 = npy(out.resolve("weights/" + key + "_init.npy"));
                double div = 0, change = 0, norm = 0;
                for (int j = 0; j < w.length; j++) {
                    fin.add(Math.abs((double) w[j]));
                    init.add(Math.abs((double) w0[j]));
                    double q = QS[i], a = w[j], b = w0[j];
                    div += Math.pow(Math.abs(a), q) / q - Math.pow(Math.abs(b), q) / q - Math.signum(b) * Math.pow(Math.abs(b), q - 1) * (a - b);
                    change += (a - b) * (a - b);
                    norm += b * b;
                }
                List<String> row = closeness.stream().filter(r -> r.get(0).equals(label) && r.get(1).equals(String.valueOf(seed))).findFirst().orElseThrow();
                assertEquals("stopped", row.get(2));
                assertEquals(String.valueOf(w.length), row.get(3));
                close(div, row.get(4), label + " seed " + seed + ": D");
                close(div / w.length, row.get(5), label + ": D / p");
                close(Math.sqrt(change / norm), row.get(6), label + ": relative change");
                List<String> run = runs.stream().filter(r -> r.get(0).equals(label) && r.get(1).equals(String.valueOf(seed))).findFirst().orElseThrow();
                assertEquals("stopped", run.get(2)); // every run at its budget: all of them count
                accuracies.add(Double.parseDouble(run.get(7)));
            }
            double[] f = fin.stream().mapToDouble(Double::doubleValue).toArray(), f0 = init.stream().mapToDouble(Double::doubleValue).toArray();
            List<String> h = hist.get(i);
            assertEquals(List.of(label, "3", "3"), h.subList(0, 3));
            close(median(f), h.get(3), label + ": median |w|");
            close(median(f0), h.get(4), label + ": median initial |w|");
            close(Arrays.stream(f).filter(v -> v < 0.01).count() / (double) f.length, h.get(5), label + ": final below 0.01");
            close(Arrays.stream(f0).filter(v -> v < 0.01).count() / (double) f0.length, h.get(6), label + ": initial below 0.01");

            double mean = accuracies.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = accuracies.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum();
            List<String> a = acc.get(i);
            assertEquals(List.of(label, "test", "3", "3"), a.subList(0, 4));
            close(mean, a.get(4), label + ": mean test accuracy");
            if (ss > 0) close(Math.sqrt(ss / 2), a.get(5), label + ": std of test accuracy");
            ranking.put(mean - 1e-12 * i, label); // ties keep the mirrors' order, as the report's stable sort does
        }
        String summary = Files.readString(out.resolve("summary.md"));
        List<String> order = new ArrayList<>(ranking.values());
        int at = summary.indexOf("Ranking by mean test accuracy: ");
        assertTrue(at >= 0, summary);
        String verdict = summary.substring(at, summary.indexOf('\n', at));
        assertTrue(verdict.indexOf(order.get(0) + " ") < verdict.indexOf(order.get(1) + " ")
                && verdict.indexOf(order.get(1) + " ") < verdict.indexOf(order.get(2) + " "), verdict + " vs " + order);
        assertTrue(verdict.contains("the ℓq mirrors"), verdict);
        assertTrue(Files.size(out.resolve("abs-histogram.png")) > 0 && Files.size(out.resolve("closeness.png")) > 0);
        assertTrue(summary.contains("Closeness: D_ψ(w_T, w_0) per parameter"), summary);
    }
}
