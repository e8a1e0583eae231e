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

import org.bregman.train.ExperimentSpec.Report;
import org.bregman.train.data.DataSpec;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.train.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The implicit-bias claims as the tool itself reports them (summary.md verdicts).
 *
 * <p>Measured on the MLP below (teacher n = 8, d = 5; mlp(32) = 225 parameters; squared loss to 1e-5; full batch;
 * init normal(std = 0.5); lr 0.1): every run reaches 100 % train accuracy; the {@code closest} tables hold in 6 of 6
 * rows, but the {@code bregman} tables only in 3 of 6 rows. The Bregman claim of Azizan et al. is exact for linear
 * models (asserted below, 8 of 8 rows) and only approximate for networks that move far from their initial point;
 * at this setting it does not hold, and the test says so instead of being tuned until it does.
 */
class MlpImplicitBiasTest {

    @TempDir
    Path out;

    private static int[] verdict(String summary, String table) {
        Matcher m = Pattern.compile("\\*\\*" + table + " tables: diagonal is the row minimum in (\\d+) of (\\d+) rows\\.\\*\\*").matcher(summary);
        assertTrue(m.find(), "verdict for " + table + " in\n" + summary);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @Test
    void mlpClosestDiagonalIsTheRowMinimumBregmanIsMeasured() throws Exception {
        DataSpec dataSpec = new DataSpec.Teacher(8, 5, 4, 3);
        Dataset data = dataSpec.load(null);
        ExperimentSpec spec = new ExperimentSpec("MlpBias", dataSpec, new ModelSpec.Mlp(List.of(32)), Loss.SQUARED,
                List.of(TestMirrors.q(1.5), TestMirrors.q(2), TestMirrors.q(3)), new InitSpec.Normal(0, 0.5), List.of(1L, 2L),
                0.1, 8, Until.of("loss", "<", 1e-5).or(Until.of("epochs", ">=", 3000)),
                Set.of(Report.BREGMAN, Report.CLOSEST, Report.ACCURACY));
        ExperimentResult result = new Trainer(spec, data, null).run();
        StringBuilder lines = new StringBuilder();
        for (RunResult r : result.runs()) lines.append(r.line()).append('\n');
        for (RunResult r : result.runs()) {
            assertEquals(RunResult.Status.CONVERGED, r.status(), lines::toString);
            assertEquals(1.0, r.trainAccuracy(), 0.0, lines::toString);
        }
        ReportWriter.write(result, out, false);
        String summary = Files.readString(out.resolve("summary.md"));
        int[] closest = verdict(summary, "Closest");
        int[] bregman = verdict(summary, "Bregman");
        System.out.println(lines + "bregman " + bregman[0] + " of " + bregman[1] + ", closest " + closest[0] + " of " + closest[1]);
        assertEquals(6, closest[1]);
        assertEquals(6, closest[0], "closest tables\n" + summary);
        assertEquals(6, bregman[1], "every bregman row is comparable");
        // NOT asserted: bregman[0] == 6 (measured 3 of 6 at this setting, see the class comment)
    }

    @Test
    void linearBregmanDiagonalIsTheRowMinimumInEveryRow() throws Exception {
        DataSpec dataSpec = new DataSpec.Regression(6, 30, 0, 7);
        Dataset data = dataSpec.load(null);
        ExperimentSpec spec = new ExperimentSpec("LinearBias", dataSpec, new ModelSpec.Linear(), Loss.SQUARED,
                List.of(TestMirrors.q(1.5), TestMirrors.q(2), new MirrorSpec("QNorm", Map.of("q", 3.0), TestMirrors.qnorm(3), 0.2),
                        new MirrorSpec("NegEntropy", Map.of(), TestMirrors.negEntropy())),
                new InitSpec.Uniform(0.5, 1.0), List.of(1L, 2L), 0.5, 1,
                Until.of("loss", "<", 1e-13).or(Until.of("epochs", ">=", 5000)), Set.of(Report.BREGMAN, Report.CLOSEST, Report.EXACT));
        ExperimentResult result = new Trainer(spec, data, null).run();
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
