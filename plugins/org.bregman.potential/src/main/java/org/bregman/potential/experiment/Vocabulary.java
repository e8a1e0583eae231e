package org.bregman.potential.experiment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.potential.util.AstEval;

/**
 * The registries of the experiment vocabulary (spec section 3): every data source, model, loss, initialisation,
 * update rule, report item and stopping metric is described here once, by one registration line: its name, its
 * arguments with defaults and lower bounds, its description, and (report items) where it applies. The validator,
 * the content assist, the hover and the workspace's resolution of an experiment read these descriptions; the
 * trainer registers a factory or writer under the same name ({@code org.bregman.train.TrainingRegistry}, whose
 * test fails when a described name has none). Defaults are what the trainer uses when an argument is left out.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** What an argument value must be. FILE and DIRECTORY are strings naming paths relative to the .potential file. */
    public enum Kind {
        NUMBER, INTEGER, STRING, FILE, DIRECTORY,
        /** One of the param's {@code words}, written bare: {@code activation = linear}, {@code bias = false}. */
        WORD;

        public boolean isString() {
            return this == STRING || this == FILE || this == DIRECTORY;
        }
    }

    /**
     * One argument. {@code min} is a lower bound ({@code minExclusive}: strictly above it); NaN: none.
     * {@code defaultValue} is a Double, a String or null (required when {@code required}).
     */
    public record Param(String name, Kind kind, boolean required, Object defaultValue, double min, boolean minExclusive, List<String> words) {

        public Param(String name, Kind kind, boolean required, Object defaultValue, double min, boolean minExclusive) {
            this(name, kind, required, defaultValue, min, minExclusive, List.of());
        }

        /** A word argument: one of {@code words}, the first the default. */
        static Param word(String name, String... words) {
            return new Param(name, Kind.WORD, false, words[0], NONE, false, List.of(words));
        }

        static Param num(String name, double dflt, double min, boolean exclusive) {
            return new Param(name, Kind.NUMBER, false, dflt, min, exclusive);
        }

        static Param integer(String name, Double dflt, double min) {
            return new Param(name, Kind.INTEGER, false, dflt, min, false);
        }
    }

    /** A rule between the numeric arguments of an entry (defaults filled in): the message when it fails, else {@code null}. */
    @FunctionalInterface
    public interface Constraint {
        String violation(Map<String, Double> arguments);
    }

    /**
     * A data source's size before loading, from its numeric arguments (defaults filled in): {@code n} rows of {@code d}
     * features (NaN: known only after loading) and the outputs a classifier on it has.
     */
    public record DataSize(double n, double d, double outputs) {
    }

    /** A model's parameter count on {@code d} features with {@code outputs} outputs; NaN when unknown before building it. */
    @FunctionalInterface
    public interface ParameterCount {
        /** @param widths the positional arguments (mlp's widths), or {@code null} when one is not a number */
        double of(Map<String, Double> arguments, List<Double> widths, double d, double outputs);
    }

    /**
     * One entry of a vocabulary. {@code varargs}: any number of positional values of {@code params.get(0)}'s
     * kind (mlp's layer widths); {@code supported}: false for names reserved for a later version. {@code dataSize} (a data
     * source) and {@code parameterCount} (a model) size an experiment before it runs ({@code ExperimentLimits}); without
     * them the size is not checked.
     */
    public record Entry(String name, List<Param> params, boolean varargs, boolean supported, String description, Constraint constraint,
            InitialWeights.Rule initialWeights, java.util.function.Function<Map<String, Double>, DataSize> dataSize,
            ParameterCount parameterCount) {

        /** An entry whose arguments have no constraint between them. */
        public Entry(String name, List<Param> params, boolean varargs, boolean supported, String description) {
            this(name, params, varargs, supported, description, null, null, null, null);
        }

        /** The same entry with a constraint between its arguments. */
        Entry where(Constraint c) {
            return new Entry(name, params, varargs, supported, description, c, initialWeights, dataSize, parameterCount);
        }

        /** The same entry (an initialisation) with where it puts the weights. */
        Entry puts(InitialWeights.Rule rule) {
            return new Entry(name, params, varargs, supported, description, constraint, rule, dataSize, parameterCount);
        }

        /** The same entry (a data source) with its size before loading. */
        public Entry sized(java.util.function.Function<Map<String, Double>, DataSize> size) {
            return new Entry(name, params, varargs, supported, description, constraint, initialWeights, size, parameterCount);
        }

        /** The same entry (a model) with its parameter count. */
        public Entry counts(ParameterCount count) {
            return new Entry(name, params, varargs, supported, description, constraint, initialWeights, dataSize, count);
        }

        /** A name reserved for a later version: known, described, rejected as "not yet supported". */
        public static Entry placeholder(String name, String description) {
            return new Entry(name, List.of(), false, false, description);
        }

        /** {@code regression(n = 40, d = 400, noise = 0, seed = 1)}: the arguments with their defaults (hover). */
        public String signature() {
            if (params.isEmpty()) return name;
            StringBuilder sb = new StringBuilder(name).append('(');
            for (int i = 0; i < params.size(); i++) {
                Param p = params.get(i);
                sb.append(i == 0 ? "" : ", ").append(p.name());
                if (p.defaultValue() instanceof Double d) sb.append(" = ").append(org.bregman.potential.util.AstEval.fmt(d));
                else if (p.kind() == Kind.WORD) sb.append(" = ").append(String.join("|", p.words()));
                else if (p.defaultValue() instanceof String str) sb.append(" = \"").append(str).append('"');
            }
            return sb.append(varargs ? ", …)" : ")").toString();
        }

        public Param param(String n) {
            for (Param p : params) {
                if (p.name().equals(n)) return p;
            }
            return null;
        }
    }

    private static Registry<Entry> map(Entry... entries) {
        Registry<Entry> m = new Registry<>(Entry::name);
        for (Entry e : entries) m.register(e);
        return m;
    }

    private static final double NONE = Double.NaN;

    public static final Registry<Entry> DATA = map(
            withTestSplit(new Entry("regression", List.of(Param.integer("n", 40.0, 1), Param.integer("d", 400.0, 1),
                    Param.num("noise", 0, 0, false), Param.integer("seed", 1.0, 0)), false, true,
                    "synthetic linear regression y = X w* + noise, X Gaussian").sized(v -> new DataSize(v.get("n"), v.get("d"), 2))),
            withTestSplit(new Entry("teacher", List.of(Param.integer("n", 200.0, 1), Param.integer("d", 20.0, 1),
                    Param.integer("width", 16.0, 1), Param.integer("seed", 1.0, 0)), false, true,
                    "synthetic classification labelled by a random two-layer network").sized(v -> new DataSize(v.get("n"), v.get("d"), 2))),
            withTestSplit(new Entry("idx", List.of(new Param("images", Kind.FILE, true, null, NONE, false),
                    new Param("labels", Kind.FILE, true, null, NONE, false), Param.integer("limit", null, 1)), false, true,
                    "IDX image and label files (optionally gzipped)").sized(v -> new DataSize(NONE, NONE, 10))),
            new Entry("fashionMnist", List.of(Param.integer("limit", null, 1), Param.integer("test", 10000.0, 0),
                    new Param("dir", Kind.DIRECTORY, false, "/usr/share/datasets/fashion-mnist", NONE, false)), false, true,
                    "Fashion-MNIST IDX files (Debian package dataset-fashion-mnist)")
                    .sized(v -> new DataSize(v.getOrDefault("limit", 60000.0), 784, 10)),
            withTestSplit(new Entry("csv", List.of(new Param("file", Kind.FILE, true, null, NONE, false),
                    new Param("label", Kind.STRING, false, "label", NONE, false), Param.integer("limit", null, 1)), false, true,
                    "a CSV file with a header row; `label` names the target column")),
            new Entry("cifar10", List.of(new Param("dir", Kind.DIRECTORY, true, null, NONE, false), Param.integer("limit", null, 1),
                    Param.integer("test", 10000.0, 0), new Param("augment", Kind.STRING, false, "none", NONE, false)), false, true,
                    "CIFAR-10 in its binary format (data_batch_1.bin … test_batch.bin of cifar-10-binary.tar.gz); "
                            + "augment = \"crop4, flip\": random 4-pixel crops and left-right flips of the training images, drawn per seed"),
            withTestSplit(new Entry("separable", List.of(Param.integer("n", 200.0, 2), Param.integer("d", 20.0, 1),
                    Param.num("margin", 0.1, 0, true), Param.integer("seed", 1.0, 0)), false, true,
                    "two classes separated through the origin by a planted direction, with an l2 margin of at least `margin`")
                    .sized(v -> new DataSize(v.get("n"), v.get("d"), 2))),
            withTestSplit(new Entry("matrixSensing", List.of(Param.integer("n", 60.0, 1), Param.integer("d", 10.0, 1), Param.integer("rank", 2.0, 1),
                    Param.integer("seed", 1.0, 0)), false, true,
                    "n measurements <A_i, M*> of a planted d x d matrix M* of the given rank, A_i Gaussian (seed 003)")
                    .where(Vocabulary::rankAtMostD)),
            new Entry("matrixCompletion", List.of(Param.integer("d", 10.0, 1), Param.integer("rank", 2.0, 1), Param.integer("observed", 50.0, 1),
                    Param.integer("seed", 1.0, 0)), false, true,
                    "observed entries of a planted d x d matrix M* of the given rank; the unobserved entries are the test set (seed 003)")
                    .where(v -> {
                        String r = rankAtMostD(v);
                        Double d = v.get("d"), observed = v.get("observed");
                        if (r == null && d != null && observed != null && observed >= d * d) {
                            return "observed = " + AstEval.fmt(observed) + " must be below d² = " + AstEval.fmt(d * d) + " (the rest is the test set)";
                        }
                        return r;
                    }));

    private static String rankAtMostD(Map<String, Double> v) {
        Double rank = v.get("rank"), d = v.get("d");
        return rank != null && d != null && rank > d ? "rank = " + AstEval.fmt(rank) + " must be at most d = " + AstEval.fmt(d) : null;
    }

    /** The arguments that hold rows out of a data source for testing: a count or a fraction of its rows. */
    public static final String TEST = "test", TEST_FRACTION = "testFraction";

    /**
     * The entry with {@code test = N} / {@code testFraction = f} (rows held out of the source's rows for testing,
     * {@code org.bregman.train.data.TestSplit}), and the rules between them: not both, a fraction below 1, and for a
     * source whose row count {@code n} is an argument, fewer test rows than rows.
     */
    private static Entry withTestSplit(Entry e) {
        List<Param> ps = new java.util.ArrayList<>(e.params());
        ps.add(Param.integer(TEST, null, 0));
        ps.add(new Param(TEST_FRACTION, Kind.NUMBER, false, null, 0, true));
        return new Entry(e.name(), List.copyOf(ps), e.varargs(), e.supported(), e.description(), e.constraint(), e.initialWeights(),
                e.dataSize(), e.parameterCount()).where(v -> {
                    Double test = v.get(TEST), fraction = v.get(TEST_FRACTION), n = v.get("n");
                    if (test != null && fraction != null) return e.name() + ": give test or testFraction, not both";
                    if (fraction != null && !(fraction < 1)) return "testFraction must be below 1 (the rest of the rows train), got " + AstEval.fmt(fraction);
                    if (test != null && n != null && test >= n) {
                        return "test = " + AstEval.fmt(test) + " is not smaller than the " + AstEval.fmt(n) + " rows of " + e.name()
                                + " (test rows are held out of n); leave rows to train on";
                    }
                    if (fraction != null && n != null && Math.round(fraction * n) >= n) return "testFraction = " + AstEval.fmt(fraction)
                            + " leaves no training row of the " + AstEval.fmt(n) + " rows of " + e.name();
                    return e.constraint() == null ? null : e.constraint().violation(v);
                });
    }

    public static final Registry<Entry> MODELS = map(
            new Entry("linear", List.of(), false, true, "w·x").counts((v, widths, d, outputs) -> d + 1),
            new Entry("logistic", List.of(), false, true, "sigmoid(w·x)").counts((v, widths, d, outputs) -> d + 1),
            new Entry("diagonal", List.of(Param.integer("depth", 2.0, 1)), false, true,
                    "diagonal linear network w = u^D - v^D").counts((v, widths, d, outputs) -> 2 * d),
            new Entry("factorization", List.of(new Param("rank", Kind.INTEGER, true, null, 1, false)), false, true,
                    "matrix factorisation W = U V^T (U, V: d x rank) on d x d matrix data; rank = d is over-parameterised (seed 003)"),
            new Entry("mlp", List.of(new Param("width", Kind.INTEGER, true, null, 1, false), Param.word("bias", "true", "false"),
                    Param.word("activation", "relu", "linear")), true, true,
                    "dense network with the given hidden widths (ReLU, or linear: a deep linear network); bias = false makes it homogeneous"
                    + " of degree L = layers in its weights").counts(Vocabulary::denseParameters),
            new Entry("cnn", List.of(new Param("channels", Kind.INTEGER, false, null, 1, false), Param.integer("dense", 2048.0, 0),
                    Param.integer("kernel", 5.0, 1)), true, true,
                    "convolutions (channels given in order; valid padding, ReLU, 2x2 max-pooling each), a dense ReLU layer (0: none), the output;"
                    + " cnn alone is the seed's MNIST network: channels 32, 64, dense 2048, kernel 5 (2,171,786 parameters on 28x28 images)"),
            new Entry("resnet18", List.of(), false, true,
                    "ResNet-18, CIFAR variant: 3x3 stem, 4 stages of 2 basic blocks, batch normalisation (11,173,962 parameters for 10 classes)"),
            new Entry("vgg16", List.of(), false, true,
                    "VGG-16 with batch normalisation, CIFAR variant, 32x32 images (14,728,266 parameters for 10 classes)"));

    public static final Registry<Entry> LOSSES = map(
            new Entry("squared", List.of(), false, true, "mean squared error"),
            new Entry("crossEntropy", List.of(), false, true, "softmax cross-entropy"),
            new Entry("logistic", List.of(), false, true, "logistic loss"),
            new Entry("exponential", List.of(), false, true, "exponential loss"));

    public static final Registry<Entry> INITS = map(
            new Entry("normal", List.of(Param.num("mean", 0, NONE, false), Param.num("std", 0.01, 0, false)), false, true,
                    "independent Gaussian weights (std = 0: every weight is mean)")
                    .puts(v -> {
                        Double mean = v.get("mean"), std = v.get("std");
                        if (mean == null || std == null || !Double.isFinite(mean) || !(std >= 0) || Double.isInfinite(std)) return null;
                        return std == 0 ? InitialWeights.at(mean) : InitialWeights.centredAt(mean);
                    }),
            new Entry("uniform", List.of(Param.num("a", -0.01, NONE, false), Param.num("b", 0.01, NONE, false)), false, true,
                    "independent uniform weights on [a, b] (a = b: every weight is a)")
                    .where(v -> v.get("a") != null && v.get("b") != null && !(v.get("a") <= v.get("b"))
                            ? "uniform(a, b) needs a <= b (a = b puts every weight at a)" : null)
                    .puts(v -> {
                        Double a = v.get("a"), b = v.get("b");
                        if (a == null || b == null || !Double.isFinite(a) || !Double.isFinite(b) || a > b) return null;
                        return a.equals(b) ? InitialWeights.at(a) : InitialWeights.between(a, b);
                    }),
            new Entry("zeros", List.of(), false, true, "every parameter 0, biases included").puts(v -> InitialWeights.at(0)),
            new Entry("constant", List.of(new Param("c", Kind.NUMBER, true, null, NONE, false)), false, true,
                    "every parameter c, biases included")
                    .puts(v -> v.get("c") == null || !Double.isFinite(v.get("c")) ? null : InitialWeights.at(v.get("c"))));

    /**
     * Update rules compared with the mirrors ({@code optimizers SignDescent, SmoothedSign(eps = 0.1)}): the registry's
     * rules ({@link org.bregman.runtime.rules.UpdateRules}), each with its parameters plus an optional {@code lr} of its own.
     */
    public static final Registry<Entry> OPTIMIZERS = optimizers();

    private static Registry<Entry> optimizers() {
        List<Entry> out = new java.util.ArrayList<>();
        for (var rule : org.bregman.runtime.rules.UpdateRules.ALL.values()) {
            List<Param> ps = new java.util.ArrayList<>();
            for (var p : rule.params()) ps.add(Param.num(p.name(), p.defaultValue(), p.min(), p.minExclusive()));
            ps.add(new Param("lr", Kind.NUMBER, false, null, 0, true));
            out.add(new Entry(rule.name(), List.copyOf(ps), false, true, rule.description()));
        }
        return map(out.toArray(Entry[]::new));
    }

    /** The registry of the setting written {@code keyword} ({@code data}, {@code model}, …), or {@code null}. */
    public static Registry<Entry> ofSetting(String keyword) {
        return switch (keyword == null ? "" : keyword) {
            case "data" -> DATA;
            case "model" -> MODELS;
            case "loss" -> LOSSES;
            case "init" -> INITS;
            case "optimizers" -> OPTIMIZERS;
            default -> null;
        };
    }

    /**
     * Report items, in the order of their sections in {@code summary.md} (their applicability rules: {@link ReportItem}). The
     * trainer writes the item {@code name} with its class {@code org.bregman.train.report.<Name>Section}.
     */
    public static final Registry<ReportItem> REPORTS = new Registry<>(ReportItem::name)
            .register(new ReportItem("bregman", "D_ψ(final point of each mirror, initial point), per seed", ReportItem.ALWAYS))
            .register(new ReportItem("closest", "D_ψ(final point of each seed, initial point of each seed), per mirror", ReportItem.ALWAYS))
            .register(new ReportItem("exact", "distance to the exact Bregman minimiser over {w : Xw = y}", ReportItem.EXACT))
            .register(new ReportItem("kkt", "the Bregman projection's optimality conditions at each final point (kkt(P): of P's problem)", ReportItem.ALWAYS))
            .register(new ReportItem("histogram", "fractions of small final weights per mirror; |w| final against initial on a log axis,"
                    + " runs stopped at their budget included", ReportItem.ALWAYS))
            .register(new ReportItem("accuracy", "train and test accuracy of each run; test accuracy per mirror, mean ± std over seeds,"
                    + " ranked", ReportItem.CLASSIFICATION))
            .register(new ReportItem("margin", "the minimum margin of each run", ReportItem.CLASSIFICATION))
            .register(new ReportItem("combined", "D_ψ of every mirror from every initial point to every final point, in one table (Fig. 5 / Appendix B)",
                    ReportItem.ALWAYS))
            .register(new ReportItem("maxMargin", "each run's direction against the max-margin direction of its own geometry (lq for psi = c|w|^q),"
                    + " computed from the data alone", (item, s) -> s.model() != null && !"linear".equals(s.model()) && !"logistic".equals(s.model())
                            && MODELS.containsKey(s.model()) ? "report maxMargin needs model linear or logistic (a linear classifier's direction)"
                            : ReportItem.CLASSIFICATION.problem(item, s)))
            .register(new ReportItem("closeness", "D_ψ of each final point to its own initial point against the number of parameters"
                    + " (seed 000: closeness comes for free)", ReportItem.ALWAYS))
            .register(new ReportItem("nuclear", "nuclear norm of the final U V^T against the minimum nuclear norm among the solutions, computed"
                    + " independently, and the error on the test (unobserved) entries", (item, s) -> s.model() != null && !"factorization".equals(s.model())
                            && MODELS.containsKey(s.model()) ? "report nuclear needs model factorization" : null))
            .register(new ReportItem("neurons", "per hidden layer of an mlp: active neurons (|incoming| |outgoing| above 10 % / 1 % of the largest),"
                    + " a histogram of neuron sizes per mirror, zero activations on the training data (seed 002)", (item, s) -> s.model() != null
                            && !"mlp".equals(s.model()) && MODELS.containsKey(s.model()) ? "report neurons needs model mlp" : null))
            .register(new ReportItem("curves", "the training loss of every run per epoch", ReportItem.ALWAYS))
            .register(new ReportItem("predictors", "each run's final effective predictor, compared with those of the other reports in the output folder"
                    + " (Woodworth et al.'s equivalence)", (item, s) -> s.model() != null && !Set.of("linear", "logistic", "diagonal").contains(s.model())
                            && MODELS.containsKey(s.model()) ? "report predictors needs model linear, logistic or diagonal (a linear predictor)" : null));

    /** Quantities an {@code until} condition may test. */
    public static final List<String> METRICS = List.of("loss", "trainAccuracy", "testAccuracy", "epochs", "steps", "margin");

    /** What each metric is (content assist, hover). */
    public static final Map<String, String> METRIC_DESCRIPTIONS = Map.of("loss", "mean training loss",
            "trainAccuracy", "fraction of training examples classified correctly", "testAccuracy",
            "fraction of test examples classified correctly", "epochs", "passes over the training set", "steps", "parameter updates",
            "margin", "normalised margin min_i y_i f(x_i) / ||theta||_q^L in the mirror's geometry (classification, homogeneous models)");

    /** Metrics that grow by one per epoch / step: a lower bound on them ends every run. */
    public static final Set<String> COUNTERS = Set.of("epochs", "steps");

    /** Metrics that are fractions in [0, 1]. */
    public static final Set<String> FRACTIONS = Set.of("trainAccuracy", "testAccuracy");

    /** Settings an experiment must have. */
    public static final List<String> REQUIRED_SETTINGS = List.of("data", "model", "loss", "mirrors", "lr", "until");

    /** Weights and biases of dense layers of these widths from d inputs to {@code outputs}. */
    private static double denseParameters(Map<String, Double> arguments, List<Double> widths, double d, double outputs) {
        if (widths == null) return Double.NaN;
        double total = 0, in = d;
        for (double w : widths) {
            total += in * w + w;
            in = w;
        }
        return total + in * outputs + outputs;
    }

    /** Defaults of the optional settings (documented in the README). */
    public static final String DEFAULT_INIT = "normal";
    public static final int DEFAULT_SEED = 1;
    /** No batch setting: full batch. */
    public static final int DEFAULT_BATCH = 0;
    /** {@code lr auto}: the largest rate of a safeguarded step ({@code lr auto} is {@code lr 1 safeguarded}). */
    public static final double AUTO_LR = 1;
    public static final List<String> DEFAULT_REPORT = List.of("bregman", "closest");
}
