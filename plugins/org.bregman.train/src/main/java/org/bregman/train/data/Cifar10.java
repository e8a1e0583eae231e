package org.bregman.train.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CIFAR-10 in its official binary format ({@code cifar-10-binary.tar.gz} from
 * https://www.cs.toronto.edu/~kriz/cifar.html, unpacked: {@code data_batch_1.bin} … {@code data_batch_5.bin}
 * and {@code test_batch.bin}). Each record is 3,073 bytes: the label (0–9), then the 32 × 32 red, green
 * and blue planes, row by row. Pixels are scaled to [0, 1] and kept plane by plane (channels first), the
 * order DL4J's convolutional input expects.
 */
public final class Cifar10 {

    public static final int SIDE = 32;
    public static final int PIXELS = 3 * SIDE * SIDE;
    public static final int RECORD = 1 + PIXELS;
    public static final String[] TRAIN_FILES = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"};
    public static final String TEST_FILE = "test_batch.bin";
    private static final String HINT = "download the binary version (cifar-10-binary.tar.gz) from https://www.cs.toronto.edu/~kriz/cifar.html,"
            + " unpack it and point dir (or --data-dir) at the folder holding data_batch_1.bin … data_batch_5.bin and test_batch.bin";

    private Cifar10() {
    }

    /**
     * The first {@code limit} training images ({@code limit <= 0}: all 50,000) and the first {@code test}
     * test images ({@code test = 0}: none).
     */
    public static Dataset read(Path dir, int limit, int test) {
        if (!Files.isDirectory(dir)) throw new DataException("cifar10: folder " + dir + " not found; " + HINT);
        Records train = new Records(limit > 0 ? limit : TRAIN_FILES.length * 10_000);
        for (String f : TRAIN_FILES) {
            if (train.full()) break;
            train.readFrom(dir.resolve(f));
        }
        Dataset t = null;
        if (test > 0) {
            Records r = new Records(test);
            r.readFrom(dir.resolve(TEST_FILE));
            t = r.dataset("cifar10 test (" + r.n + " images)", null);
        }
        return train.dataset("cifar10(limit = " + train.n + ", test = " + (t == null ? 0 : t.n()) + ") from " + dir, t);
    }

    /** Records read so far, up to a limit. */
    private static final class Records {
        final int limit;
        final float[] x;
        final int[] y;
        int n;

        Records(int limit) {
            this.limit = limit;
            this.x = new float[Math.multiplyExact(limit, PIXELS)];
            this.y = new int[limit];
        }

        boolean full() {
            return n == limit;
        }

        void readFrom(Path file) {
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException e) {
                throw new DataException("cifar10: " + file + " not found; " + HINT);
            } catch (IOException e) {
                throw new DataException("cifar10: cannot read " + file + ": " + e.getMessage(), e);
            }
            if (size == 0 || size % RECORD != 0) {
                throw new DataException("cifar10: " + file + " has " + size + " bytes, not a whole number of " + RECORD
                        + "-byte records (truncated or not the binary version?); " + HINT);
            }
            byte[] record = new byte[RECORD];
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                for (long r = 0; r < size / RECORD && n < limit; r++) {
                    if (in.readNBytes(record, 0, RECORD) != RECORD) throw new DataException("cifar10: " + file + " ends early (truncated?)");
                    int label = record[0] & 0xff;
                    if (label > 9) {
                        throw new DataException("cifar10: " + file + ": record " + (r + 1) + " has label " + label
                                + "; CIFAR-10 labels are 0–9 (is this CIFAR-100?)");
                    }
                    y[n] = label;
                    int at = n * PIXELS;
                    for (int p = 0; p < PIXELS; p++) x[at + p] = (record[1 + p] & 0xff) / 255f;
                    n++;
                }
            } catch (IOException e) {
                throw new DataException("cifar10: cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        Dataset dataset(String description, Dataset test) {
            float[] xs = n == limit ? x : java.util.Arrays.copyOf(x, n * PIXELS);
            int[] ys = n == limit ? y : java.util.Arrays.copyOf(y, n);
            return new Dataset(description, n, PIXELS, xs, ys, null, 10, new int[] {SIDE, SIDE, 3}, false, test);
        }
    }
}
