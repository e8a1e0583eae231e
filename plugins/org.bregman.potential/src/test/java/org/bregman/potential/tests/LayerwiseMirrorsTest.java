package org.bregman.potential.tests;

import static org.bregman.potential.tests.DiagnosticsTest.experiment;
import static org.bregman.potential.tests.Texts.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.bregman.potential.api.ResolvedExperiment;
import org.bregman.potential.experiment.ModelLayers;
import org.junit.jupiter.api.Test;

/**
 * Layer-wise mirrors ({@code mirrors A for layers "…", B otherwise}) and per-layer rates ({@code lr … per layer { "…": r }}):
 * how uses group into mirrors, what they resolve to, and the located errors (unknown layer with the model's layers, a
 * layer twice, layers left without a mirror, {@code otherwise} alone).
 */
class LayerwiseMirrorsTest {

    private static String mlp(String mirrors, String lr) {
        return experiment(" data teacher(n = 8, d = 4, width = 3)", " model mlp(5)", " loss crossEntropy", mirrors, lr,
                " until epochs >= 2");
    }

    @Test
    void groupsResolveToOneRunEachWithPartsAndRates() {
        String t = mlp(" mirrors QNorm(q = 3) for layers \"0_W\", \"1_W\", QNorm(q = 2) otherwise, QNorm(q = 10), QNorm for layers \"0_W\",\n"
                + "    QNorm(q = 2) for layers \"0_b\", \"1_W\", \"1_b\"", " lr 0.1 per mirror { QNorm(q = 2): 0.05 } per layer { \"1_b\": 0.001 }");
        assertClean(t);
        ResolvedExperiment x = check(t).experiment("X");
        assertEquals(List.of("QNorm(q = 10)"), x.mirrors().stream().map(ResolvedExperiment.Mirror::label).toList());
        List<ResolvedExperiment.Layerwise> lw = x.layerwise();
        assertEquals(List.of("QNorm(q = 3) for 0_W, 1_W; QNorm(q = 2) otherwise", "QNorm(q = 3) for 0_W; QNorm(q = 2) for 0_b, 1_W, 1_b"),
                lw.stream().map(ResolvedExperiment.Layerwise::label).toList());
        assertEquals(List.of("0_W", "1_W"), lw.get(0).parts().get(0).layers());
        assertEquals(List.of(), lw.get(0).parts().get(1).layers());
        assertEquals(0.1, lw.get(0).parts().get(0).mirror().lr());
        assertEquals(0.05, lw.get(0).parts().get(1).mirror().lr()); // its per-mirror rate
        assertEquals(3.0, lw.get(0).parts().get(0).mirror().values().get("q"));
        assertEquals(Map.of("1_b", 0.001), x.layerRates());
    }

    @Test
    void anUnknownLayerIsLocatedAndListsTheModelsLayers() {
        assertErrorAt(mlp(" mirrors QNorm(q = 3) for layers \"0_W\", \"2_W\", QNorm(q = 2) otherwise", " lr 0.1"), 8, "\"2_W\"", "unknown layer \"2_W\"", "the layers of this model are 0_W, 0_b, 1_W, 1_b");
    }

    @Test
    void aLayerTwiceInOneMirrorIsAnError() {
        assertErrorAt(mlp(" mirrors QNorm(q = 3) for layers \"0_W\", QNorm(q = 2) for layers \"1_W\", \"0_W\", QNorm otherwise", " lr 0.1"), 8, "\"0_W\"", 1, "layer \"0_W\" is listed twice");
    }

    @Test
    void layersWithoutAMirrorNeedOtherwise() {
        assertErrorAt(mlp(" mirrors QNorm(q = 3) for layers \"0_W\", \"1_W\"", " lr 0.1"), 8, "\"1_W\"", "layers 0_b, 1_b have no mirror", "otherwise");
        assertClean(mlp(" mirrors QNorm(q = 3) for layers \"0_W\", \"1_W\", QNorm for layers \"0_b\", \"1_b\"", " lr 0.1"));
    }

    @Test
    void otherwiseAloneIsAnError() {
        assertErrorAt(mlp(" mirrors QNorm(q = 3), QNorm(q = 2) otherwise", " lr 0.1"), 8, "otherwise", "otherwise needs mirrors for layers");
    }

    @Test
    void theSameLayerwiseMirrorTwiceIsAnError() {
        assertErrorAt(mlp(" mirrors QNorm for layers \"0_W\", QNorm(q = 2) otherwise, QNorm for layers \"0_W\", QNorm(q = 2) otherwise", " lr 0.1"), 8, "QNorm", 2, "is listed twice");
    }

    @Test
    void perLayerRatesNameKnownLayersOnceWithPositiveRates() {
        String t = mlp(" mirrors QNorm", " lr 0.1 per layer { \"0_W\": 0.01, \"9_W\": 0.1, \"0_W\": 0.2, \"1_b\": 0 }");
        assertErrorAt(t, 9, "\"9_W\"", "unknown layer \"9_W\"", "0_W, 0_b, 1_W, 1_b");
        assertErrorAt(t, 9, "\"0_W\"", 1, "layer \"0_W\" has two learning rates");
        assertErrorAt(t, 9, "0 }", "the learning rate must be > 0, not 0");
    }

    @Test
    void everyModelNamesItsLayers() {
        assertEquals(List.of("W"), ModelLayers.of("linear", List.of(), Map.of()));
        assertEquals(List.of("u", "v"), ModelLayers.of("diagonal", List.of(), Map.of()));
        assertEquals(List.of("0_W", "0_b", "1_W", "1_b", "2_W", "2_b"), ModelLayers.of("mlp", List.of(8.0, 4.0), Map.of()));
        assertEquals(List.of("conv0_b", "conv0_W", "conv1_b", "conv1_W", "dense0_W", "dense0_b", "output_W", "output_b"),
                ModelLayers.of("cnn", List.of(), Map.of()));
        assertEquals(List.of("conv0_b", "conv0_W", "output_W", "output_b"), ModelLayers.of("cnn", List.of(4.0), Map.of("dense", 0.0)));
        // ResNet-18: stem + 16 convolutions in blocks + 3 projections, each with batch-norm scale and shift, + the output
        assertEquals(3 * 20 + 2, ModelLayers.of("resnet18", List.of(), Map.of()).size());
        assertEquals(4 * 13 + 2, ModelLayers.of("vgg16", List.of(), Map.of()).size());
        assertNull(ModelLayers.of("unknownNet", List.of(), Map.of()));
    }
}
