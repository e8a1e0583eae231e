package org.bregman.cli;

import static org.bregman.cli.CliFixture.run;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bregman.potential.testing.TestJvm;
import org.bregman.train.report.ReportFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: {@code kill -9} during the report write never leaves a folder that mixes two runs. A first run
 * writes the old report (4 runs, with weights); a smaller experiment of the same name (1 run) is then run in
 * a separate JVM that pauses after each step of its report write (a test hook) and is killed with SIGKILL at
 * several of them. Each time the folder must hold the complete old or the complete new report.
 */
class ReportKillTest {

    @TempDir
    Path dir;

    static final String SMALL = CliTest.TINY.replace("mirrors QNorm(q = 2), QNorm(q = 3)", "mirrors QNorm(q = 2)")
            .replace("seeds 1 .. 2", "seeds 1");

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aKilledReportWriteLeavesTheOldReportOrTheNewOneNeverAMix() throws Exception {
        Path out = dir.resolve("results");
        Path folder = out.resolve("Tiny");
        Path big = dir.resolve("tiny.potential");
        Files.writeString(big, CliTest.TINY);
        assertEquals(0, run("run", big.toString(), "--out", out.toString(), "--save-weights").status());
        assertEquals(4, complete(folder), "the old report: 4 runs");
        Path small = dir.resolve("small.potential");
        Files.writeString(small, SMALL);
        // kill points: after the first file of the new report, with every file staged, between the two renames
        for (String step : new String[] {"wrote data/X.npy", "wrote results.json", "old report moved aside"}) {
            killAt(small, out, step);
            if (!Files.exists(folder)) {
                // killed between the renames: the old report waits beside it, whole, and comes back first
                ReportFolder.recover(folder);
            }
            assertEquals(4, complete(folder), "killed at '" + step + "': the complete old report");
        }
        killAt(small, out, "new report in place");
        assertEquals(1, complete(folder), "killed after the switch: the complete new report");
        // a finished smaller run replaces the folder: no weights of runs that no longer exist
        assertEquals(0, run("run", big.toString(), "--out", out.toString(), "--save-weights").status());
        assertEquals(0, run("run", small.toString(), "--out", out.toString(), "--save-weights").status());
        assertEquals(1, complete(folder));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("Tiny"), s.map(p -> p.getFileName().toString()).toList(), "no staging folder left");
        }
    }

    /** Runs {@code bregman run} in its own JVM and kills it (SIGKILL) when the report write reaches {@code step}. */
    void killAt(Path file, Path out, String step) throws Exception {
        Process p = TestJvm.main(List.of("-Xmx1g", "-Dbregman.test.reportPauseMs=150"), Main.class,
                "run", file.toString(), "--out", out.toString(), "--save-weights").start();
        boolean reached = false;
        List<String> seen = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                seen.add(line);
                if (line.equals("bregman-test: report step " + step)) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
                    reached = true;
                    break;
                }
            }
        }
        p.waitFor(30, TimeUnit.SECONDS);
        assertTrue(reached, "the write never reached '" + step + "':\n" + String.join("\n", seen));
    }

    /**
     * Checks that the folder holds one complete report whose files all belong to it (summary.md, results.json,
     * and exactly the weight files results.json names) and returns its number of runs.
     */
    static int complete(Path folder) throws IOException {
        assertTrue(Files.isRegularFile(folder.resolve("summary.md")), "summary.md in " + folder);
        String json = Files.readString(folder.resolve("results.json"));
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("\"(weights/[^\"]+\\.npy)\"").matcher(json);
        while (m.find()) named.add(m.group(1));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> s = Files.list(folder.resolve("weights"))) {
            s.forEach(p -> present.add("weights/" + p.getFileName()));
        }
        assertEquals(named, present, "the weight files are exactly those of this report");
        int runs = (json.split("\"status\":", -1).length - 1);
        String md = Files.readString(folder.resolve("summary.md"));
        assertEquals(runs > 2, md.contains("q = 3"), "summary.md and results.json are of the same run");
        assertFalse(json.isBlank());
        return runs;
    }
}
