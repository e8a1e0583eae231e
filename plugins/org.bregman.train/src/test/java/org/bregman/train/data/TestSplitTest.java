package org.bregman.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.train.ExperimentResult;
import org.bregman.train.ExperimentRunner;
import org.bregman.train.ExperimentSpec;
import org.bregman.train.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows held out for testing: a partition of the source's rows, the same for every run, reported as test accuracy or test loss. */
class TestSplitTest {

    private static List<String> rows(Dataset d) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.n(); i++) {
            out.add(Arrays.toString(Arrays.copyOfRange(d.x(), i * d.d(), (i + 1) * d.d())) + " -> " + d.y(i));
        }
        return out;
    }

    @Test
    void theTrainingAndTestRowsPartitionTheSourcesRows() {
        Dataset all = SeparableData.generate(40, 5, 0.1, 3);
        Dataset split = new TestSplit(10, 0, null).apply(all);
        assertEquals(30, split.n());
        assertEquals(10, split.test().n());
        assertNull(split.test().test());
        List<String> joined = new ArrayList<>(rows(split));
        joined.addAll(rows(split.test()));
        List<String> expected = rows(all);
        joined.sort(null);
        expected.sort(null);
        assertEquals(expected, joined, "every row once, in train or test");
        // the fraction rounds to the nearest row; the same rows for the same data
        Dataset byFraction = new TestSplit(0, 0.25, null).apply(all);
        assertEquals(rows(split.test()), rows(byFraction.test()));
    }

    @Test
    void aSplitThatLeavesNothingToTrainOnSaysWhere() {
        Dataset all = Datasets.regression(8, 3, 0, 1);
        DataException e = assertThrows(DataException.class, () -> new TestSplit(8, 0, "f.potential:4:7").apply(all));
        assertTrue(e.getMessage().startsWith("f.potential:4:7: test = 8 holds out 8 of the 8 rows"), e.getMessage());
    }

    @Test
    void csvDataGetTestAccuracyAndRegressionATestLoss(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 30; i++) csv.append(i % 2 == 0 ? 1 + i * 0.01 : -1 - i * 0.01).append(',').append(i * 0.1).append(',').append(i % 2).append('\n');
        Files.writeString(dir.resolve("rows.csv"), csv);
        String text = "potential Q(q = 2 where q > 1) {\n    psi(w) = |w|^q / q\n}\n"
                + "experiment C {\n data csv(\"rows.csv\", testFraction = 0.2)\n model linear\n loss logistic\n mirrors Q\n lr 0.5\n until epochs >= 50\n report accuracy\n}\n"
                + "experiment R {\n data regression(n = 30, d = 10, test = 5)\n model linear\n loss squared\n mirrors Q\n lr 0.5\n until epochs >= 50\n}\n"
                + "experiment Big {\n data csv(\"rows.csv\", test = 30)\n model linear\n loss logistic\n mirrors Q\n lr 0.5\n until epochs >= 5\n}\n";
        PotentialWorkspace ws = PotentialWorkspace.fromString(text, dir.resolve("split.potential"));
        assertTrue(!ws.hasErrors(), ws.diagnostics().toString());
        ExperimentResult c = run(ws, "C", dir);
        assertEquals(24, c.data().n());
        RunResult rc = c.runs().get(0);
        assertEquals(1.0, rc.testAccuracy(), 0.0, rc.line());
        assertTrue(Files.readString(dir.resolve("out/C/results.json")).contains("\"accuracy\""));
        RunResult rr = run(ws, "R", dir).runs().get(0);
        assertTrue(rr.testLoss() > 0 && Double.isFinite(rr.testLoss()), rr.line());
        assertTrue(Files.readString(dir.resolve("out/R/summary.md")).contains("| test loss |"));
        ExperimentRunner.ExperimentException big = assertThrows(ExperimentRunner.ExperimentException.class, () -> run(ws, "Big", dir));
        assertTrue(big.getMessage().contains("split.potential:22:7: test = 30 holds out 30 of the 30 rows"), big.getMessage());
    }

    private static ExperimentResult run(PotentialWorkspace ws, String name, Path dir) throws ExperimentRunner.ExperimentException {
        ExperimentSpec spec = ExperimentSpec.of(ws.experiment(name));
        return ExperimentRunner.run(spec, new ExperimentRunner.Options(dir.resolve("out").resolve(name), null, false), null, new ExperimentRunner.Stop())
                .result();
    }
}
