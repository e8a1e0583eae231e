package org.bregman.train.model;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * The convolutional front of {@code cnn}: per layer a valid k × k convolution with bias, ReLU, then 2 × 2 max-pooling
 * (stride 2, a trailing odd row or column dropped), as {@link Architectures#cnn} builds it in DL4J. Each convolution
 * is one {@code sgemm} over the whole batch on im2col columns; the backward pass is two more (weights, inputs).
 *
 * <p>Layout. Parameters as DL4J's {@code ConvolutionLayer}: per layer {@code convI_b} (Cout) then {@code convI_W}
 * (Cout × Cin × k × k, row-major). The input rows are images C × H × W (row-major, as DL4J's flat convolutional
 * input); inside, activations are stored channel-major, C × B × H × W, so that one product covers the batch; the
 * output is the batch's rows B × (C·H·W) in DL4J's flattening order for the dense layers.
 */
final class ConvLayers {

    private final int layers;
    private final int k;
    private final int[] c, h, w; // per stage: channels and size of the input of conv i; index `layers`: after the last pool
    private final int[] bAt, wAt; // offsets of conv i's bias and weights in the flat parameter vector
    private final int size;
    private int capacity;
    // per layer, for the batch: im2col columns, convolution output (after ReLU), pooled output, argmax of each pool cell
    private FloatBuffer[] cols, conv, pooled;
    private int[][] argmax;
    private FloatBuffer[] dConv, dCols;
    private FloatBuffer[] dPooled;

    ConvLayers(int channels, int height, int width, List<Integer> outChannels, int kernel, int offset) {
        layers = outChannels.size();
        k = kernel;
        c = new int[layers + 1];
        h = new int[layers + 1];
        w = new int[layers + 1];
        bAt = new int[layers];
        wAt = new int[layers];
        c[0] = channels;
        h[0] = height;
        w[0] = width;
        int at = offset;
        for (int i = 0; i < layers; i++) {
            c[i + 1] = outChannels.get(i);
            h[i + 1] = (h[i] - k + 1) / 2;
            w[i + 1] = (w[i] - k + 1) / 2;
            bAt[i] = at;
            wAt[i] = at + c[i + 1];
            at = wAt[i] + c[i + 1] * c[i] * k * k;
        }
        size = at - offset;
    }

    int size() {
        return size;
    }

    /** Features per example after the last pooling (the first dense layer's inputs). */
    int features() {
        return c[layers] * h[layers] * w[layers];
    }

    /** The conv layers' blocks of the parameter vector, DL4J's order: {@code convI_b} then {@code convI_W}. */
    List<Layer> layers() {
        List<Layer> out = new java.util.ArrayList<>();
        for (int l = 0; l < layers; l++) {
            out.add(new Layer("conv" + l + "_b", bAt[l], c[l + 1], true));
            out.add(new Layer("conv" + l + "_W", wAt[l], c[l + 1] * c[l] * k * k, true));
        }
        return out;
    }

    /** Floats of the buffers one example needs: columns (and their gradients), convolution outputs, poolings, both ways. */
    long floatsPerExample() {
        long n = 0;
        for (int l = 0; l < layers; l++) {
            long cells = (long) (h[l] - k + 1) * (w[l] - k + 1);
            n += cells * c[l] * k * k * (l > 0 ? 2 : 1) + 2 * cells * c[l + 1] + 2L * c[l + 1] * h[l + 1] * w[l + 1];
        }
        return n;
    }

    /** Which conv layer a parameter belongs to and its name, or null past the front. */
    String coordinate(int i) {
        for (int l = layers - 1; l >= 0; l--) {
            if (i >= wAt[l]) return i - wAt[l] < c[l + 1] * c[l] * k * k ? "conv" + l + "_W[" + (i - wAt[l]) + "]" : null;
            if (i >= bAt[l]) return "conv" + l + "_b[" + (i - bAt[l]) + "]";
        }
        return null;
    }

    private static FloatBuffer floats(long n) {
        return ByteBuffer.allocateDirect(Math.toIntExact(n * Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private void ensure(int rows) {
        if (rows <= capacity) return;
        cols = new FloatBuffer[layers];
        conv = new FloatBuffer[layers];
        pooled = new FloatBuffer[layers];
        dConv = new FloatBuffer[layers];
        dCols = new FloatBuffer[layers];
        dPooled = new FloatBuffer[layers];
        argmax = new int[layers][];
        for (int l = 0; l < layers; l++) {
            int hc = h[l] - k + 1, wc = w[l] - k + 1;
            long kk = (long) c[l] * k * k;
            cols[l] = floats(kk * rows * hc * wc);
            conv[l] = floats((long) c[l + 1] * rows * hc * wc);
            dConv[l] = floats((long) c[l + 1] * rows * hc * wc);
            pooled[l] = floats((long) c[l + 1] * rows * h[l + 1] * w[l + 1]);
            dPooled[l] = floats((long) c[l + 1] * rows * h[l + 1] * w[l + 1]);
            argmax[l] = new int[c[l + 1] * rows * h[l + 1] * w[l + 1]];
            if (l > 0) dCols[l] = floats(kk * rows * hc * wc);
        }
        capacity = rows;
    }

    /**
     * Forward pass of {@code rows} images from {@code in} (B × C × H × W); writes B × features() into {@code out}.
     */
    void forward(FloatBuffer params, FloatBuffer in, int rows, FloatBuffer out) {
        ensure(rows);
        for (int l = 0; l < layers; l++) {
            // element (b, ch, y, x) of this layer's input: the images (batch-major) or the last pooling (channel-major)
            FloatBuffer src = l == 0 ? in : pooled[l - 1];
            int plane = h[l] * w[l];
            int sb = l == 0 ? c[l] * plane : plane, sc = l == 0 ? plane : rows * plane;
            int hc = h[l] - k + 1, wc = w[l] - k + 1, n = rows * hc * wc, kk = c[l] * k * k;
            FloatBuffer col = cols[l];
            for (int ch = 0; ch < c[l]; ch++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int row = ((ch * k + ky) * k + kx) * n;
                        for (int b = 0; b < rows; b++) {
                            int base = b * sb + ch * sc + ky * w[l] + kx;
                            for (int y = 0; y < hc; y++) {
                                col.put(row + (b * hc + y) * wc, src, base + y * w[l], wc);
                            }
                        }
                    }
                }
            }
            int co = c[l + 1];
            FloatBuffer z = conv[l];
            for (int o = 0; o < co; o++) {
                float bias = params.get(bAt[l] + o);
                for (int j = 0; j < n; j++) z.put(o * n + j, bias);
            }
            // Z (Cout × B·Hc·Wc) += W (Cout × Cin·k·k) · cols (Cin·k·k × B·Hc·Wc)
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, co, n, kk, 1f, slice(params, wAt[l]), kk, col, n, 1f, z, n);
            for (int j = 0, m = co * n; j < m; j++) if (!(z.get(j) > 0)) z.put(j, 0f);
            pool(l, rows, hc, wc);
        }
        // channel-major C × B × H × W → the rows B × (C·H·W)
        int cl = c[layers], plane = h[layers] * w[layers], f = features();
        FloatBuffer last = pooled[layers - 1];
        for (int ch = 0; ch < cl; ch++) {
            for (int b = 0; b < rows; b++) out.put(b * f + ch * plane, last, (ch * rows + b) * plane, plane);
        }
    }

    private void pool(int l, int rows, int hc, int wc) {
        FloatBuffer z = conv[l], p = pooled[l];
        int[] arg = argmax[l];
        int hp = h[l + 1], wp = w[l + 1];
        for (int plane = 0, planes = c[l + 1] * rows; plane < planes; plane++) {
            int zin = plane * hc * wc, pout = plane * hp * wp;
            for (int y = 0; y < hp; y++) {
                for (int x = 0; x < wp; x++) {
                    int best = zin + 2 * y * wc + 2 * x;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int i = zin + (2 * y + dy) * wc + 2 * x + dx;
                            if (z.get(i) > z.get(best)) best = i;
                        }
                    }
                    arg[pout + y * wp + x] = best;
                    p.put(pout + y * wp + x, z.get(best));
                }
            }
        }
    }

    /** Backward pass from dLoss/d(out) (B × features()): the gradients of every conv parameter into {@code grads}. */
    void backward(FloatBuffer params, FloatBuffer grads, FloatBuffer dOut, int rows) {
        int cl = c[layers], plane = h[layers] * w[layers], f = features();
        for (int ch = 0; ch < cl; ch++) {
            for (int b = 0; b < rows; b++) dPooled[layers - 1].put((ch * rows + b) * plane, dOut, b * f + ch * plane, plane);
        }
        for (int l = layers - 1; l >= 0; l--) {
            int hc = h[l] - k + 1, wc = w[l] - k + 1, n = rows * hc * wc, kk = c[l] * k * k, co = c[l + 1];
            FloatBuffer dz = dConv[l], z = conv[l], dp = dPooled[l];
            for (int j = 0, m = co * n; j < m; j++) dz.put(j, 0f);
            int[] arg = argmax[l];
            for (int j = 0, m = co * rows * h[l + 1] * w[l + 1]; j < m; j++) {
                int i = arg[j];
                if (z.get(i) > 0) dz.put(i, dz.get(i) + dp.get(j)); // ReLU' at the pooled maximum
            }
            for (int o = 0; o < co; o++) {
                float s = 0;
                for (int j = 0; j < n; j++) s += dz.get(o * n + j);
                grads.put(bAt[l] + o, s);
            }
            // dW (Cout × Cin·k·k) = dZ (Cout × n) · colsᵀ (n × Cin·k·k)
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, co, kk, n, 1f, dz, n, cols[l], n, 0f, slice(grads, wAt[l]), kk);
            if (l == 0) break;
            // dCols (Cin·k·k × n) = Wᵀ · dZ, then scattered back onto the previous pooling's output (col2im)
            FloatBuffer dc = dCols[l];
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, kk, n, co, 1f, slice(params, wAt[l]), kk, dz, n, 0f, dc, n);
            FloatBuffer dIn = dPooled[l - 1];
            int pl = h[l] * w[l];
            for (int j = 0, m = c[l] * rows * pl; j < m; j++) dIn.put(j, 0f);
            for (int ch = 0; ch < c[l]; ch++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int row = ((ch * k + ky) * k + kx) * n;
                        for (int b = 0; b < rows; b++) {
                            int base = (ch * rows + b) * pl + ky * w[l] + kx;
                            for (int y = 0; y < hc; y++) {
                                int to = base + y * w[l], from = row + (b * hc + y) * wc;
                                for (int x = 0; x < wc; x++) dIn.put(to + x, dIn.get(to + x) + dc.get(from + x));
                            }
                        }
                    }
                }
            }
        }
    }

    private static FloatBuffer slice(FloatBuffer all, int from) {
        return all.duplicate().position(from).slice();
    }
}
