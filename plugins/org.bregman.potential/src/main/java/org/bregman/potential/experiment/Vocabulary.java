package org.bregman.potential.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        NUMBER, INTEGER, STRING, FILE, DIRECTORY;

        public boolean isString() {
            return this == STRING || this == FILE || this == DIRECTORY;
        }
    }

    /**
     * One argument. {@code min} is a lower bound ({@code minExclusive}: strictly above it); NaN: none.
     * {@code defaultValue} is a Double, a String or null (required when {@code required}).
     */
    public record Param(String name, Kind kind, boolean required, Object defaultValue, double min, boolean minExclusive) {
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
     * One entry of a vocabulary. {@code varargs}: any number of positional values of {@code params.get(0)}'s
     * kind (mlp's layer widths); {@code supported}: false for names reserved for a later version.
     */
    public record Entry(String name, List<Param> params, boolean varargs, boolean supported, String description, Constraint constraint,
            InitialWeights.Rule initialWeights) {

        /** An entry whose arguments have no constraint between them. */
        public Entry(String name, List<Param> params, boolean varargs, boolean supported, String description) {
            this(name, params, varargs, supported, description, null, null);
        }

        /** The same entry with a constraint between its arguments. */
        Entry where(Constraint c) {
            return new Entry(name, params, varargs, supported, description, c, initialWeights);
        }

        /** The same entry (an initialisation) with where it puts the weights. */
        Entry puts(InitialWeights.Rule rule) {
            return new Entry(name, params, varargs, supported, description, constraint, rule);
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

    /** The entries of one kind, in registration order (the order of content assist and of "known: …" lists). */
    public static final class Registry<E> {
        private final Map<String, E> entries = new LinkedHashMap<>();
        private final java.util.function.Function<E, String> name;

        Registry(java.util.function.Function<E, String> name) {
            this.name = name;
        }

        /** Adds an entry; a test may register one of its own (a name is registered once). */
        public synchronized Registry<E> register(E entry) {
            String n = name.apply(entry);
            if (entries.putIfAbsent(n, entry) != null) throw new IllegalStateException(n + " is registered twice");
            return this;
        }

        /** Removes what a test registered. */
        public synchronized void unregister(String n) {
            entries.remove(n);
        }

        public synchronized E get(String n) {
            return n == null ? null : entries.get(n);
        }

        public synchronized boolean containsKey(String n) {
            return n != null && entries.containsKey(n);
        }

        public synchronized List<String> keySet() {
            return List.copyOf(entries.keySet());
        }

        public synchronized List<E> values() {
            return List.copyOf(entries.values());
        }
    }

    private static Registry<Entry> map(Entry... entries) {
        Registry<Entry> m = new Registry<>(Entry::name);
        for (Entry e : entries) m.register(e);
        return m;
    }

    private static final double NONE = Double.NaN;

    public static final Registry<Entry> DATA = map(
            new Entry("regression", List.of(Param.integer("n", 40.0, 1), Param.integer("d", 400.0, 1),
                    Param.num("noise", 0, 0, false), Param.integer("seed", 1.0, 0)), false, true,
                    "synthetic linear regression y = X w* + noise, X Gaussian"),
            new Entry("teacher", List.of(Param.integer("n", 200.0, 1), Param.integer("d", 20.0, 1),
                    Param.integer("width", 16.0, 1), Param.integer("seed", 1.0, 0)), false, true,
                    "synthetic classification labelled by a random two-layer network"),
            new Entry("idx", List.of(new Param("images", Kind.FILE, true, null, NONE, false),
                    new Param("labels", Kind.FILE, true, null, NONE, false), Param.integer("limit", null, 1)), false, true,
                    "IDX image and label files (optionally gzipped)"),
            new Entry("fashionMnist", List.of(Param.integer("limit", null, 1), Param.integer("test", 10000.0, 0),
                    new Param("dir", Kind.DIRECTORY, false, "/usr/share/datasets/fashion-mnist", NONE, false)), false, true,
                    "Fashion-MNIST IDX files (Debian package dataset-fashion-mnist)"),
            new Entry("csv", List.of(new Param("file", Kind.FILE, true, null, NONE, false),
                    new Param("label", Kind.STRING, false, "label", NONE, false), Param.integer("limit", null, 1)), false, true,
                    "a CSV file with a header row; `label` names the target column"),
            new Entry("cifar10", List.of(new Param("dir", Kind.DIRECTORY, true, null, NONE, false), Param.integer("limit", null, 1),
                    Param.integer("test", 10000.0, 0)), false, true,
                    "CIFAR-10 in its binary format (data_batch_1.bin … test_batch.bin of cifar-10-binary.tar.gz)"),
            new Entry("separable", List.of(Param.integer("n", 200.0, 2), Param.integer("d", 20.0, 1), Param.num("margin", 0.1, 0, true),
                    Param.integer("seed", 1.0, 0)), false, true,
                    "two classes separated through the origin by a planted direction, with an l2 margin of at least `margin`"));

    public static final Registry<Entry> MODELS = map(
            new Entry("linear", List.of(), false, true, "w·x"),
            new Entry("logistic", List.of(), false, true, "sigmoid(w·x)"),
            new Entry("diagonal", List.of(Param.integer("depth", 2.0, 1)), false, true,
                    "diagonal linear network w = u^D - v^D"),
            new Entry("mlp", List.of(new Param("width", Kind.INTEGER, true, null, 1, false)), true, true,
                    "dense ReLU network with the given hidden widths"),
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

    /** Report items, in the order the spec lists them (their applicability rules: {@link ReportItem}). */
    public static final Registry<ReportItem> REPORTS = new Registry<>(ReportItem::name)
            .register(new ReportItem("bregman", "D_ψ(final point of each mirror, initial point), per seed", ReportItem.ALWAYS))
            .register(new ReportItem("closest", "D_ψ(final point of each seed, initial point of each seed), per mirror", ReportItem.ALWAYS))
            .register(new ReportItem("exact", "distance to the exact Bregman minimiser over {w : Xw = y}", ReportItem.EXACT))
            .register(new ReportItem("histogram", "fractions of small final weights per mirror", ReportItem.ALWAYS))
            .register(new ReportItem("accuracy", "train and test accuracy of each run", ReportItem.CLASSIFICATION))
            .register(new ReportItem("curves", "the training loss of every run per epoch", ReportItem.ALWAYS))
            .register(new ReportItem("margin", "the minimum margin of each run", ReportItem.CLASSIFICATION))
            .register(new ReportItem("kkt", "the Bregman projection's optimality conditions at each final point (kkt(P): of P's problem)", ReportItem.ALWAYS))
            .register(new ReportItem("combined", "D_ψ of every mirror from every initial point to every final point, in one table (Fig. 5 / Appendix B)",
                    ReportItem.ALWAYS))
            .register(new ReportItem("maxMargin", "each run's direction against the max-margin direction of its own geometry (lq for psi = c|w|^q),"
                    + " computed from the data alone", (item, s) -> s.model() != null && !"linear".equals(s.model()) && !"logistic".equals(s.model())
                            && MODELS.containsKey(s.model()) ? "report maxMargin needs model linear or logistic (a linear classifier's direction)"
                            : ReportItem.CLASSIFICATION.problem(item, s)))
            .register(new ReportItem("predictors", "each run's final effective predictor, compared with those of the other reports in the output folder"
                    + " (Woodworth et al.'s equivalence)", (item, s) -> s.model() != null && !Set.of("linear", "logistic", "diagonal").contains(s.model())
                            && MODELS.containsKey(s.model()) ? "report predictors needs model linear, logistic or diagonal (a linear predictor)" : null));

    /** Quantities an {@code until} condition may test. */
    public static final List<String> METRICS = List.of("loss", "trainAccuracy", "testAccuracy", "epochs", "steps");

    /** What each metric is (content assist, hover). */
    public static final Map<String, String> METRIC_DESCRIPTIONS = Map.of("loss", "mean training loss",
            "trainAccuracy", "fraction of training examples classified correctly", "testAccuracy",
            "fraction of test examples classified correctly", "epochs", "passes over the training set", "steps", "parameter updates");

    /** Metrics that grow by one per epoch / step: a lower bound on them ends every run. */
    public static final Set<String> COUNTERS = Set.of("epochs", "steps");

    /** Metrics that are fractions in [0, 1]. */
    public static final Set<String> FRACTIONS = Set.of("trainAccuracy", "testAccuracy");

    /** Settings an experiment must have. */
    public static final List<String> REQUIRED_SETTINGS = List.of("data", "model", "loss", "mirrors", "lr", "until");

    /** Defaults of the optional settings (documented in the README). */
    public static final String DEFAULT_INIT = "normal";
    public static final int DEFAULT_SEED = 1;
    /** No batch setting: full batch. */
    public static final int DEFAULT_BATCH = 0;
    /** {@code lr auto}: the largest rate of a safeguarded step ({@code lr auto} is {@code lr 1 safeguarded}). */
    public static final double AUTO_LR = 1;
    public static final List<String> DEFAULT_REPORT = List.of("bregman", "closest");
}
