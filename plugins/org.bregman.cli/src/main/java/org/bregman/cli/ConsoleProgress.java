package org.bregman.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.bregman.train.ExperimentSpec;
import org.bregman.train.MirrorSpec;
import org.bregman.train.Num;
import org.bregman.train.ProgressListener;
import org.bregman.train.RunResult;
import org.bregman.train.data.Dataset;

/**
 * The command line's progress display: a status line per run (mirror, seed, epoch, loss, accuracy, ETA)
 * rewritten in place on a terminal, and one line per finished run.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private final boolean terminal;
    private long lastPrint;
    private long lastEpoch;
    private int lastWidth;
    private int index;
    private int total;

    /** @param terminal whether {@code out} is a terminal (status lines are rewritten with \r) */
    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    ConsoleProgress(PrintStream out) {
        this(out, System.console() != null);
    }

    @Override
    public void experimentStarted(ExperimentSpec spec, Dataset data, int runs) {
        out.println("experiment " + spec.name() + ": " + data.description() + ", " + spec.model().describe() + ", " + runs + " runs");
        total = runs;
    }

    @Override
    public void runStarted(MirrorSpec mirror, long seed, int index, int total) {
        this.index = index;
        this.total = total;
        lastPrint = System.nanoTime();
        lastEpoch = lastPrint;
    }

    @Override
    public void epoch(MirrorSpec mirror, long seed, long epoch, double loss, double acc, double eta) {
        lastEpoch = System.nanoTime();
        if (!due()) return;
        status(String.format(Locale.ROOT, "[%d/%d] %s, seed %d: epoch %d, loss %s%s%s", index, total, mirror.label(), seed, epoch,
                Num.short4(loss), Double.isNaN(acc) ? "" : String.format(Locale.ROOT, ", train accuracy %.1f %%", 100 * acc),
                Double.isNaN(eta) ? "" : ", ETA " + duration(eta)));
    }

    /** Inside an epoch longer than the print interval (large networks): the step count and the run's ETA. */
    @Override
    public void step(MirrorSpec mirror, long seed, long steps, double eta) {
        if (System.nanoTime() - lastEpoch < interval() || !due()) return;
        status(String.format(Locale.ROOT, "[%d/%d] %s, seed %d: step %d%s", index, total, mirror.label(), seed, steps,
                Double.isNaN(eta) ? "" : ", ETA " + duration(eta)));
    }

    @Override
    public void checkpointed(MirrorSpec mirror, long seed, long epochs, long steps) {
        message(String.format(Locale.ROOT, "[%d/%d] %s, seed %d: checkpoint at epoch %d, step %d", index, total, mirror.label(), seed, epochs, steps));
    }

    /** A terminal line twice a second; a log line every 10 s. */
    private boolean due() {
        long now = System.nanoTime();
        if (now - lastPrint < interval()) return false;
        lastPrint = now;
        return true;
    }

    private long interval() {
        return terminal ? 500_000_000L : 10_000_000_000L;
    }

    private void status(String s) {
        if (terminal) {
            out.print("\r" + s + " ".repeat(Math.max(0, lastWidth - s.length())));
            lastWidth = s.length();
        } else {
            out.println(s);
        }
        out.flush();
    }

    @Override
    public void runFinished(RunResult result) {
        if (terminal && lastWidth > 0) out.print("\r" + " ".repeat(lastWidth) + "\r");
        lastWidth = 0;
        out.println("[" + index + "/" + total + "] " + result.line());
        out.flush();
    }

    @Override
    public void message(String line) {
        if (terminal && lastWidth > 0) out.print("\r" + " ".repeat(lastWidth) + "\r");
        lastWidth = 0;
        out.println(line);
        out.flush();
    }

    static String duration(double s) {
        if (!(s < 1000 * 365.25 * 86400)) return "more than 1000 years"; // a bound such as epochs >= 1e300
        if (s < 90) return String.format(Locale.ROOT, "%.0f s", s);
        if (s < 5400) return String.format(Locale.ROOT, "%.0f min", s / 60);
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
}
