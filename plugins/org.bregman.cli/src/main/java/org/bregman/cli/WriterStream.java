package org.bregman.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A PrintStream over the command's PrintWriter, for library code that reports to streams. */
final class WriterStream extends OutputStream {

    private final PrintWriter writer;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    static PrintStream of(PrintWriter writer) {
        return new PrintStream(new WriterStream(writer), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') flush();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        line.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                flush();
                break;
            }
        }
    }

    @Override
    public synchronized void flush() {
        // whole UTF-8 sequences only: bytes are decoded per line or on explicit flush
        writer.write(line.toString(StandardCharsets.UTF_8));
        writer.flush();
        line.reset();
    }
}
