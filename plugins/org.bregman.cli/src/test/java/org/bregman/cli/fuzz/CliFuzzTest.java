package org.bregman.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bregman.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzer of issue 15 in the normal test suite: a fixed seed, 300 inputs checked in batches of 50 files
 * per call, derive and eval on the first inputs without errors. The long run is {@code benchmarks/fuzz/run-fuzz.sh}.
 */
class CliFuzzTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void threeHundredInputsGiveLocatedDiagnosticsAndStatus0Or1() throws Exception {
        Path repo = Path.of("../..").toAbsolutePath().normalize();
        PotentialFuzzer fuzz = new PotentialFuzzer(20261126L, repo);
        List<String> failures = new ArrayList<>();
        List<Path> clean = new ArrayList<>();
        int inputs = 0;
        for (int b = 0; b < 6; b++) {
            List<String> args = new ArrayList<>(List.of("check"));
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < 50; i++, inputs++) {
                Path f = dir.resolve("in" + inputs + ".potential");
                Files.writeString(f, fuzz.next());
                files.add(f);
                args.add(f.toString());
            }
            StringWriter out = new StringWriter(), err = new StringWriter();
            int status = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            for (String p : PotentialFuzzer.problems(status, out.toString(), err.toString())) failures.add("batch " + b + ": " + p);
            for (Path f : files) if (!out.toString().contains(f.getFileName() + ":") && clean.size() < 15) clean.add(f);
        }
        assertEquals(300, inputs);
        assertTrue(clean.size() >= 5, "too few inputs without errors: " + clean.size());
        for (Path f : clean) {
            for (String[] args : new String[][] {{"derive", f.toString()},
                    {"eval", f.toString(), "--potential", "P0", "--w", "0.5,2", "--z", "0.3", "--bregman", "0.5:1.5"}}) {
                StringWriter out = new StringWriter(), err = new StringWriter();
                int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
                for (String p : PotentialFuzzer.problems(status == 2 ? 1 : status, "", out + "\n" + err)) {
                    failures.add(String.join(" ", args) + ": " + p + "\n" + Files.readString(f));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
