package org.bregman.cli;

import static org.bregman.potential.testing.TestSources.QNORM;
import static org.bregman.potential.testing.TestSources.experiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** {@code bregman run}'s progress display. */
class ConsoleProgressTest extends CliFixture {

    @Test
    void anEtaOfAHugeEpochBoundIsNotPrintedInDigits() {
        // until epochs >= 1e300 gave an ETA of 190 digits
        assertEquals("more than 1000 years", ConsoleProgress.duration(1e300));
        assertEquals("more than 1000 years", ConsoleProgress.duration(Double.POSITIVE_INFINITY));
        assertEquals("2.0 h", ConsoleProgress.duration(7200));
    }

    @Test
    void consoleProgressPrintsOneLinePerRun() throws IOException {
        String small = QNORM + experiment("Small").with("data", "regression(n = 5, d = 20, seed = 3)").with("mirrors", "QNorm(q = 2)")
                .with("init", "normal(std = 0.1) seeds 1 .. 2").with("lr", "0.2").with("batch", "1")
                .with("until", "loss < 1e-10 or epochs >= 2000");
        Result r = run("run", file("small.potential", small).toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("experiment Small: regression(n = 5, d = 20, noise = 0, seed = 3), linear, 2 runs"), r.out());
        assertTrue(r.out().contains("[1/2] QNorm(q = 2), seed 1: converged after "), r.out());
        assertTrue(r.out().contains("[2/2] QNorm(q = 2), seed 2: converged after "), r.out());
    }
}
