package org.bregman.cli;

import static org.bregman.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarFile;

import org.bregman.cli.CliFixture.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: nothing already written is lost, files get the umask's permissions, exported jars run on Java 8. */
class OutputSafetyTest {

    @TempDir
    Path dir;

    @Test
    void exportRefusesToOverwriteItsInputAlsoThroughASymlink() throws IOException {
        Path victim = dir.resolve("victim.potential");
        Files.writeString(victim, CliTest.QNORM);
        byte[] before = Files.readAllBytes(victim);
        Path link = Files.createSymbolicLink(dir.resolve("link.potential"), victim);
        for (String[] io : new String[][] {{victim.toString(), victim.toString()}, {victim.toString(), link.toString()},
                {link.toString(), dir.resolve("sub/../victim.potential").toString()}}) {
            Result r = run("export", io[0], "-o", io[1]);
            assertEquals(Main.USAGE_ERROR, r.status(), r.err());
            assertTrue(r.err().contains("is the input file"), r.err());
            assertArrayEquals(before, Files.readAllBytes(victim), "the input is unchanged");
        }
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void exportedJarHasJava8RuntimeClassesUmaskPermissionsAndReportsAnInfiniteDualValue() throws Exception {
        Path src = dir.resolve("huge.potential");
        Files.writeString(src, "potential Tanh {\n    domain -1 < w < 1\n    psi(w) = w * atanh(w) + log(1 - w^2) / 2\n}\n");
        Path jar = dir.resolve("huge.jar");
        Files.writeString(jar, "an old jar that is replaced as a whole");
        Result r = run("export", src.toString(), "-o", jar.toString());
        assertEquals(0, r.status(), r.err());
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (String cls : new String[] {"org/bregman/runtime/MirrorMap.class", "org/bregman/runtime/Interval.class",
                    "org/bregman/runtime/MirrorMaps.class"}) {
                try (InputStream in = jf.getInputStream(jf.getEntry(cls))) {
                    byte[] head = in.readNBytes(8);
                    assertEquals(52, ((head[6] & 0xff) << 8) | (head[7] & 0xff), cls + " must load on Java 8 (class file 52)");
                }
            }
        }
        // permissions as any new file here gets them (umask), not 0600 of a temporary file
        Path plain = Files.createFile(dir.resolve("plain-file"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(jar)));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        // a step whose dual value overflows to infinity is reported (not -1, "all finite")
        Path use = dir.resolve("Use.java");
        Files.writeString(use, """
                import java.util.Map;
                import org.bregman.runtime.*;
                public class Use {
                    public static void main(String[] a) {
                        MirrorMap m = MirrorMaps.create("Tanh", Map.of());
                        float[] w = {0.5f};
                        float[] g = {-3.4e38f};
                        System.out.println(m.step(w, g, 10f) + " " + w[0]);
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", jar.toString(), use.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), out);
        // lr·g overflows float: z = +Infinity, whose inverse tanh(z) = 1 is finite; the step must still report it
        assertEquals("0 1.0", out, "an infinite dual value is not 'all finite' (-1)");
    }

    @Test
    void anUnwritableOutIsReportedBeforeAnyTraining() throws IOException {
        Path f = dir.resolve("tiny.potential");
        Files.writeString(f, CliTest.TINY);
        Result r = run("run", f.toString(), "--out", "/proc/bregman-cannot-write-here");
        assertEquals(Main.USAGE_ERROR, r.status(), r.err());
        assertTrue(r.err().contains("cannot write the report under /proc/bregman-cannot-write-here"), r.err());
        assertFalse(r.out().contains("experiment Tiny"), "no training started:\n" + r.out());
    }
}
