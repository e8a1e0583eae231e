package org.bregman.train.model;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

import org.bregman.runtime.MirrorMap;
import org.bregman.train.data.Dataset;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * {@code mlp(h1, h2, …)} trained without DL4J's layer machinery: the forward and backward passes are OpenBLAS
 * {@code sgemm} calls on buffers allocated once, so a mini-batch allocates nothing. Profiling the DL4J network on
 * issue 14's MLP showed its per-layer bookkeeping (workspaces, INDArray views, activation objects, the loss's
 * copies), not the matrix products, deciding the epoch; DL4J stays for the convolutional and residual networks.
 *
 * <p>The parameter layout is DL4J's {@code DenseLayer}/{@code OutputLayer} layout: per layer {@code l_W}
 * (nIn × nOut, column-major) then {@code l_b}, so initial draws, coordinate names and saved weights are the same
 * as with the DL4J network. Row-major activations (B × n) are column-major n × B matrices, which is how the
 * products below are written. The gradient is the SUM over the batch, as {@link Model#gradient} asks.
 */
final class DenseNetwork extends DirectBufferModel {

    static {
        Loader.load(openblas_nolapack.class);
    }

    private final Dataset data;
    private final Loss loss;
    private final ConvLayers convs; // the convolutional front of cnn, or null
    private final String[] names; // DL4J's layer names: 0, 1, … for mlp; dense0, …, output for cnn
    private final int[] width; // d (or the convolutions' features), h1, …, k
    private final boolean relu;
    private final boolean bias;
    private final int size;
    private final FloatBuffer params;
    private final FloatBuffer grads;
    private final FloatBuffer[] w, b, gw, gb; // per layer views of params / grads
    private final int[] wAt;
    private FloatBuffer[] act; // act[0] = input rows, act[l] = layer l's output (B × width[l])
    private FloatBuffer[] delta; // dLoss/d(pre-activation) of layer l (B × width[l]); delta[0]: of the features (cnn)
    private FloatBuffer images; // cnn: the batch's input images
    private float[] scratch, scratch2, column; // heap copies for the element-wise loops (see relu)
    private int capacity;
    private final AugmentedExamples augmentation;
    private float[] augmented; // one augmented image
    private double lastLoss = Double.NaN;

    /** {@code mlp(hidden…)}, with or without biases, ReLU or identity (a deep linear network) between the layers. */
    DenseNetwork(List<Integer> hidden, boolean bias, boolean relu, Loss loss, Dataset data) {
        this(null, hidden, bias, relu, loss, data);
    }

    /** {@code cnn(channels…, dense, kernel)} on image data (the checks of {@link Architectures#checkCnn} passed). */
    static DenseNetwork cnn(List<Integer> channels, List<Integer> dense, int kernel, Loss loss, Dataset data) {
        int[] s = data.imageShape();
        return new DenseNetwork(new ConvLayers(s[2], s[0], s[1], channels, kernel, 0), dense, true, true, loss, data);
    }

    private DenseNetwork(ConvLayers convs, List<Integer> hidden, boolean bias, boolean relu, Loss loss, Dataset data) {
        this.data = data;
        this.augmentation = new AugmentedExamples(data);
        this.loss = loss;
        this.relu = relu;
        this.bias = bias;
        this.convs = convs;
        int layers = hidden.size() + 1;
        names = new String[layers];
        for (int l = 0; l < layers; l++) names[l] = convs == null ? String.valueOf(l) : l == layers - 1 ? "output" : "dense" + l;
        width = new int[layers + 1];
        width[0] = convs == null ? data.d() : convs.features();
        for (int l = 0; l < hidden.size(); l++) width[l + 1] = hidden.get(l);
        width[layers] = loss.outputs(data.classes());
        long n = convs == null ? 0 : convs.size();
        wAt = new int[layers];
        for (int l = 0; l < layers; l++) n += (long) width[l] * width[l + 1] + (bias ? width[l + 1] : 0);
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException(n + " parameters are more than one float buffer holds");
        size = (int) n;
        params = floats(size);
        grads = floats(size);
        w = new FloatBuffer[layers];
        b = new FloatBuffer[layers];
        gw = new FloatBuffer[layers];
        gb = new FloatBuffer[layers];
        int at = convs == null ? 0 : convs.size();
        for (int l = 0; l < layers; l++) {
            int nw = width[l] * width[l + 1];
            wAt[l] = at;
            w[l] = slice(params, at, nw);
            gw[l] = slice(grads, at, nw);
            at += nw;
            if (!bias) continue; // no l_b: DL4J's layout without biases
            b[l] = slice(params, at, width[l + 1]);
            gb[l] = slice(grads, at, width[l + 1]);
            at += width[l + 1];
        }
    }

    private static FloatBuffer floats(int n) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(n, Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static FloatBuffer slice(FloatBuffer all, int from, int n) {
        return all.duplicate().position(from).limit(from + n).slice();
    }

    /** Buffers for batches of up to {@code rows} examples, grown on demand (never per batch once grown). */
    private void ensure(int rows) {
        if (rows <= capacity) return;
        int layers = width.length - 1;
        act = new FloatBuffer[layers + 1];
        delta = new FloatBuffer[layers + 1];
        for (int l = 0; l <= layers; l++) {
            act[l] = floats(rows * width[l]);
            if (l > 0 || convs != null) delta[l] = floats(rows * width[l]);
        }
        if (convs != null) images = floats(rows * data.d());
        int widest = 0;
        for (int l = 1; l <= layers; l++) widest = Math.max(widest, width[l]);
        scratch = new float[rows * widest];
        scratch2 = new float[rows * widest];
        column = new float[widest];
        capacity = rows;
    }

    /** Forward pass of examples order[from..to) of {@code set}; the scores end up in act[last]. */
    private void forward(Dataset set, int[] order, int from, int to) {
        forward(set, order, from, to, false);
    }

    /** {@code training}: the mini-batch of a gradient, augmented when an augmentation is set (as the DL4J networks do). */
    private void forward(Dataset set, int[] order, int from, int to, boolean training) {
        int rows = to - from;
        ensure(rows);
        int d = set.d();
        FloatBuffer in = convs == null ? act[0] : images;
        float[] x = set.x();
        boolean augment = training && augmentation.active();
        if (augment && augmented == null) augmented = new float[d];
        for (int r = 0; r < rows; r++) {
            int i = order == null ? from + r : order[from + r];
            if (!augment) {
                in.put(r * d, x, i * d, d);
                continue;
            }
            augmentation.copy(i, augmented, 0);
            in.put(r * d, augmented, 0, d);
        }
        if (convs != null) convs.forward(params, images, rows, act[0]);
        int layers = width.length - 1;
        for (int l = 0; l < layers; l++) {
            int nIn = width[l], nOut = width[l + 1];
            FloatBuffer out = act[l + 1];
            if (bias) for (int r = 0; r < rows; r++) out.put(r * nOut, b[l], 0, nOut); // C = bias, then C += Wᵀ·A
            cblas_sgemm(CblasColMajor, CblasTrans, CblasNoTrans, nOut, rows, nIn, 1f, w[l], nIn, act[l], nIn, bias ? 1f : 0f, out, nOut);
            if (l < layers - 1 && relu) relu(out, rows * nOut);
        }
    }

    /** Σ loss over the rows of the last forward pass; with {@code delta}: dLoss/dscores into delta[last]. */
    private double losses(Dataset set, int[] order, int from, int to, boolean derivative) {
        int k = width[width.length - 1];
        FloatBuffer f = act[width.length - 1];
        FloatBuffer dl = delta[width.length - 1];
        double[] fi = new double[k];
        double[] di = derivative ? new double[k] : null;
        double sum = 0;
        for (int r = 0; r < to - from; r++) {
            int i = order == null ? from + r : order[from + r];
            for (int j = 0; j < k; j++) fi[j] = f.get(r * k + j);
            sum += loss.lossAndDerivative(fi, set.classification() ? set.labels()[i] : -1, set.classification() ? 0 : set.targets()[i], di);
            if (derivative) for (int j = 0; j < k; j++) dl.put(r * k + j, (float) di[j]);
        }
        return sum;
    }

    @Override
    public void gradient(int[] order, int from, int to) {
        int rows = to - from;
        forward(data, order, from, to, true);
        lastLoss = losses(data, order, from, to, true) / rows;
        for (int l = width.length - 2; l >= 0; l--) {
            int nIn = width[l], nOut = width[l + 1];
            FloatBuffer dOut = delta[l + 1];
            // dW = A·Dᵀ (nIn × nOut, column-major), db = column sums of D, D_prev = W·D ⊙ relu'
            cblas_sgemm(CblasColMajor, CblasNoTrans, CblasTrans, nIn, nOut, rows, 1f, act[l], nIn, dOut, nOut, 0f, gw[l], nIn);
            if (bias) columnSums(dOut, rows, nOut, gb[l]);
            if (l == 0 && convs == null) break;
            FloatBuffer dIn = delta[l];
            cblas_sgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, nIn, rows, nOut, 1f, w[l], nIn, dOut, nOut, 0f, dIn, nIn);
            if (l == 0) {
                convs.backward(params, grads, dIn, rows); // the features have no activation of their own
                break;
            }
            if (relu) reluBackward(act[l], dIn, rows * nIn);
        }
    }

    /*
     * The element-wise loops run on heap copies: C2 vectorises loops over float[] (Math.max, Math.signum), not
     * the per-element get/put of a direct buffer, and a bulk copy of a batch's activations costs less than the
     * scalar loop did (the three loops were a fifth of the MLP epoch: BENCHMARKS.md, issue 14).
     */

    /** a = max(a, 0) on the first m floats. NaN stays NaN (as PyTorch's relu), so a diverging run shows in the loss. */
    private void relu(FloatBuffer a, int m) {
        float[] t = scratch;
        a.get(0, t, 0, m);
        for (int i = 0; i < m; i++) t[i] = Math.max(t[i], 0f);
        a.put(0, t, 0, m);
    }

    /**
     * d = d where the ReLU output a is positive, 0 where it is 0: a ≥ 0 after {@link #relu}, so the factor
     * signum(a) is 1 or 0 (a zero may come out as −0, which no sum or step below tells from +0).
     */
    private void reluBackward(FloatBuffer a, FloatBuffer d, int m) {
        float[] ta = scratch, td = scratch2;
        a.get(0, ta, 0, m);
        d.get(0, td, 0, m);
        for (int i = 0; i < m; i++) td[i] = td[i] * Math.signum(ta[i]);
        d.put(0, td, 0, m);
    }

    /** out_j = Σ_r D[r][j] (D row-major rows × n), summed over r in order as before (the same floats). */
    private void columnSums(FloatBuffer dOut, int rows, int n, FloatBuffer out) {
        float[] t = scratch, sum = column;
        dOut.get(0, t, 0, rows * n);
        java.util.Arrays.fill(sum, 0, n, 0f);
        for (int r = 0; r < rows; r++) {
            for (int j = 0, at = r * n; j < n; j++) sum[j] += t[at + j];
        }
        out.put(0, sum, 0, n);
    }

    @Override
    public double lastBatchLoss() {
        return lastLoss;
    }

    @Override
    public double batchLoss(int[] order, int from, int to) {
        forward(data, order, from, to);
        return losses(data, order, from, to, false);
    }

    @Override
    public Metrics evaluate(Dataset set) {
        int n = set.n();
        int k = width[width.length - 1];
        MetricsSum sum = new MetricsSum(set, loss, k);
        double[] fi = sum.scores();
        int chunk = MemoryEstimate.evaluationChunk(activationsPerExample());
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            forward(set, null, from, to);
            FloatBuffer f = act[width.length - 1];
            for (int r = 0; r < to - from; r++) {
                for (int j = 0; j < k; j++) fi[j] = f.get(r * k + j);
                sum.add(from + r);
            }
        }
        return sum.metrics();
    }

    /** Floats of the buffers one example needs (activations, their gradients, the convolutions' columns). */
    private long activationsPerExample() {
        long n = convs == null ? 0 : convs.floatsPerExample() + data.d();
        for (int l = 0; l < width.length; l++) n += 2L * width[l];
        return n;
    }

    @Override
    public String memoryProblem(int batch) {
        return MemoryEstimate.problem(size, activationsPerExample(), batch);
    }

    @Override
    public void augment(org.bregman.train.data.Augmentation a) {
        augmentation.set(a);
    }

    @Override
    public void trainingEpoch(long seed, long epoch) {
        augmentation.epoch(seed, epoch);
    }

    /** DL4J's parameter-table names and order: {@code conv0_b, conv0_W, …} then {@code 0_W, 0_b, …} (mlp) or {@code dense0_W, …, output_b}. */
    @Override
    public List<Layer> layers() {
        List<Layer> out = new java.util.ArrayList<>(convs == null ? List.of() : convs.layers());
        for (int l = 0; l < wAt.length; l++) {
            int nw = width[l] * width[l + 1];
            out.add(new Layer(names[l] + "_W", wAt[l], nw, true));
            if (bias) out.add(new Layer(names[l] + "_b", wAt[l] + nw, width[l + 1], true));
        }
        return out;
    }

    @Override
    protected FloatBuffer parameters() {
        return params;
    }

    /** A copy of the last {@link #gradient} (for tests). */
    float[] gradients() {
        float[] out = new float[size];
        grads.duplicate().position(0).get(out);
        return out;
    }

    @Override
    public int step(MirrorMap map, float lr) {
        return map.step(params.duplicate().position(0), grads.duplicate().position(0), lr);
    }

    @Override
    public int step(org.bregman.runtime.rules.UpdateRule.Step rule, float lr) {
        float[] p = params();
        int bad = rule.step(p, gradients(), size, lr);
        setParams(p);
        return bad;
    }

    @Override
    public void sgdStep(float lr) {
        cblas_saxpy(size, -lr, grads, 1, params, 1);
    }

    @Override
    public String coordinate(int i) {
        String conv = convs == null ? null : convs.coordinate(i);
        if (conv != null) return "parameter " + i + " (" + conv + ")";
        int l = 0;
        while (l + 1 < wAt.length && wAt[l + 1] <= i) l++;
        int nw = width[l] * width[l + 1];
        int j = i - wAt[l];
        return "parameter " + i + " (" + names[l] + (j < nw ? "_W[" + j : "_b[" + (j - nw)) + "])";
    }
}
