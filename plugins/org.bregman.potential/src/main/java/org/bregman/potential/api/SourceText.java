package org.bregman.potential.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bregman.potential.validation.IssueCodes;

/**
 * The text of a {@code .potential} file as the language sees it: read as UTF-8 and with every line ending
 * ({@code \r\n}, a lone {@code \r}) turned into {@code \n} before parsing, so that offsets, lines and columns
 * are all computed on one string. Also the one place that says why a path given as FILE cannot be read.
 */
public final class SourceText {

    /** Larger files are refused: no potential or experiment comes near this. */
    public static final long MAX_BYTES = 4L << 20;

    private SourceText() {
    }

    /** A path that is not a readable .potential file: the message says what it is. */
    public static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    public static String read(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new Unreadable("this is a directory, not a .potential file: " + file);
        if (!Files.exists(file)) throw new Unreadable("file not found: " + file);
        if (!Files.isRegularFile(file)) {
            throw new Unreadable("this is not a regular file (a device, pipe or socket), so it cannot be checked: " + file);
        }
        if (!Files.isReadable(file)) throw new Unreadable("no permission to read " + file);
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new Unreadable("the file has " + size + " bytes; the language reads files of up to " + (MAX_BYTES >> 20) + " MiB");
        }
        byte[] bytes = Files.readAllBytes(file);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** {@code \r\n} and lone {@code \r} become {@code \n}; a leading byte-order mark is dropped. */
    public static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * A lexical check before parsing: an expression with more operators than the language allows
     * ({@code ExpressionLimits.MAX_NODES}) is refused here, because the parser and linker of a very long chain
     * such as {@code w + w + … + w} take time quadratic in its length. Counts {@code + - * / ^} outside comments
     * and strings since the last brace or line-starting keyword; returns the message with {@code line:column} of
     * the first operator too many, or null.
     */
    public static Diagnostic tooManyOperators(Path file, String text, int max) {
        int count = 0, line = 1, col = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            col++;
            if (c == '\n') {
                line++;
                col = 0;
                int j = i + 1;
                while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
                if (text.startsWith("psi", j) || text.startsWith("grad", j) || text.startsWith("inverse", j)
                        || text.startsWith("domain", j)) count = 0;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') i++;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? text.length() - 1 : end + 1;
                for (; i < stop; i++) {
                    if (text.charAt(i + 1) == '\n') {
                        line++;
                        col = 0;
                    } else col++;
                }
            } else if (c == '"') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '"' && text.charAt(i + 1) != '\n') {
                    i += text.charAt(i + 1) == '\\' && i + 2 < text.length() ? 2 : 1;
                }
            } else if (c == '{' || c == '}') {
                count = 0;
            } else if ("+-*/^".indexOf(c) >= 0 && ++count > max) {
                return new Diagnostic(file, line, col, Diagnostic.Severity.ERROR, IssueCodes.TOO_LARGE, "this expression is too large: more than " + max
                        + " operators (the language's limit); split it or simplify it");
            }
        }
        return null;
    }

    /**
     * Text safe to print on a terminal: control characters (escape sequences, a raw newline in a string, bidi
     * marks) are written as {@code \\uXXXX}. Every diagnostic message goes through this.
     */
    public static String printable(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = Character.isISOControl(c) || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
            if (bad && b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            if (b != null) {
                if (bad) b.append(String.format("\\u%04x", (int) c));
                else b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
