package org.bregman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bregman.cli.CliFixture.Result;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: {@code bregman run --shard i/N} runs a deterministic part of the runs into its own folder, and
 * {@code bregman report DIR…} merges the parts into the report one unsharded run writes (tables, verdicts, numbers);
 * bad shards, missing parts and parts of different experiments are refused before anything is written.
 */
class ShardReportTest extends CliFixture {

    static final String SOURCE = ResumeKillTest.source("Sh", "regression(n = 12, d = 30, seed = 2)", "linear", "0.1")
            .replace("until   epochs >= 6", "until   loss < 1e-9 or epochs >= 400").replace("report  bregman, histogram", "report  bregman, closest, exact, combined");

    @Test
    void mergedShardsGiveTheReportOfOneUnshardedRun() throws Exception {
        Path f = file("sh.potential", SOURCE);
        Path whole = dir.resolve("whole");
        assertEquals(0, run("run", f.toString(), "--out", whole.toString()).status());
        Path shards = dir.resolve("shards");
        for (int i = 1; i <= 3; i++) {
            Result r = run("run", f.toString(), "--out", shards.toString(), "--shard", i + "/3");
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("shard " + i + "/3 of Sh: "), r.out());
        }
        assertFalse(Files.exists(shards.resolve("Sh")), "a shard writes no report");
        assertEquals(java.util.List.of("Sh.shard-1-of-3.runs", "Sh.shard-2-of-3.runs", "Sh.shard-3-of-3.runs"), ResumeKillTest.files(shards));

        Path merged = dir.resolve("merged");
        // two shards are not the whole: the missing runs are named, nothing is written
        Result part = run("report", shards.resolve("Sh.shard-1-of-3.runs").toString(), shards.resolve("Sh.shard-3-of-3.runs").toString(),
                "--out", merged.toString());
        assertEquals(1, part.status(), part.out());
        assertTrue(part.err().contains("the tables need all 4 runs; 1 are in none of the folders given")
                && part.err().contains("QNorm(q = 3), seed 1 (run 2 of 4)"), part.err());
        assertFalse(Files.exists(merged.resolve("Sh")));

        Result r = run("report", shards.toString(), "--out", merged.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Bregman tables: diagonal is the row minimum in"), r.out());
        assertEquals(ResumeKillTest.withoutTimes(Files.readString(whole.resolve("Sh/results.json"))),
                ResumeKillTest.withoutTimes(Files.readString(merged.resolve("Sh/results.json"))));
        assertEquals(withoutTimes(Files.readString(whole.resolve("Sh/summary.md"))), withoutTimes(Files.readString(merged.resolve("Sh/summary.md"))));

        // a part of another version of the experiment: refused, the merged report stays as it was
        String before = Files.readString(merged.resolve("Sh/results.json"));
        Path other = dir.resolve("other");
        Path changed = file("changed.potential", SOURCE.replace("lr      0.1", "lr      0.05"));
        assertEquals(0, run("run", changed.toString(), "--out", other.toString(), "--shard", "2/3").status());
        Result mixed = run("report", shards.resolve("Sh.shard-1-of-3.runs").toString(), other.toString(), "--out", merged.toString());
        assertEquals(1, mixed.status());
        assertTrue(mixed.err().contains("hold runs of different versions of experiment Sh"), mixed.err());
        assertEquals(before, Files.readString(merged.resolve("Sh/results.json")));
    }

    @Test
    void badShardsAndFoldersAreClearErrors() throws Exception {
        Path f = file("sh.potential", SOURCE);
        Path out = dir.resolve("out");
        for (String[] bad : new String[][] {{"0/4", "the shard number must be between 1 and 4"}, {"5/4", "the shard number must be between 1 and 4"},
                {"1/0", "the number of shards must be at least 1"}, {"x", "is not a shard such as 1/4"}}) {
            Result r = run("run", f.toString(), "--out", out.toString(), "--shard", bad[0]);
            assertEquals(1, r.status(), bad[0]);
            assertTrue(r.err().contains("--shard: ") && r.err().contains(bad[1]), r.err());
        }
        assertFalse(Files.exists(out), "nothing written");
        Result none = run("report", dir.toString());
        assertEquals(1, none.status());
        assertTrue(none.err().contains("holds no runs"), none.err());
        Result resume = run("run", f.toString(), "--resume", out.toString());
        assertEquals(1, resume.status());
        assertTrue(resume.err().contains("nothing to resume for experiment Sh"), resume.err());
        Result every = run("run", f.toString(), "--checkpoint-every", "5 fortnights");
        assertEquals(1, every.status());
        assertTrue(every.err().contains("unknown unit 'fortnights'"), every.err());
    }

    /** summary.md without its times (wall time, the runs' times). */
    static String withoutTimes(String md) {
        return md.replaceAll("\\| [0-9.]+ s \\|", "| _ s |");
    }
}
