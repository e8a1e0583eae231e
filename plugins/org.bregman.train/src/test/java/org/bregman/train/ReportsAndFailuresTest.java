package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.bregman.train.RunResult.Status;
import org.bregman.train.data.DataException;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.data.Datasets;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.Npy;
import org.bregman.train.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bregman.potential.api.Until;

class ReportsAndFailuresTest {

    @TempDir
    Path dir;

    private static ExperimentSpec linear(List<MirrorSpec> mirrors, InitSpec init, double lr, Set<String> reports) {
        return new ExperimentSpec("Small", new DataSpec.Regression(5, 20, 0, 3), new ModelSpec.Linear(), Loss.SQUARED, mirrors, init,
                List.of(1L, 2L), lr, 1, Until.of("loss", "<", 1e-10).or(Until.of("epochs", ">=", 2000)), reports);
    }

    @Test
    void sparsityOrderShowsTiesAsTies() throws Exception {
        // from weights in [0.5, 1) no final weight comes near 0 with either mirror: 0.0 % each, a tie, not a ranking
        ExperimentSpec spec = linear(List.of(TestMirrors.q(2), TestMirrors.q(3)), new InitSpec.Uniform(0.5, 1.0), 0.2,
                Set.of("histogram"));
        ExperimentResult result = new Trainer(spec, spec.data().load(null), null, null).run();
        Path out = dir.resolve("ties");
        ReportWriter.write(result, out, false);
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("Sparsest to densest (fraction of |w| < 0.01): QNorm(q = 2) 0.0 % = QNorm(q = 3) 0.0 %."), summary);
    }

    @Test
    void divergenceEndsOnlyThatRunNamingMirrorSeedStepAndCoordinate() throws Exception {
        // ψ = sqrt(1 + w²) has dual domain (−1, 1): a large step leaves it
        MirrorSpec bad = new MirrorSpec("Hyperbola", Map.of(), TestMirrors.hyperbola(), 50.0);
        ExperimentSpec spec = linear(List.of(TestMirrors.q(2), bad), new InitSpec.Normal(0, 0.1), 0.5,
                Set.of("bregman", "closest", "histogram", "curves"));
        ExperimentResult result = new Trainer(spec, spec.data().load(null), null, null).run();
        assertEquals(4, result.runs().size());
        for (RunResult r : result.runs()) {
            if (r.mirror() == bad) {
                assertEquals(Status.DIVERGED, r.status(), r.line());
                assertTrue(r.message().matches("Hyperbola, seed " + r.seed() + ": diverged at step \\d+ \\(epoch \\d+\\): w\\[\\d+\\] .*dual domain \\(-1, 1\\) of Hyperbola.*"),
                        r.message());
            } else {
                assertEquals(Status.CONVERGED, r.status(), r.line());
            }
        }
        Path out = dir.resolve("div");
        ReportWriter.write(result, out, true);
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| Hyperbola | 1 | diverged |"), summary);
        assertTrue(summary.contains("dual domain (-1, 1) of Hyperbola"), summary);
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.contains("\"status\": \"diverged\""), json);
        assertTrue(json.contains("\"status\": \"converged\""), json);
        // the converged runs' weights are kept, and the diverged run's partial state too
        assertTrue(Files.exists(out.resolve("weights/QNorm_q2_seed1_final.npy")));
        assertTrue(Files.exists(out.resolve("weights/Hyperbola_seed2_final.npy")));
    }

    @Test
    void anInitialPointOutsideTheDomainFailsThatRunClearly() {
        MirrorSpec ne = new MirrorSpec("NegEntropy", Map.of(), TestMirrors.negEntropy());
        ExperimentSpec spec = linear(List.of(ne, TestMirrors.q(2)), new InitSpec.Normal(0, 0.1), 0.5, Set.of());
        ExperimentResult result = new Trainer(spec, spec.data().load(null), null, null).run();
        RunResult r = result.runs().get(0);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.message().contains("lies outside the domain (0, ∞) of NegEntropy"), r.message());
        assertEquals(Status.CONVERGED, result.runs().get(1).status());
    }

    @Test
    void stopRequestEndsTheCurrentRunAndSkipsTheRestButKeepsWhatFinished() throws Exception {
        ExperimentSpec spec = linear(List.of(TestMirrors.q(2), TestMirrors.q(3)), new InitSpec.Normal(0, 0.1), 0.05, Set.of("bregman"));
        Dataset data = spec.data().load(null);
        Trainer[] trainer = new Trainer[1];
        List<Integer> numbers = new java.util.ArrayList<>();
        trainer[0] = new Trainer(spec, data, new ProgressListener() {
            @Override
            public void runStarted(MirrorSpec m, long seed, int index, int total) {
                numbers.add(index);
            }

            @Override
            public void epoch(MirrorSpec m, long seed, long epoch, double loss, double acc, double eta) {
                // what the Ctrl-C hook does, in the middle of the second run
                if (m.map().parameters().get("q") == 3.0 && epoch == 3) trainer[0].requestStop();
            }
        }, null);
        ExperimentResult result = trainer[0].run();
        assertTrue(result.interrupted());
        assertEquals(List.of(Status.CONVERGED, Status.INTERRUPTED, Status.SKIPPED, Status.SKIPPED),
                result.runs().stream().map(RunResult::status).toList());
        assertEquals(List.of(1, 2, 3, 4), numbers, "every run, skipped ones too, has its own number ([3/4], [4/4])");
        Path out = dir.resolve("int");
        ReportWriter.write(result, out, false);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("Interrupted (Ctrl-C)"));
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"interrupted\": true"));
    }

    @Test
    void sameSeedGivesTheSameInitialPointForEveryMirror() {
        ExperimentSpec spec = linear(List.of(TestMirrors.q(2), TestMirrors.q(3)), new InitSpec.Normal(0, 0.1), 0.05, Set.of());
        ExperimentResult result = new Trainer(spec, spec.data().load(null), null, null).run();
        assertArrayEquals(result.runs().get(0).init(), result.runs().get(1).init(), 0f);
        assertTrue(!Arrays.equals(result.runs().get(0).init(), result.runs().get(2).init()), "seeds 1 and 2 differ");
    }

    @Test
    void missingFashionMnistSaysHowToGetIt() {
        DataException e = assertThrows(DataException.class, () -> Datasets.fashionMnist(dir.resolve("nowhere"), 10, 0));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
    }

    @Test
    void idxFilesAreReadGzippedOrNot() throws Exception {
        int n = 3, h = 2, w = 2;
        ByteBuffer img = ByteBuffer.allocate(16 + n * h * w);
        img.putInt(0x803).putInt(n).putInt(h).putInt(w);
        for (int i = 0; i < n * h * w; i++) img.put((byte) (i * 20));
        ByteBuffer lab = ByteBuffer.allocate(8 + n);
        lab.putInt(0x801).putInt(n).put((byte) 0).put((byte) 1).put((byte) 1);
        Path images = dir.resolve("imgs.gz");
        try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(images))) {
            z.write(img.array());
        }
        Path labels = dir.resolve("labels");
        Files.write(labels, lab.array());
        Dataset d = Datasets.idx(images, labels, 2);
        assertEquals(2, d.n());
        assertEquals(4, d.d());
        assertEquals(20 / 255f, d.x()[1], 1e-7f);
        assertArrayEquals(new int[] {0, 1}, d.labels());
        assertArrayEquals(new int[] {2, 2, 1}, d.imageShape());
        DataException e = assertThrows(DataException.class, () -> Datasets.idx(dir.resolve("missing.gz"), labels, 0));
        assertTrue(e.getMessage().contains("missing.gz not found"), e.getMessage());
    }

    @Test
    void csvReadsHeaderAndLabelAndLocatesBadCells() throws Exception {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "a,label,b\n1,0,2\n3,1,4\n5,1,6\n");
        Dataset d = Datasets.csv(f, "label", true, 0);
        assertEquals(3, d.n());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.x(), 0f);
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
        Files.writeString(f, "a,label\n1,0\nx,1\n");
        DataException e = assertThrows(DataException.class, () -> Datasets.csv(f, "label", false, 0));
        assertEquals(f + ":3:1: not a number: 'x'", e.getMessage());
        e = assertThrows(DataException.class, () -> Datasets.csv(f, "y", false, 0));
        assertTrue(e.getMessage().contains("no column named 'y'; columns: a, label"), e.getMessage());
    }

    @Test
    void npyHeaderIsNumPyVersion1LittleEndianFloat32() {
        float[] v = {1.5f, -2f, 0.25f};
        byte[] b = Npy.float32(v);
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, b[6]);
        assertEquals(0, b[7]);
        int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64, "data starts on a 64-byte boundary");
        String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }"), header);
        assertTrue(header.endsWith("\n"));
        ByteBuffer data = ByteBuffer.wrap(b, 10 + headerLen, 12).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1.5f, data.getFloat());
        assertEquals(-2f, data.getFloat());
        assertEquals(0.25f, data.getFloat());
        String h2 = new String(Npy.float32(new float[6], 2, 3), 10, 118, StandardCharsets.US_ASCII);
        assertTrue(h2.contains("'shape': (2, 3), }"), h2);
    }

    @Test
    void resultsJsonHasTheSpecShapeWithSaveWeights() throws Exception {
        ExperimentSpec spec = linear(List.of(TestMirrors.q(2), TestMirrors.q(3)), new InitSpec.Normal(0, 0.1), 0.2,
                Set.of("bregman", "closest", "exact", "histogram", "curves"));
        ExperimentResult result = new Trainer(spec, spec.data().load(null), null, null).run();
        Path out = dir.resolve("json");
        List<String> files = ReportWriter.write(result, out, true);
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.startsWith("{\n  \"experiment\": \"Small\",\n  \"data\": {\n    \"X\": \"data/X.npy\",\n    \"y\": \"data/y.npy\"\n  },"), json);
        assertTrue(json.contains("\"mirror\": \"QNorm\",\n      \"args\": {\n        \"q\": 3.0\n      },"), json);
        assertTrue(json.contains("\"seed\": 1,\n      \"status\": \"converged\",\n      \"epochs\": "), json);
        assertTrue(json.contains("\"trainAccuracy\": null"), json);
        assertTrue(json.contains("\"init\": \"weights/QNorm_q3_seed1_init.npy\",\n      \"final\": \"weights/QNorm_q3_seed1_final.npy\""), json);
        assertTrue(json.contains("\"tables\": {\n    \"bregman\": ["), json);
        assertTrue(json.contains("\"exact\": ["), json);
        assertTrue(json.contains("\"relativeDistance\": "), json);
        for (String f : List.of("data/X.npy", "data/y.npy", "weights/QNorm_q2_seed2_final.npy", "summary.md", "runs.csv", "curves.csv",
                "curves.png", "bregman_seed1.png", "bregman_seed1.csv", "closest_QNorm_q3.csv", "exact.csv", "histogram.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " in " + files);
        }
        byte[] x = Files.readAllBytes(out.resolve("data/X.npy"));
        assertTrue(new String(x, 10, 80, StandardCharsets.US_ASCII).contains("'shape': (5, 20)"));
        assertEquals(128 + 4 * 100, x.length);
        byte[] png = Files.readAllBytes(out.resolve("curves.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        // no temporary files left behind by the atomic writes
        try (var s = Files.walk(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void badSettingsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExperimentSpec("X", new DataSpec.Regression(5, 20, 0, 3), new ModelSpec.Linear(), Loss.SQUARED,
                        List.of(TestMirrors.q(2)), new InitSpec.Normal(0, 0.1), List.of(1L), 0.1, 1, Until.of("loss", "<", 1e-3), Set.of()));
        assertTrue(e.getMessage().contains("can run forever"), e.getMessage());
        Dataset reg = new DataSpec.Regression(5, 20, 0, 3).load(null);
        e = assertThrows(IllegalArgumentException.class, () -> org.bregman.train.model.Model.create(new ModelSpec.Linear(), Loss.LOGISTIC, reg));
        assertTrue(e.getMessage().contains("loss logistic needs class labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> org.bregman.train.model.Model.create(ModelSpec.Cnn.of(List.of(), 2048, 5), Loss.SQUARED, reg));
        assertTrue(e.getMessage().contains("model cnn needs image data"), e.getMessage());
    }
}
