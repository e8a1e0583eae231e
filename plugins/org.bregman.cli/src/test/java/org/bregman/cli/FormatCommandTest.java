package org.bregman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bregman format}: rewrites in place (atomically, permissions kept), {@code --check} only reports. */
class FormatCommandTest {
    static final String MESSY = "potential   QNorm(q=3 where q>1){\npsi(w)=|w|^q/q // comment\n}\n";
    static final String FORMATTED = "potential QNorm(q = 3 where q > 1) {\n    psi(w) = |w|^q / q // comment\n}\n";

    @TempDir
    Path dir;

    @Test
    void checkListsUnformattedFilesAndChangesNothing() throws IOException {
        Path messy = Files.writeString(dir.resolve("messy.potential"), MESSY);
        Path clean = Files.writeString(dir.resolve("clean.potential"), FORMATTED);
        CliFixture.Result r = CliFixture.run("format", "--check", messy.toString(), clean.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().contains("messy.potential") && !r.out().contains("clean.potential"), r.out());
        assertEquals(MESSY, Files.readString(messy));
        assertEquals(0, CliFixture.run("format", "--check", clean.toString()).status());
    }

    @Test
    void formatRewritesInPlaceKeepingPermissionsAndIsIdempotent() throws IOException {
        Path messy = Files.writeString(dir.resolve("messy.potential"), MESSY);
        Files.setPosixFilePermissions(messy, PosixFilePermissions.fromString("rw-r-----"));
        CliFixture.Result r = CliFixture.run("format", messy.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(FORMATTED, Files.readString(messy));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(messy)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "a temporary file was left behind");
        }
        assertEquals(0, CliFixture.run("format", "--check", messy.toString()).status());
        // the derivation is the same before and after
        Path before = Files.writeString(dir.resolve("before.potential"), MESSY);
        assertEquals(CliFixture.run("derive", before.toString(), "--json").out(),
                CliFixture.run("derive", messy.toString(), "--json").out().replace("messy.potential", "before.potential"));
    }

    @Test
    void aMissingFileIsAnInputError() {
        CliFixture.Result r = CliFixture.run("format", dir.resolve("nope.potential").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("nope.potential: no such file"), r.err());
    }
}
