package org.bregman.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.bregman.potential.api.ResolvedExperiment.Call;
import org.bregman.train.data.DataSpec;
import org.bregman.train.model.Loss;
import org.bregman.train.model.ModelSpec;
import org.bregman.potential.api.Until;

/**
 * The trainer's half of the experiment vocabulary: one factory per name that the language describes
 * ({@link org.bregman.potential.experiment.Vocabulary}: names, arguments, defaults, descriptions). A factory turns
 * the resolved call, defaults already filled in, into the trainer's typed description, which owns its behaviour
 * ({@link ModelSpec#create}, {@link DataSpec#load}, {@link InitSpec#draw}). Report writers are found by name by
 * {@link org.bregman.train.report.ReportSections}; losses and stopping metrics are the enums {@link Loss} and
 * {@link Until.Metric}. {@code TrainingRegistryTest} fails when a described name has no factory here.
 */
public final class TrainingRegistry {
    private TrainingRegistry() {
    }

    /** The factories of one kind, by name. */
    public static final class Factories<T> {
        private final String kind;
        private final Map<String, BiFunction<Call, Loss, T>> byName = new LinkedHashMap<>();

        Factories(String kind) {
            this.kind = kind;
        }

        /** Registers the factory of {@code name} (a test may register one of its own). */
        public synchronized Factories<T> register(String name, BiFunction<Call, Loss, T> factory) {
            if (byName.putIfAbsent(name, factory) != null) throw new IllegalStateException(kind + " " + name + " is registered twice");
            return this;
        }

        /** Removes what a test registered. */
        public synchronized void unregister(String name) {
            byName.remove(name);
        }

        public synchronized List<String> names() {
            return List.copyOf(byName.keySet());
        }

        /** The trainer's object for a resolved call ({@code loss}: the experiment's, which some data sources read). */
        public T create(Call call, Loss loss) {
            BiFunction<Call, Loss, T> f;
            synchronized (this) {
                f = byName.get(call.name());
            }
            if (f == null) throw new IllegalArgumentException(kind + " " + call.name() + " is not supported by the trainer");
            return f.apply(call, loss);
        }
    }

    public static final Factories<DataSpec> DATA = new Factories<DataSpec>("data")
            .register("regression", (c, l) -> new DataSpec.Regression(c.integer("n"), c.integer("d"), c.number("noise"), c.integer("seed")))
            .register("teacher", (c, l) -> new DataSpec.Teacher(c.integer("n"), c.integer("d"), c.integer("width"), c.integer("seed")))
            .register("idx", (c, l) -> new DataSpec.Idx(c.string("images"), c.string("labels"), c.integer("limit", 0)))
            .register("fashionMnist", (c, l) -> new DataSpec.FashionMnist(c.integer("limit", 0), c.integer("test"), c.string("dir")))
            .register("csv", (c, l) -> new DataSpec.Csv(c.string("file"), c.string("label"), l.classification(), c.integer("limit", 0)))
            .register("cifar10", (c, l) -> new DataSpec.Cifar10(c.string("dir"), c.integer("limit", 0), c.integer("test"),
                    org.bregman.train.data.Augmentation.parse(c.string("augment"))))
            .register("separable", (c, l) -> new DataSpec.Separable(c.integer("n"), c.integer("d"), c.number("margin"), c.integer("seed")))
            .register("matrixSensing", (c, l) -> new DataSpec.MatrixSensing(c.integer("n"), c.integer("d"), c.integer("rank"), c.integer("seed")))
            .register("matrixCompletion", (c, l) -> new DataSpec.MatrixCompletion(c.integer("d"), c.integer("rank"), c.integer("observed"),
                    c.integer("seed")));

    public static final Factories<ModelSpec> MODELS = new Factories<ModelSpec>("model")
            .register("linear", (c, l) -> new ModelSpec.Linear())
            .register("logistic", (c, l) -> new ModelSpec.Logistic())
            .register("diagonal", (c, l) -> new ModelSpec.Diagonal(c.integer("depth")))
            .register("factorization", (c, l) -> new ModelSpec.Factorization(c.integer("rank")))
            .register("mlp", (c, l) -> new ModelSpec.Mlp(c.positional().stream().map(o -> (int) Math.round((Double) o)).toList(),
                    !"false".equals(c.string("bias")), "linear".equals(c.string("activation"))))
            .register("cnn", (c, l) -> ModelSpec.Cnn.of(c.positional().stream().map(o -> (int) Math.round((Double) o)).toList(),
                    c.integer("dense"), c.integer("kernel")))
            .register("resnet18", (c, l) -> new ModelSpec.ResNet18())
            .register("vgg16", (c, l) -> new ModelSpec.Vgg16());

    public static final Factories<InitSpec> INITS = new Factories<InitSpec>("init")
            .register("normal", (c, l) -> new InitSpec.Normal(c.number("mean"), c.number("std")))
            .register("uniform", (c, l) -> new InitSpec.Uniform(c.number("a"), c.number("b")))
            .register("zeros", (c, l) -> new InitSpec.Zeros())
            .register("constant", (c, l) -> new InitSpec.Constant(c.number("c")));
}
