package org.bregman.codegen;

import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.bregman.runtime.MirrorMap;

/**
 * Steps large buffers on several threads: the range is split into equal contiguous chunks, the
 * calling thread takes the first, parked daemon workers the others. Nothing is allocated per step
 * (the workers read the call's arguments from fields; hand-over is a volatile generation counter plus
 * {@link LockSupport#unpark}). Calls are serialised; buffers below {@link #MIN_PARALLEL} elements are
 * stepped on the calling thread. Results are those of the wrapped kernel (chunks are independent).
 */
public final class ParallelMirrorMap implements ForwardingMirrorMap {

    /** Below this many coordinates a step stays on the calling thread (hand-over costs microseconds). */
    public static final int MIN_PARALLEL = 1 << 17;

    private final MirrorMap kernel;
    private final int threads;
    private final Thread[] workers;
    private final int[] results;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile Thread caller;

    // the current call (written before the generation bump, read after it)
    private float[] aw;
    private float[] ag;
    private int awOff;
    private int agOff;
    private FloatBuffer bw;
    private FloatBuffer bg;
    private int n;
    private float lr;

    public ParallelMirrorMap(MirrorMap kernel, int threads) {
        if (threads < 2) throw new IllegalArgumentException("threads must be at least 2, not " + threads);
        this.kernel = kernel;
        this.threads = threads;
        this.results = new int[threads];
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            final int id = t;
            Thread th = new Thread(() -> work(id), "bregman-step-" + t);
            th.setDaemon(true);
            workers[t - 1] = th;
            th.start();
        }
    }

    public MirrorMap kernel() {
        return kernel;
    }

    public int threads() {
        return threads;
    }

    private void work(int id) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen) {
                if (++spins < 2000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = generation;
            results[id] = chunk(id);
            if (pending.decrementAndGet() == 0) LockSupport.unpark(caller);
        }
    }

    private int chunk(int id) {
        // chunk borders on multiples of 64, so that a vector kernel splits its lanes exactly as on one thread
        long from = id == 0 ? 0 : ((long) n * id / threads) & ~63L;
        long to = id == threads - 1 ? n : ((long) n * (id + 1) / threads) & ~63L;
        int len = (int) (to - from);
        int r;
        if (aw != null) {
            r = kernel.step(aw, awOff + (int) from, ag, agOff + (int) from, len, lr);
        } else {
            FloatBuffer w = bw.duplicate();
            FloatBuffer g = bg.duplicate();
            w.position(bw.position() + (int) from).limit(bw.position() + (int) to);
            g.position(bg.position() + (int) from);
            r = kernel.step(w, g, lr);
        }
        return r < 0 ? -1 : (int) from + r;
    }

    private int run() {
        caller = Thread.currentThread();
        pending.set(threads - 1);
        generation++;
        for (Thread t : workers) LockSupport.unpark(t);
        results[0] = chunk(0);
        int spins = 0;
        while (pending.get() != 0) {
            if (++spins < 2000) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        int bad = -1;
        for (int r : results) {
            if (r >= 0) {
                bad = r;
                break;
            }
        }
        aw = ag = null;
        bw = bg = null;
        return bad;
    }

    @Override
    public synchronized int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr) {
        if (n < MIN_PARALLEL) return kernel.step(w, wOffset, g, gOffset, n, lr);
        java.util.Objects.checkFromIndexSize(wOffset, n, w.length);
        java.util.Objects.checkFromIndexSize(gOffset, n, g.length);
        this.aw = w;
        this.ag = g;
        this.awOff = wOffset;
        this.agOff = gOffset;
        this.n = n;
        this.lr = lr;
        return run();
    }

    @Override
    public synchronized int step(FloatBuffer w, FloatBuffer g, float lr) {
        int n = w.remaining();
        if (n < MIN_PARALLEL) return kernel.step(w, g, lr);
        if (g.remaining() < n) throw new IllegalArgumentException("g has " + g.remaining() + " elements left, w has " + n);
        this.bw = w;
        this.bg = g;
        this.n = n;
        this.lr = lr;
        return run();
    }

    @Override public MirrorMap delegate() { return kernel; }

    /** The kernel's compensated step on the calling thread (it serves small models: no hand-over). */
    @Override
    public int stepCompensated(float[] w, float[] wLow, int wOffset, float[] g, int gOffset, int n, float lr) {
        return kernel.stepCompensated(w, wLow, wOffset, g, gOffset, n, lr);
    }

    @Override
    public String toString() {
        return kernel + " on " + threads + " threads";
    }
}
