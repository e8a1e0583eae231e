package org.bregman.codegen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every file Bregman writes (exported jars, report files, CSV, JSON, PNG, .npy) goes through here: the
 * bytes go to a temporary file beside the target, which is then moved over it in one step, so a reader
 * (or a crash) never sees half a file and the old file stays whole until the new one is complete.
 * Temporary files are created like any other file, so they get their permissions from the umask
 * ({@code Files.createTempFile} would make them 0600).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes the content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code target} through a temporary file in the same folder and an atomic move. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /** {@link #write(Path, byte[])} over an existing file, keeping its permissions (e.g. {@code bregman format}). */
    public static void rewrite(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes), true);
    }

    private static void write(Path target, Content content, boolean keepPermissions) throws IOException {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = newSibling(abs, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            PosixFileAttributeView view = keepPermissions ? Files.getFileAttributeView(abs, PosixFileAttributeView.class) : null;
            if (view != null && Files.exists(abs)) Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
            move(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Moves atomically where the file system can (always within one folder on POSIX), replacing the target. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Creates a new empty file {@code .NAME.XXXXXXXX SUFFIX} beside {@code target}, with the permissions any new
     * file gets (the umask applies).
     */
    public static Path newSibling(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath();
        for (int attempt = 0;; attempt++) {
            Path p = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + suffix);
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /**
     * Whether {@code output} is one of {@code inputs} (after resolving symbolic links, or the same file by
     * identity): writing it would destroy the input.
     */
    public static boolean isOneOf(Path output, Collection<Path> inputs) {
        Path out = real(output);
        for (Path in : inputs) {
            Path i = real(in);
            if (i.equals(out)) return true;
            try {
                if (Files.exists(output) && Files.exists(in) && Files.isSameFile(output, in)) return true;
            } catch (IOException e) {
                // unreadable: compared by path above
            }
        }
        return false;
    }

    /** The path with symbolic links resolved as far as it exists. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            return parent == null || abs.getFileName() == null ? abs : real(parent).resolve(abs.getFileName());
        }
    }

    /** An I/O failure in words: Java's own messages are often just a path ("AccessDeniedException: /x"). */
    public static String describe(IOException e) {
        String file = e instanceof java.nio.file.FileSystemException f ? f.getFile() : null;
        String reason = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) reason = "permission denied";
        else if (e instanceof java.nio.file.NoSuchFileException) reason = "no such file or folder";
        else if (e instanceof java.nio.file.FileAlreadyExistsException) reason = "exists and is not a folder";
        else if (reason == null) reason = e.getClass().getSimpleName();
        return file == null ? reason : file + ": " + reason;
    }

    /** Whether a folder exists or can be created, and a file can be created in it (checked by doing so). */
    public static void checkWritableFolder(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs)) {
            throw new IOException(dir + " exists and is not a folder");
        }
        Files.createDirectories(abs);
        Path probe = newSibling(abs.resolve("probe"), ".tmp");
        Files.delete(probe);
    }
}
