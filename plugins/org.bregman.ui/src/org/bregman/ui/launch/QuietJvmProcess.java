package org.bregman.ui.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The trainer's process with the JVM's "WARNING: Using incubator modules: jdk.incubator.vector" line
 * left out of its error stream: the module is added on purpose (vectorised kernels) and the JVM has no
 * option to silence the notice, which the Console would show in red on every run. Everything else is the
 * process's own.
 */
public final class QuietJvmProcess extends Process {
	static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

	private final Process p;
	private final InputStream err;

	QuietJvmProcess(Process p) {
		this.p = p;
		this.err = withoutIncubatorNotice(p.getErrorStream());
	}

	/** The stream without the JVM's incubator notice if that is its first line. */
	public static InputStream withoutIncubatorNotice(InputStream in) {
		return withoutFirstLineIf(in, INCUBATOR_NOTICE);
	}

	/** The stream, except its first line when that line is {@code line}. */
	private static InputStream withoutFirstLineIf(InputStream in, String line) {
		return new InputStream() {
			private byte[] head;
			private int at;

			private void readHead() throws IOException {
				if (head != null)
					return;
				ByteArrayOutputStream b = new ByteArrayOutputStream();
				int c;
				while ((c = in.read()) >= 0) {
					b.write(c);
					if (c == '\n')
						break;
				}
				byte[] first = b.toByteArray();
				String s = new String(first, StandardCharsets.UTF_8);
				head = s.strip().equals(line) ? new byte[0] : first;
			}

			@Override
			public int read() throws IOException {
				readHead();
				return at < head.length ? head[at++] & 0xff : in.read();
			}

			@Override
			public int read(byte[] buf, int off, int len) throws IOException {
				readHead();
				if (at < head.length) {
					int n = Math.min(len, head.length - at);
					System.arraycopy(head, at, buf, off, n);
					at += n;
					return n;
				}
				return in.read(buf, off, len);
			}

			@Override
			public int available() throws IOException {
				return head == null ? 0 : head.length - at + in.available();
			}

			@Override
			public void close() throws IOException {
				in.close();
			}
		};
	}

	@Override
	public OutputStream getOutputStream() {
		return p.getOutputStream();
	}

	@Override
	public InputStream getInputStream() {
		return p.getInputStream();
	}

	@Override
	public InputStream getErrorStream() {
		return err;
	}

	@Override
	public int waitFor() throws InterruptedException {
		return p.waitFor();
	}

	@Override
	public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
		return p.waitFor(timeout, unit);
	}

	@Override
	public int exitValue() {
		return p.exitValue();
	}

	@Override
	public void destroy() {
		p.destroy();
	}

	@Override
	public Process destroyForcibly() {
		p.destroyForcibly();
		return this;
	}

	@Override
	public boolean isAlive() {
		return p.isAlive();
	}

	@Override
	public ProcessHandle toHandle() {
		return p.toHandle();
	}

	@Override
	public CompletableFuture<Process> onExit() {
		return p.onExit().thenApply(x -> this);
	}
}
