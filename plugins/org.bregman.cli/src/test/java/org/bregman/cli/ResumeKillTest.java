package org.bregman.cli;

import static org.bregman.cli.CliFixture.run;
import static org.bregman.potential.testing.TestSources.QNORM;
import static org.bregman.potential.testing.TestSources.experiment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bregman.potential.testing.TestJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a run killed with SIGKILL in the middle of an epoch and continued with {@code --resume} ends with the same
 * weights, bit for bit, and the same results as a run that was never interrupted: for the linear model (its
 * compensated iterate's low word is part of the checkpoint), safeguarded, for a network, and for the p-norm potential whose
 * sum S a run carries between steps (not in the checkpoint).
 */
class ResumeKillTest {

    @TempDir
    Path dir;

    /** 10 steps per epoch, checkpoints every 3 steps: most of them fall inside an epoch. */
    static String source(String name, String data, String model, String lr) {
        return source(QNORM, name, data, model, lr);
    }

    static String source(String potential, String name, String data, String model, String lr) {
        return potential + experiment(name).with("data", data).with("model", model).with("mirrors", "QNorm(q = 2), QNorm(q = 3)")
                .with("init", "normal(std = 0.1) seeds 1 .. 2").with("lr", lr).with("batch", "4").with("until", "epochs >= 6")
                .with("report", "bregman, histogram");
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aLinearRunKilledMidEpochResumesBitIdentically() throws Exception {
        killResumeCompare(source("Lin", "regression(n = 40, d = 20, seed = 1)", "linear", "0.05 safeguarded"), "Lin");
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aNetworkRunKilledMidEpochResumesBitIdentically() throws Exception {
        killResumeCompare(source("Net", "teacher(n = 40, d = 6, width = 4, seed = 1)", "mlp(5)", "0.02"), "Net");
    }

    /**
     * The non-separable ½‖w‖_q² under the name QNorm on the factorization model (its parameters are one array): the run's
     * stepper carries S from step to step, the resumed run recomputes it from the checkpoint's weights.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aPNormRunWithItsCarriedSumResumesBitIdentically() throws Exception {
        String pNorm = "potential QNorm(q = 3 where q > 1) {\n    psi(w) = 0.5 * norm(w, q)^2\n}\n";
        killResumeCompare(source(pNorm, "Fac", "matrixSensing(n = 40, d = 6, rank = 2, seed = 1)", "factorization(rank = 6)", "0.02"), "Fac");
    }

    private void killResumeCompare(String source, String name) throws Exception {
        Path file = dir.resolve(name + ".potential");
        Files.writeString(file, source);
        Path whole = dir.resolve("whole");
        assertEquals(0, run("run", file.toString(), "--out", whole.toString(), "--save-weights").status());

        Path killed = dir.resolve("killed");
        // the second run's third checkpoint (step 9 or later: inside epoch 1); the pause puts the kill between steps
        List<String> seen = killAfter(file, killed, "[2/4] QNorm(q = 3), seed 1: checkpoint at epoch", 3);
        assertFalse(Files.exists(killed.resolve(name + "/results.json")), "killed before its report");
        Path store = killed.resolve(name + ".runs");
        assertTrue(Files.exists(store.resolve("QNorm_q2_seed1.run")), "the finished first run is kept: " + seen);
        assertTrue(Files.exists(store.resolve("QNorm_q3_seed1.checkpoint")), "the second run's checkpoint: " + seen);

        CliFixture.Result resumed = run("run", file.toString(), "--resume", killed.toString(), "--save-weights");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("kept from "), "the first run is not trained again:\n" + resumed.out());
        assertTrue(resumed.out().contains("resuming QNorm(q = 3), seed 1 at epoch "), resumed.out());
        assertFalse(resumed.out().contains("resuming QNorm(q = 3), seed 1 at epoch 0, step 0"), resumed.out());

        List<String> weights = files(whole.resolve(name + "/weights"));
        assertEquals(8, weights.size(), "initial and final weights of 4 runs: " + weights);
        assertEquals(weights, files(killed.resolve(name + "/weights")));
        for (String w : weights) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(name + "/weights/" + w)), Files.readAllBytes(killed.resolve(name + "/weights/" + w)),
                    w + " differs after the kill and resume");
        }
        assertEquals(withoutTimes(Files.readString(whole.resolve(name + "/results.json"))),
                withoutTimes(Files.readString(killed.resolve(name + "/results.json"))));

        // done is done: resuming a finished experiment trains nothing and writes the same report
        CliFixture.Result again = run("run", file.toString(), "--resume", killed.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(4, again.out().split("kept from ", -1).length - 1, again.out());
    }

    /** Runs {@code bregman run --checkpoint-every 3steps} in its own JVM and kills it (SIGKILL) at the {@code nth} line starting with {@code prefix}. */
    private List<String> killAfter(Path file, Path out, String prefix, int nth) throws Exception {
        Process p = TestJvm.main(List.of("-Xmx1g", "-Dbregman.test.stepPauseMs=15"), Main.class, "run", file.toString(), "--out",
                out.toString(), "--save-weights", "--checkpoint-every", "3steps").start();
        List<String> seen = new ArrayList<>();
        int count = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                seen.add(line);
                if (line.startsWith(prefix) && ++count == nth) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
                    break;
                }
            }
        }
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(nth, count, "never saw " + nth + " × '" + prefix + "':\n" + String.join("\n", seen));
        return seen;
    }

    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** results.json without the wall times (which differ between any two runs). */
    static String withoutTimes(String json) {
        return json.replaceAll("\"seconds\": [-0-9.eE+]+", "\"seconds\": _");
    }
}
