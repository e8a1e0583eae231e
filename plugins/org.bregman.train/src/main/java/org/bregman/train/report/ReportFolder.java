package org.bregman.train.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.bregman.codegen.AtomicFiles;

/**
 * A report folder is replaced as a whole, never file by file: the new report is written into a staging folder
 * beside it ({@code .NAME.tmp-XXXX}); when it is complete the old folder is renamed aside
 * ({@code .NAME.old-XXXX}), the staging folder renamed in, and the old one deleted. A reader (or a
 * {@code kill -9}) therefore finds the complete old report or the complete new one, never a mix, and files of
 * runs that no longer exist do not survive. If the process dies between the two renames, the next write (or
 * {@link #recover}) puts the old folder back first.
 */
public final class ReportFolder {

    /**
     * Test hook: milliseconds to pause after each step of a report write (each file, each rename), announced on
     * stderr as {@code bregman-test: report step …}, so that a test can kill the process at a known point.
     */
    static final String PAUSE_PROPERTY = "bregman.test.reportPauseMs";

    private ReportFolder() {
    }

    /** Restores an interrupted switch and removes staging folders a killed write left behind. */
    public static void recover(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        String name = abs.getFileName().toString();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, "." + name + ".{tmp,old}-*")) {
            for (Path p : ds) {
                boolean old = p.getFileName().toString().startsWith("." + name + ".old-");
                if (old && !Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(p, abs); // killed between the two renames: the old report comes back
                } else {
                    deleteTree(p);
                }
            }
        }
    }

    /** A new, empty staging folder beside {@code out} (its parent created if needed). */
    public static Path stage(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        return Files.createDirectory(sibling(abs, "tmp"));
    }

    /** Replaces {@code out} by the complete {@code staged} folder. */
    public static void publish(Path staged, Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path old = null;
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) throw new IOException(out + " exists and is not a folder");
            old = sibling(abs, "old");
            Files.move(abs, old);
            pause("old report moved aside");
        }
        Files.move(staged, abs);
        pause("new report in place");
        if (old != null) deleteTree(old);
    }

    /** Checks before any training that the report can be written there (creating and removing a probe). */
    public static void checkWritable(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs)) {
            throw new IOException(out + " exists and is not a folder");
        }
        AtomicFiles.checkWritableFolder(abs.getParent() == null ? abs : abs.getParent());
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(q);
        }
    }

    private static Path sibling(Path abs, String kind) {
        return abs.resolveSibling("." + abs.getFileName() + "." + kind + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 24));
    }

    /** The test hook (see {@link #PAUSE_PROPERTY}); nothing happens unless the property is set. */
    static void pause(String step) {
        long ms = Long.getLong(PAUSE_PROPERTY, 0);
        if (ms <= 0) return;
        PrintStream err = System.err;
        err.println("bregman-test: report step " + step);
        err.flush();
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
