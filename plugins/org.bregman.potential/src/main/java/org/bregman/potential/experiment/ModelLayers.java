package org.bregman.potential.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The layer names of every model, as layer-wise mirrors ({@code mirrors QNorm(q = 3) for layers "0_W", …}), per-layer
 * rates, {@code bregman run --list-layers} and the {@code .npy} layout of {@code results.json} name them: one name per
 * block of trained parameters, in the order of the model's flat parameter vector (DL4J's parameter-table keys for
 * networks; batch normalisation's scale {@code …bn_gamma} and shift {@code …bn_beta} are layers, its running statistics
 * are not trained and are not layers). The language needs them without the trainer (validation, content assist); the
 * trainer's models name their layers themselves, and {@code org.bregman.train.ModelLayersTest} checks that the two agree
 * for every model.
 */
public final class ModelLayers {
    private ModelLayers() {
    }

    /**
     * The layer names of {@code model} with its positional and named arguments (defaults of {@link Vocabulary#MODELS}
     * filled in here), or {@code null} for a model that does not name its layers.
     */
    public static List<String> of(String model, List<Double> positional, Map<String, Double> named) {
        if (model == null) return null;
        List<String> out = new ArrayList<>();
        switch (model) {
            case "linear", "logistic" -> out.add("W");
            case "diagonal" -> out.addAll(List.of("u", "v"));
            case "factorization" -> out.addAll(List.of("U", "V"));
            case "mlp" -> {
                boolean bias = named.getOrDefault("bias", 1.0) != 0; // bias = false: no l_b
                for (int i = 0; i <= positional.size(); i++) {
                    out.add(i + "_W");
                    if (bias) out.add(i + "_b");
                }
            }
            case "cnn" -> {
                int convolutions = positional.isEmpty() ? 2 : positional.size(); // cnn alone: channels 32, 64
                for (int i = 0; i < convolutions; i++) out.addAll(List.of("conv" + i + "_b", "conv" + i + "_W"));
                if (argument(model, "dense", named) > 0) out.addAll(List.of("dense0_W", "dense0_b"));
                out.addAll(List.of("output_W", "output_b"));
            }
            case "resnet18" -> {
                convBn(out, "stem", false);
                for (int stage = 1; stage <= 4; stage++) {
                    for (int block = 0; block < 2; block++) {
                        String name = "stage" + stage + ".block" + block;
                        convBn(out, name + ".1", false);
                        convBn(out, name + ".2", false);
                        if (stage > 1 && block == 0) convBn(out, name + ".shortcut", false); // the 1x1 projection
                    }
                }
                out.addAll(List.of("output_W", "output_b"));
            }
            case "vgg16" -> {
                int[] convolutions = {2, 2, 3, 3, 3};
                for (int g = 0; g < convolutions.length; g++) {
                    for (int c = 0; c < convolutions[g]; c++) convBn(out, "group" + (g + 1) + ".conv" + c, true);
                }
                out.addAll(List.of("output_W", "output_b"));
            }
            default -> {
                return null;
            }
        }
        return List.copyOf(out);
    }

    /** A convolution (DL4J puts its bias first) and its batch normalisation's scale and shift. */
    private static void convBn(List<String> out, String name, boolean bias) {
        if (bias) out.add(name + ".conv_b");
        out.addAll(List.of(name + ".conv_W", name + ".bn_gamma", name + ".bn_beta"));
    }

    private static double argument(String model, String name, Map<String, Double> named) {
        Double v = named.get(name);
        if (v != null) return v;
        Object d = Vocabulary.MODELS.get(model).param(name).defaultValue();
        return d instanceof Double x ? x : 0;
    }
}
