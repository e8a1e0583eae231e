package org.bregman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What {@link StartUp} begins beside picocli (the injector, the symbolic warm-up) changes nothing a verb finds. */
class StartUpTest extends CliFixture {

    @Test
    void checkWhileTheStartUpThreadsRunFindsEveryProblem() throws IOException {
        Path f = file("mixed.potential", CliTest.QNORM + """
                potential Log {
                    psi(w) = w * log(w)
                }
                potential Flat(q = 1 where q >= 1) {
                    psi(w) = |w|^q / q
                }
                """);
        StartUp.begin();
        Result r = run("check", f.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("mixed.potential:9:") && r.out().contains("domain w > 0"), r.out());
        assertTrue(r.out().contains("mixed.potential:12:") && r.out().contains("strictly convex"), r.out());
        assertTrue(r.err().contains("checked 1 file: 2 errors, 0 warnings"), r.err());
    }
}
