package org.bregman.train.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** The data sources of spec section 3: synthetic (seeded, nothing to install), IDX, Fashion-MNIST, CSV. */
public final class Datasets {

    /** Where Debian's {@code dataset-fashion-mnist} package puts its files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private Datasets() {
    }

    /**
     * Linear regression: X ~ N(0, 1/d) (rows of squared norm ≈ 1, so a learning rate means the same for
     * every d), a planted w* ~ N(0, 1), y = X w* + noise·N(0, 1).
     */
    public static Dataset regression(int n, int d, double noise, long seed) {
        positive("regression", "n", n);
        positive("regression", "d", d);
        if (!(noise >= 0) || Double.isInfinite(noise)) throw new IllegalArgumentException("regression: noise must be >= 0, got " + noise);
        Random r = new Random(seed);
        double scale = 1 / Math.sqrt(d);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) (scale * r.nextGaussian());
        double[] wStar = new double[d];
        for (int j = 0; j < d; j++) wStar[j] = r.nextGaussian();
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += x[i * d + j] * wStar[j];
            y[i] = (float) (s + noise * r.nextGaussian());
        }
        String desc = "regression(n = " + n + ", d = " + d + ", noise = " + org.bregman.train.Num.format(noise) + ", seed = " + seed + ")";
        return new Dataset(desc, n, d, x, null, y, 0, null, true, null);
    }

    /**
     * Binary classification labelled by a random teacher: X ~ N(0, 1), hidden = relu(W x) with
     * W ~ N(0, 1/d) (width × d), score = a·hidden with a ~ N(0, 1); label 1 when the score is above its
     * median (so the classes are balanced), else 0.
     */
    public static Dataset teacher(int n, int d, int width, long seed) {
        positive("teacher", "n", n);
        positive("teacher", "d", d);
        positive("teacher", "width", width);
        Random r = new Random(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        double[] w = new double[width * d];
        for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / Math.sqrt(d);
        double[] a = new double[width];
        for (int k = 0; k < width; k++) a[k] = r.nextGaussian();
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < width; k++) {
                double h = 0;
                for (int j = 0; j < d; j++) h += w[k * d + j] * x[i * d + j];
                s += a[k] * Math.max(h, 0);
            }
            score[i] = s;
        }
        double[] sorted = score.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = score[i] > median ? 1 : 0;
        String desc = "teacher(n = " + n + ", d = " + d + ", width = " + width + ", seed = " + seed + ")";
        return new Dataset(desc, n, d, x, labels, null, 2, null, true, null);
    }

    /** Reads IDX images (unsigned bytes, scaled to [0, 1]) and labels; {@code limit <= 0} reads all. */
    public static Dataset idx(Path images, Path labels, int limit) {
        requireFile(images, null);
        requireFile(labels, null);
        try (DataInputStream in = open(images); DataInputStream lin = open(labels)) {
            int magic = in.readInt();
            if ((magic >>> 8) != 0x08 || (magic & 0xff) < 2) {
                throw new DataException(images + ": not an IDX file of unsigned bytes (magic 0x" + Integer.toHexString(magic) + ")");
            }
            int dims = magic & 0xff;
            int count = in.readInt();
            int[] shape = new int[dims - 1];
            int d = 1;
            for (int k = 0; k < dims - 1; k++) {
                shape[k] = in.readInt();
                d *= shape[k];
            }
            int lmagic = lin.readInt();
            if (lmagic != 0x801) throw new DataException(labels + ": not an IDX label file (magic 0x" + Integer.toHexString(lmagic) + ", expected 0x801)");
            int lcount = lin.readInt();
            if (lcount != count) throw new DataException(labels + ": " + lcount + " labels for " + count + " images in " + images);
            int n = limit > 0 ? Math.min(limit, count) : count;
            byte[] raw = new byte[n * d];
            in.readFully(raw);
            float[] x = new float[n * d];
            for (int i = 0; i < raw.length; i++) x[i] = (raw[i] & 0xff) / 255f;
            byte[] lraw = new byte[n];
            lin.readFully(lraw);
            int[] y = new int[n];
            int classes = 0;
            for (int i = 0; i < n; i++) {
                y[i] = lraw[i] & 0xff;
                classes = Math.max(classes, y[i] + 1);
            }
            // MNIST-like sets have 10 classes even when a short prefix misses one
            classes = Math.max(classes, 10 > classes && classes > 2 ? 10 : classes);
            int[] image = shape.length == 2 ? new int[] {shape[0], shape[1], 1}
                    : shape.length == 3 ? new int[] {shape[0], shape[1], shape[2]} : null;
            return new Dataset("idx(" + images.getFileName() + ", " + n + " of " + count + ")", n, d, x, y, null, classes,
                    image, false, null);
        } catch (EOFException e) {
            throw new DataException(images + " or " + labels + ": file ends early (truncated download?)");
        } catch (IOException e) {
            throw new DataException(images + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Fashion-MNIST from {@code dir} (default {@link #FASHION_MNIST_DIR}): the first {@code limit}
     * training images and the first {@code test} test images ({@code test = 0}: no test set).
     */
    public static Dataset fashionMnist(Path dir, int limit, int test) {
        Path base = dir != null ? dir : FASHION_MNIST_DIR;
        String hint = "install Debian's package with 'apt-get install dataset-fashion-mnist', or point --data-dir at a"
                + " folder holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz"
                + " and t10k-labels-idx1-ubyte.gz";
        Path trainImages = find(base, "train-images-idx3-ubyte", hint);
        Path trainLabels = find(base, "train-labels-idx1-ubyte", hint);
        Dataset train = idx(trainImages, trainLabels, limit);
        Dataset t = null;
        if (test > 0) {
            t = idx(find(base, "t10k-images-idx3-ubyte", hint), find(base, "t10k-labels-idx1-ubyte", hint), test);
        }
        String desc = "fashionMnist(limit = " + train.n() + ", test = " + (t == null ? 0 : t.n()) + ") from " + base;
        return new Dataset(desc, train.n(), train.d(), train.x(), train.labels(), null, 10, train.imageShape(), false, t);
    }

    /**
     * A CSV file with a header row; every column but {@code label} is a feature. For classification,
     * the distinct label values (sorted numerically) become classes 0, 1, ….
     */
    public static Dataset csv(Path file, String label, boolean classification, int limit) {
        requireFile(file, null);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        lines.removeIf(l -> l.isBlank());
        if (limit > 0 && lines.size() > limit + 1) lines = new ArrayList<>(lines.subList(0, limit + 1));
        if (lines.size() < 2) throw new DataException(file + ":1:1: need a header row and at least one data row");
        String[] header = split(lines.get(0));
        int li = -1;
        for (int k = 0; k < header.length; k++) if (header[k].equals(label)) li = k;
        if (li < 0) throw new DataException(file + ":1:1: no column named '" + label + "'; columns: " + String.join(", ", header));
        int n = lines.size() - 1;
        int d = header.length - 1;
        if (d < 1) throw new DataException(file + ":1:1: no feature columns besides '" + label + "'");
        float[] x = new float[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i + 1);
            String[] cells = split(line);
            if (cells.length != header.length) {
                throw new DataException(file + ":" + (i + 2) + ":1: " + cells.length + " columns, the header has " + header.length);
            }
            int col = 0;
            int pos = 1;
            for (int k = 0; k < cells.length; k++) {
                double v;
                try {
                    v = Double.parseDouble(cells[k]);
                } catch (NumberFormatException e) {
                    throw new DataException(file + ":" + (i + 2) + ":" + pos + ": not a number: '" + cells[k] + "'");
                }
                if (k == li) y[i] = v;
                else x[i * d + col++] = (float) v;
                pos += cells[k].length() + 1;
            }
        }
        String desc = "csv(" + file.getFileName() + ", label = " + label + ")";
        if (!classification) {
            float[] t = new float[n];
            for (int i = 0; i < n; i++) t[i] = (float) y[i];
            return new Dataset(desc, n, d, x, null, t, 0, null, false, null);
        }
        TreeMap<Double, Integer> classes = new TreeMap<>();
        for (double v : y) classes.putIfAbsent(v, 0);
        if (classes.size() > 1000) throw new DataException(file + ": column '" + label + "' has " + classes.size() + " distinct values; too many classes");
        int c = 0;
        for (var e : classes.entrySet()) e.setValue(c++);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = classes.get(y[i]);
        return new Dataset(desc, n, d, x, labels, null, Math.max(2, classes.size()), null, false, null);
    }

    static Path resolve(Path dataDir, String name) {
        Path p = Path.of(name);
        return p.isAbsolute() || dataDir == null ? p : dataDir.resolve(p);
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int k = 0; k < cells.length; k++) {
            String c = cells[k].trim();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) c = c.substring(1, c.length() - 1);
            cells[k] = c;
        }
        return cells;
    }

    private static Path find(Path dir, String stem, String hint) {
        for (String name : new String[] {stem + ".gz", stem, stem.replace("-idx", ".idx") + ".gz"}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        throw new DataException("Fashion-MNIST: " + dir.resolve(stem + ".gz") + " not found; " + hint);
    }

    private static void requireFile(Path p, String hint) {
        if (!Files.isRegularFile(p)) {
            throw new DataException("data file " + p + " not found" + (hint == null ? "" : "; " + hint));
        }
    }

    private static DataInputStream open(Path p) throws IOException {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new DataException("data file " + p + " not found");
        }
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        // gzip magic 1f 8b: the name need not end in .gz
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new DataInputStream(in);
    }

    private static void positive(String what, String name, int v) {
        if (v < 1) throw new IllegalArgumentException(what + ": " + name + " must be at least 1, got " + v);
    }

    /** For tests and tools: every row's label list, e.g. to check balance. */
    static List<Integer> counts(Dataset d) {
        List<Integer> c = new ArrayList<>();
        for (int k = 0; k < d.classes(); k++) c.add(0);
        for (int l : d.labels()) c.set(l, c.get(l) + 1);
        return c;
    }
}
