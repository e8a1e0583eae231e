package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bregman.potential.api.Until;

/**
 * The implicit-bias claims as the tool itself reports them (summary.md verdicts).
 *
 * <p>MLP on teacher data (n = 8, d = 5; mlp(32) = 225 parameters; squared loss to 1e-5; full batch; init
 * normal(std = 0.5)), three mirrors ℓ1.5, ℓ2, ℓ3. What decides the {@code bregman} verdict is the step size, not the
 * width: with small steps SMD follows the continuous mirror flow and the claim of Azizan et al. holds; with large
 * steps it does not. Measured (‖w − w0‖ / ‖w0‖ per run, seeds 1 and 2):
 * <ul>
 * <li>lr 0.1: ℓ1.5 0.52 / 0.22, ℓ2 0.32 / 0.19, ℓ3 0.96 / 0.64. The ℓ3 runs, whose mirror step moves a weight near 0
 * by about √(lr·|g|) (ψ''(0) = 0), end far from the point the flow reaches; the bregman diagonal is
 * the row minimum in 3 of 6 rows (both ℓ3 rows and seed 1's ℓ1.5 row fail), 8 of 15 over seeds 1..5.</li>
 * <li>lr 0.01 and lr 0.003: ℓ1.5 0.19 / 0.20, ℓ2 0.17 / 0.17, ℓ3 0.21 / 0.19, the same at both rates (the flow
 * limit); the bregman diagonal is the row minimum in 15 of 15 rows over seeds 1..5, the next entry of every row at
 * least 12 % above its diagonal.</li>
 * </ul>
 * The largest lr that still holds shrinks as the width grows (standard parameterisation: the tangent kernel grows
 * with the width): lr 0.03 / 0.05 / 0.1 at width 32 hold in 14 / 11 / 8 of 15 rows, lr 0.01 at width 256 in 6 of 15,
 * lr 0.003 / 0.001 at width 1024 in 5 / 11 of 15, while lr 0.003 and 0.001 at width 256 and lr 0.0003 at width 1024
 * hold in 15 of 15 (there the weights move only 2 to 8 %). Smaller batches (more, noisier steps per epoch) break it at
 * a lower lr (width 32, lr 0.01, batch 1: 13 of 15; width 256, lr 0.003, batch 2: 10 of 15). At width 32, lr 0.01 it
 * also held in 15 of 15 rows with init std 0.25 or 1.0, batch 4, stopping loss 1e-3 or 1e-7, n = 16 (batch 4) and
 * another teacher (seed 7). The {@code closest} tables held in every row of every setting tried.
 */
class MlpImplicitBiasTest {

    @TempDir
    Path out;

    private static int[] verdict(String summary, String table) {
        Matcher m = Pattern.compile("\\*\\*" + table + " tables: diagonal is the row minimum in (\\d+) of (\\d+) rows\\.\\*\\*").matcher(summary);
        assertTrue(m.find(), "verdict for " + table + " in\n" + summary);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The verdicts of one training of the MLP below, and the summary they come from. */
    private record Verdicts(int[] bregman, int[] closest, String summary) {
    }

    /** Teacher n = 8, d = 5; mlp(32); init normal(std = 0.5); full batch; squared loss to 1e-5; every run must reach 100 %. */
    private Verdicts trainMlp(String name, List<Long> seeds, double lr, int maxEpochs) throws Exception {
        DataSpec dataSpec = new DataSpec.Teacher(8, 5, 4, 3);
        Dataset data = dataSpec.load(null);
        ExperimentSpec spec = new ExperimentSpec(name, dataSpec, new ModelSpec.Mlp(List.of(32)), Loss.SQUARED,
                List.of(TestMirrors.q(1.5), TestMirrors.q(2), TestMirrors.q(3)), new InitSpec.Normal(0, 0.5), seeds,
                lr, 8, Until.of("loss", "<", 1e-5).or(Until.of("epochs", ">=", maxEpochs)),
                Set.of("bregman", "closest", "accuracy"));
        ExperimentResult result = new Trainer(spec, data, null, null).run();
        StringBuilder lines = new StringBuilder();
        for (RunResult r : result.runs()) lines.append(r.line()).append('\n');
        for (RunResult r : result.runs()) {
            assertEquals(RunResult.Status.CONVERGED, r.status(), lines::toString);
            assertEquals(1.0, r.trainAccuracy(), 0.0, lines::toString);
        }
        Path dir = out.resolve(name);
        ReportWriter.write(result, dir, false);
        String summary = Files.readString(dir.resolve("summary.md"));
        Verdicts v = new Verdicts(verdict(summary, "Bregman"), verdict(summary, "Closest"), summary);
        System.out.println(lines + "bregman " + v.bregman()[0] + " of " + v.bregman()[1] + ", closest " + v.closest()[0] + " of "
                + v.closest()[1]);
        return v;
    }

    @Test
    void mlpClosestDiagonalIsTheRowMinimumBregmanIsMeasured() throws Exception {
        Verdicts v = trainMlp("MlpBias", List.of(1L, 2L), 0.1, 3000);
        assertEquals(6, v.closest()[1]);
        assertEquals(6, v.closest()[0], "closest tables\n" + v.summary());
        assertEquals(6, v.bregman()[1], "every bregman row is comparable");
        // NOT asserted: bregman[0] == 6 (measured 3 of 6 at lr 0.1: the steps are too large, see the class comment)
    }

    @Test
    void mlpWithSmallStepsBregmanAndClosestDiagonalsAreTheRowMinimumInEveryRow() throws Exception {
        // the same network, data and initialisation as above, with lr 0.01 instead of 0.1 and a third seed
        Verdicts v = trainMlp("MlpBiasSmallSteps", List.of(1L, 2L, 3L), 0.01, 20000);
        assertEquals(9, v.bregman()[1], v.summary());
        assertEquals(9, v.bregman()[0], "bregman tables\n" + v.summary());
        assertEquals(9, v.closest()[1], v.summary());
        assertEquals(9, v.closest()[0], "closest tables\n" + v.summary());
    }

    @Test
    void linearBregmanDiagonalIsTheRowMinimumInEveryRow() throws Exception {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        ExperimentSpec spec = new ExperimentSpec("LinearBias", dataSpec, new ModelSpec.Linear(), Loss.SQUARED,
                List.of(TestMirrors.q(1.5), TestMirrors.q(2), new MirrorSpec("QNorm", Map.of("q", 3.0), TestMirrors.qnorm(3), 0.2),
                        new MirrorSpec("NegEntropy", Map.of(), TestMirrors.negEntropy())),
                new InitSpec.Uniform(0.5, 1.0), List.of(1L, 2L), 0.5, 1,
                Until.of("loss", "<", 1e-13).or(Until.of("epochs", ">=", 5000)), Set.of("bregman", "closest", "exact"));
        ExperimentResult result = new Trainer(spec, data, null, null).run();
        ReportWriter.write(result, out, false);
        String summary = Files.readString(out.resolve("summary.md"));
        int[] bregman = verdict(summary, "Bregman");
        int[] closest = verdict(summary, "Closest");
        assertEquals(8, bregman[1], summary);
        assertEquals(8, bregman[0], summary);
        assertEquals(8, closest[1], summary);
        assertEquals(8, closest[0], summary);
        assertTrue(summary.contains("## Distance to the exact Bregman minimiser"), summary);
    }
}
