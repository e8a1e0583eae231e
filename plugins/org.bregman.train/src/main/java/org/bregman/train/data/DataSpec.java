package org.bregman.train.data;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;

import org.bregman.train.Num;

/** Where an experiment's data comes from (spec section 3, {@code data}). */
public sealed interface DataSpec {

    /**
     * Loads or generates the data.
     *
     * @param dataDir the {@code --data-dir} override, or {@code null}: relative file names resolve
     *     against it, and {@code fashionMnist} looks there instead of its default folder
     */
    Dataset load(Path dataDir);

    /**
     * The source as an experiment writes it, e.g. {@code regression(n = 40, d = 400, noise = 0, seed = 1)}: the record's
     * components by name, numbers as the reports print them, other values quoted, absent ({@code null}) ones left out.
     */
    default String describe() {
        StringBuilder b = new StringBuilder();
        String name = getClass().getSimpleName();
        b.append(Character.toLowerCase(name.charAt(0))).append(name, 1, name.length()).append('(');
        String separator = "";
        for (RecordComponent c : getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v == null) continue;
            b.append(separator).append(c.getName()).append(" = ");
            if (v instanceof Double x) b.append(Num.format(x));
            else if (v instanceof Number) b.append(v);
            else b.append('"').append(v).append('"');
            separator = ", ";
        }
        return b.append(')').toString();
    }

    /** How training images are augmented at each step, or {@code null} (the images as they are). */
    default Augmentation augmentation() {
        return null;
    }

    /** {@code regression(n, d, noise, seed)}: X ~ N(0, 1/d) so that |x|² ≈ 1, y = X w* + noise·ε, w* ~ N(0, 1). */
    record Regression(int n, int d, double noise, long seed) implements DataSpec {
        public Dataset load(Path dataDir) {
            return Datasets.regression(n, d, noise, seed);
        }
    }

    /** {@code teacher(n, d, width, seed)}: binary labels from a random two-layer ReLU network. */
    record Teacher(int n, int d, int width, long seed) implements DataSpec {
        public Dataset load(Path dataDir) {
            return Datasets.teacher(n, d, width, seed);
        }
    }

    /** {@code idx(images = "…", labels = "…", limit = N)}: IDX files, gzipped or not. */
    record Idx(String images, String labels, int limit) implements DataSpec {
        public Dataset load(Path dataDir) {
            return Datasets.idx(Datasets.resolve(dataDir, images), Datasets.resolve(dataDir, labels), limit);
        }
    }

    /**
     * {@code fashionMnist(limit = N, test = M, dir = "…")}: Debian's dataset-fashion-mnist files ({@code limit <= 0}: all
     * 60,000; {@code test <= 0}: no test set). {@code dir == null} means the Debian folder; {@code --data-dir} wins over both.
     */
    record FashionMnist(int limit, int test, String dir) implements DataSpec {
        public Dataset load(Path dataDir) {
            return Datasets.fashionMnist(dataDir != null ? dataDir : dir != null ? Path.of(dir) : null, limit, test);
        }

        public String describe() {
            return "fashionMnist(limit = " + limit + ", test = " + test + ")";
        }
    }

    /** {@code csv("file", label = "column", limit = N)}: a header row, numeric columns ({@code limit <= 0}: all rows). */
    record Csv(String file, String label, boolean classification, int limit) implements DataSpec {
        public Dataset load(Path dataDir) {
            return Datasets.csv(Datasets.resolve(dataDir, file), label, classification, limit);
        }

        public String describe() {
            return "csv(\"" + file + "\", label = \"" + label + "\")";
        }
    }

    /**
     * {@code cifar10(dir = "…", limit = N, test = M, augment = "crop4, flip")}: the binary files ({@code limit <= 0}: all
     * 50,000; {@code test = 0}: none); {@code augment} null for none.
     */
    record Cifar10(String dir, int limit, int test, Augmentation augment) implements DataSpec {
        public Cifar10(String dir, int limit, int test) {
            this(dir, limit, test, null);
        }

        public Dataset load(Path dataDir) {
            return org.bregman.train.data.Cifar10.read(Datasets.resolve(dataDir, dir), limit, test);
        }

        @Override
        public Augmentation augmentation() {
            return augment;
        }
    }

    /** {@code separable(n, d, margin, seed)}: {@link SeparableData}. */
    record Separable(int n, int d, double margin, long seed) implements DataSpec {
        public Dataset load(Path dataDir) {
            return SeparableData.generate(n, d, margin, seed);
        }
    }

    /** {@code matrixSensing(n, d, rank, seed)}: {@link MatrixData#sensing}. */
    record MatrixSensing(int n, int d, int rank, long seed) implements DataSpec {
        public Dataset load(Path dataDir) {
            return MatrixData.sensing(n, d, rank, seed);
        }
    }

    /** {@code matrixCompletion(d, rank, observed, seed)}: {@link MatrixData#completion}; the unobserved entries are the test set. */
    record MatrixCompletion(int d, int rank, int observed, long seed) implements DataSpec {
        public Dataset load(Path dataDir) {
            return MatrixData.completion(d, rank, observed, seed);
        }
    }

    /** A source with rows held out for testing ({@code test = N} / {@code testFraction = f}): {@link TestSplit}. */
    record HeldOut(DataSpec source, TestSplit split) implements DataSpec {
        public Dataset load(Path dataDir) {
            return split.apply(source.load(dataDir));
        }

        public String describe() {
            return source.describe() + " with " + split.describe();
        }
    }
}
