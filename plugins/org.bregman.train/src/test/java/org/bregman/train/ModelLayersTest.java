package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bregman.potential.experiment.ModelLayers;
import org.bregman.potential.experiment.Vocabulary;
import org.bregman.train.data.Dataset;
import org.bregman.train.model.Layer;
import org.bregman.train.model.Loss;
import org.bregman.train.model.Model;
import org.bregman.train.model.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * The language's layer names ({@link ModelLayers}, which validation and content assist use) are the names of the trainer's
 * built models, for every model of the vocabulary; the layers cover the parameter vector in order.
 */
class ModelLayersTest {

    private static void agree(String name, List<Double> positional, Map<String, Double> named, ModelSpec spec, Dataset data) {
        agree(name, positional, named, spec, data, Loss.CROSS_ENTROPY);
    }

    private static void agree(String name, List<Double> positional, Map<String, Double> named, ModelSpec spec, Dataset data, Loss loss) {
        try (Model m = Model.create(spec, loss, data)) {
            List<Layer> layers = m.layers();
            int at = 0;
            List<String> optimised = new ArrayList<>();
            for (Layer l : layers) {
                assertEquals(at, l.offset(), name + ": " + l);
                at += l.length();
                if (l.optimised()) optimised.add(l.name());
            }
            assertEquals(m.size(), at, name);
            assertEquals(ModelLayers.of(name, positional, named), optimised, name);
        }
    }

    @Test
    void everyModelOfTheVocabularyNamesTheLayersTheLanguageKnows() {
        Dataset flat = ArchitecturesTest.images(2, 4, 1, 1);
        Dataset mnist = ArchitecturesTest.images(2, 28, 1, 1);
        Dataset cifar = ArchitecturesTest.images(2, 32, 3, 1);
        List<String> covered = new ArrayList<>();
        agree("linear", List.of(), Map.of(), new ModelSpec.Linear(), flat);
        agree("logistic", List.of(), Map.of(), new ModelSpec.Logistic(), flat);
        covered.addAll(List.of("linear", "logistic", "diagonal", "factorization", "mlp", "cnn", "resnet18", "vgg16"));
        agree("mlp", List.of(5.0, 3.0), Map.of(), new ModelSpec.Mlp(List.of(5, 3)), flat);
        agree("mlp", List.of(5.0), Map.of("bias", 0.0), new ModelSpec.Mlp(List.of(5), false, true), flat);
        agree("cnn", List.of(), Map.of(), ModelSpec.Cnn.of(List.of(), 16, 5), mnist);
        agree("cnn", List.of(4.0), Map.of("dense", 0.0), ModelSpec.Cnn.of(List.of(4), 0, 3), mnist);
        agree("resnet18", List.of(), Map.of(), new ModelSpec.ResNet18(), cifar);
        agree("vgg16", List.of(), Map.of(), new ModelSpec.Vgg16(), cifar);
        // the diagonal network has one output: a regression set
        Dataset regression = new org.bregman.train.data.DataSpec.Regression(4, 6, 0, 1).load(null);
        agree("diagonal", List.of(), Map.of(), new ModelSpec.Diagonal(2), regression, Loss.SQUARED);
        Dataset matrices = new org.bregman.train.data.DataSpec.MatrixSensing(8, 3, 1, 1).load(null);
        agree("factorization", List.of(2.0), Map.of(), new ModelSpec.Factorization(2), matrices, Loss.SQUARED);
        assertEquals(Vocabulary.MODELS.keySet().stream().sorted().toList(), covered.stream().sorted().toList(), "a model without a layer test");
    }
}
