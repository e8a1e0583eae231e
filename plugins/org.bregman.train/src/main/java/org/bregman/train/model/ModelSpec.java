package org.bregman.train.model;

import java.util.List;
import java.util.stream.Collectors;

import org.bregman.train.data.Dataset;

/**
 * The models of spec section 3, each built by {@link #create} (the factory by name is in
 * {@code org.bregman.train.TrainingRegistry}; a test may add a model of its own).
 */
public interface ModelSpec {

    /**
     * {@code -Dbregman.layers=dl4j}: {@code mlp} and {@code cnn} as DL4J networks instead of {@link DenseNetwork} (the
     * "before" of BENCHMARKS.md's epoch tables; the tests' reference).
     */
    static boolean dl4jLayers() {
        return "dl4j".equals(System.getProperty("bregman.layers"));
    }

    String describe();

    /** The model on {@code data} with {@code loss}; a clear message when they do not fit this model. */
    Model create(Loss loss, Dataset data);

    /** Whether the final weights are a linear predictor w (the {@code kkt} report measures its optimality conditions). */
    default boolean linearInWeights() {
        return false;
    }

    /**
     * L when the scores are homogeneous of degree L in the parameters, f(c·θ) = c^L f(θ) for c > 0 (the normalised margin
     * divides by ‖θ‖^L), else 0: biases, batch normalisation and max-pooling after biases break it.
     */
    default int homogeneity() {
        return 0;
    }

    /** {@code linear}: scores f = W x, no bias (W is k × d, k = 1 for regression). */
    record Linear() implements ModelSpec {
        public String describe() { return "linear"; }
        @Override public boolean linearInWeights() { return true; }
        @Override public int homogeneity() { return 1; }
        public Model create(Loss loss, Dataset data) { return new LinearModel(data, loss, 0); }
    }

    /** {@code logistic}: the same linear scores, meant for logistic / cross-entropy losses. */
    record Logistic() implements ModelSpec {
        public String describe() { return "logistic"; }
        @Override public boolean linearInWeights() { return true; }
        @Override public int homogeneity() { return 1; }
        public Model create(Loss loss, Dataset data) {
            if (!loss.classification()) {
                throw new IllegalArgumentException("model logistic needs a classification loss (logistic, crossEntropy or exponential), not squared");
            }
            return new LinearModel(data, loss, 0);
        }
    }

    /** {@code diagonal(depth)}: the diagonal linear network w = u^D − v^D, parameters (u, v). */
    record Diagonal(int depth) implements ModelSpec {
        public Diagonal {
            if (depth < 1) throw new IllegalArgumentException("diagonal: depth must be at least 1, got " + depth);
        }
        public String describe() { return "diagonal(depth = " + depth + ")"; }
        @Override public int homogeneity() { return depth; }
        public Model create(Loss loss, Dataset data) {
            if (loss.outputs(data.classes()) != 1) {
                throw new IllegalArgumentException("model diagonal has one output; loss " + loss.keyword() + " on " + data.classes()
                        + " classes needs " + loss.outputs(data.classes()));
            }
            return new LinearModel(data, loss, depth);
        }
    }

    /** {@code factorization(rank)}: W = U Vᵀ on d × d matrix data ({@link FactorizationModel}); rank = d is the over-parameterised case. */
    record Factorization(int rank) implements ModelSpec {
        public Factorization {
            if (rank < 1) throw new IllegalArgumentException("factorization: rank must be at least 1, got " + rank);
        }
        public String describe() { return "factorization(rank = " + rank + ")"; }
        @Override public int homogeneity() { return 2; }
        public Model create(Loss loss, Dataset data) {
            int d = FactorizationModel.side(data);
            if (loss.outputs(data.classes()) != 1) {
                throw new IllegalArgumentException("model factorization has one output; loss " + loss.keyword() + " on " + data.classes()
                        + " classes needs " + loss.outputs(data.classes()));
            }
            return new FactorizationModel(data, loss, d, rank);
        }
    }

    /**
     * {@code mlp(h1, h2, …, bias = true|false, activation = relu|linear)}: dense layers, then a dense output layer. Without
     * biases the scores are homogeneous of degree L = layers (ReLU and the identity are 1-homogeneous); activation linear
     * is a deep linear network.
     */
    record Mlp(List<Integer> hidden, boolean bias, boolean linear) implements ModelSpec {
        public Mlp {
            hidden = List.copyOf(hidden);
            for (int h : hidden) if (h < 1) throw new IllegalArgumentException("mlp: a layer width must be at least 1, got " + h);
        }
        /** ReLU layers with biases. */
        public Mlp(List<Integer> hidden) {
            this(hidden, true, false);
        }
        public String describe() {
            return "mlp" + hidden.stream().map(String::valueOf).collect(Collectors.joining(", ", "(",
                    (bias ? "" : ", bias = false") + (linear ? ", activation = linear" : "") + ")"));
        }
        @Override public int homogeneity() { return bias ? 0 : hidden.size() + 1; }
        public Model create(Loss loss, Dataset data) {
            return dl4jLayers() ? Dl4jModel.mlp(hidden, bias, linear, loss, data) : new DenseNetwork(hidden, bias, !linear, loss, data);
        }
    }

    /** {@code cnn(c1, c2, …, dense = D, kernel = K)}: see {@link Architectures#cnn}; no channels: the seed's 32, 64. */
    record Cnn(List<Integer> channels, int dense, int kernel) implements ModelSpec {
        public Cnn {
            channels = List.copyOf(channels);
        }

        public static Cnn of(List<Integer> channels, int dense, int kernel) {
            return new Cnn(channels.isEmpty() ? List.of(32, 64) : channels, dense, kernel);
        }

        public String describe() {
            return "cnn" + channels.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ", dense = " + dense + ", kernel = " + kernel + ")"));
        }

        public Model create(Loss loss, Dataset data) {
            List<Integer> widths = dense == 0 ? List.of() : List.of(dense);
            if (dl4jLayers()) return Architectures.model("cnn", in -> Architectures.cnn(channels, widths, kernel, in), loss, data);
            int[] s = Architectures.imageShape("cnn", data);
            Architectures.checkCnn(channels, widths, kernel, s[0], s[1]);
            return DenseNetwork.cnn(channels, widths, kernel, loss, data);
        }
    }

    /** {@code resnet18}: {@link Architectures#resnet18}. */
    record ResNet18() implements ModelSpec {
        public String describe() { return "resnet18"; }
        public Model create(Loss loss, Dataset data) { return Architectures.model("resnet18", Architectures::resnet18, loss, data); }
    }

    /** {@code vgg16}: {@link Architectures#vgg16}. */
    record Vgg16() implements ModelSpec {
        public String describe() { return "vgg16"; }
        public Model create(Loss loss, Dataset data) { return Architectures.model("vgg16", Architectures::vgg16, loss, data); }
    }
}
