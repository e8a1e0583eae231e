package org.bregman.train.model;

import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The convolutional architectures of Azizan, Lale and Hassibi's experiments, as DL4J graphs. Layer
 * (vertex) names are the names the reports and layer-wise mirrors use: {@code conv0}, {@code bn0},
 * {@code stage1.block0.conv1}, … Parameters are created with zeros: the experiment's {@code init}
 * overwrites them (batch-normalisation scales and running statistics are then set by
 * {@link Dl4jModel#setParams}'s caller, see {@link BatchNormStatistics}).
 *
 * <ul>
 * <li>{@code cnn(channels, dense, kernel)}: convolutions (valid padding, ReLU) each followed by 2×2
 * max-pooling, dense ReLU layers, the output layer. The default — channels [32, 64], dense [2048],
 * kernel 5 — is the seed's "4-layer CNN with 2 convolution and 2 fully connected layers, wide enough to
 * obtain 2 × 10⁶ parameters": 2,171,786 parameters on 28 × 28 × 1 images with 10 classes.</li>
 * <li>{@code resnet18}: the CIFAR variant (He et al.; the layout of kuangliu/pytorch-cifar used by the
 * seed's code): a 3×3 stem of 64 channels, four stages of two basic blocks (64, 128, 256, 512 channels,
 * stride 2 from the second stage on, 1×1 projection shortcuts), global average pooling, a dense
 * output. 11,173,962 trainable parameters for 10 classes; convolutions without bias, as published.</li>
 * <li>{@code vgg16}: the CIFAR variant with batch normalisation (configuration D, 13 convolutions of
 * 3×3 with bias, max-pooling after each group, one dense output of 512 inputs): 14,728,266 trainable
 * parameters for 10 classes.</li>
 * </ul>
 */
public final class Architectures {

    private Architectures() {
    }

    /** Image size as {@code {height, width, channels}}, classes = outputs of the last layer. */
    public record Input(int height, int width, int channels, int outputs, ILossFunction loss) {
    }

    /** A trainable model of one of these architectures on image data (the name is for messages). */
    public static Model model(String name, java.util.function.Function<Input, ComputationGraphConfiguration> architecture,
            Loss loss, org.bregman.train.data.Dataset data) {
        return Dl4jModel.graph(name, loss, data, architecture);
    }

    static ComputationGraphConfiguration.GraphBuilder graph() {
        return new NeuralNetConfiguration.Builder()
                .seed(0)
                .dataType(DataType.FLOAT)
                .updater(new NoOp())
                .weightInit(WeightInit.ZERO)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs("input");
    }

    private static OutputLayer output(Input in) {
        return new OutputLayer.Builder(in.loss()).nOut(in.outputs()).activation(Activation.IDENTITY).build();
    }

    /** The configurable CNN; the image must stay at least 1 pixel after each convolution and pooling. */
    public static ComputationGraphConfiguration cnn(List<Integer> channels, List<Integer> dense, int kernel, Input in) {
        checkCnn(channels, dense, kernel, in.height(), in.width());
        ComputationGraphConfiguration.GraphBuilder g = graph();
        String last = "input";
        for (int i = 0; i < channels.size(); i++) {
            g.addLayer("conv" + i, new ConvolutionLayer.Builder(kernel, kernel).nOut(channels.get(i))
                    .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build(), last);
            g.addLayer("pool" + i, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Truncate).build(), "conv" + i);
            last = "pool" + i;
        }
        for (int i = 0; i < dense.size(); i++) {
            g.addLayer("dense" + i, new DenseLayer.Builder().nOut(dense.get(i)).activation(Activation.RELU).build(), last);
            last = "dense" + i;
        }
        g.addLayer("output", output(in), last);
        return g.setOutputs("output").setInputTypes(InputType.convolutionalFlat(in.height(), in.width(), in.channels())).build();
    }

    /** The configurable CNN's arguments on images of this size: every convolution and pooling leaves at least 1 pixel. */
    static void checkCnn(List<Integer> channels, List<Integer> dense, int kernel, int height, int width) {
        if (kernel < 1) throw new IllegalArgumentException("cnn: kernel must be at least 1, got " + kernel);
        int h = height, w = width;
        for (int c : channels) {
            if (c < 1) throw new IllegalArgumentException("cnn: a channel count must be at least 1, got " + c);
            h = (h - kernel + 1) / 2;
            w = (w - kernel + 1) / 2;
            if (h < 1 || w < 1) {
                throw new IllegalArgumentException("cnn: " + channels.size() + " convolutions of " + kernel + "x" + kernel
                        + " with 2x2 pooling do not fit " + height + "x" + width + " images");
            }
        }
        for (int d : dense) if (d < 1) throw new IllegalArgumentException("cnn: a dense width must be at least 1, got " + d);
    }

    /** The image's {@code {height, width, channels}}, or a clear message for data without images. */
    static int[] imageShape(String model, org.bregman.train.data.Dataset data) {
        int[] s = data.imageShape();
        if (s == null) throw new IllegalArgumentException("model " + model + " needs image data (idx, fashionMnist or cifar10); " + data.description() + " has none");
        return s;
    }

    /** conv 3×3 (no bias) → batch norm [→ ReLU]; returns the name of the last vertex. */
    private static String convBn(ComputationGraphConfiguration.GraphBuilder g, String name, String from, int out, int kernel,
            int stride, boolean relu) {
        g.addLayer(name + ".conv", new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(out)
                .hasBias(false).activation(Activation.IDENTITY).build(), from);
        g.addLayer(name + ".bn", new BatchNormalization.Builder().nOut(out).build(), name + ".conv");
        if (!relu) return name + ".bn";
        g.addLayer(name + ".relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + ".bn");
        return name + ".relu";
    }

    /** ResNet-18 for 32 × 32 images (any size works: the pooling is global). */
    public static ComputationGraphConfiguration resnet18(Input in) {
        ComputationGraphConfiguration.GraphBuilder g = graph();
        String last = convBn(g, "stem", "input", 64, 3, 1, true);
        int inChannels = 64;
        int[] widths = {64, 128, 256, 512};
        for (int s = 0; s < widths.length; s++) {
            for (int b = 0; b < 2; b++) {
                String name = "stage" + (s + 1) + ".block" + b;
                int stride = s > 0 && b == 0 ? 2 : 1;
                String a = convBn(g, name + ".1", last, widths[s], 3, stride, true);
                String c = convBn(g, name + ".2", a, widths[s], 3, 1, false);
                String shortcut = last;
                if (stride != 1 || inChannels != widths[s]) shortcut = convBn(g, name + ".shortcut", last, widths[s], 1, stride, false);
                g.addVertex(name + ".add", new ElementWiseVertex(ElementWiseVertex.Op.Add), c, shortcut);
                g.addLayer(name + ".relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + ".add");
                last = name + ".relu";
                inChannels = widths[s];
            }
        }
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
        g.addLayer("output", output(in), "pool");
        return g.setOutputs("output").setInputTypes(InputType.convolutionalFlat(in.height(), in.width(), in.channels())).build();
    }

    /** VGG-16 with batch normalisation for 32 × 32 images (five 2×2 poolings: 32 → 1). */
    public static ComputationGraphConfiguration vgg16(Input in) {
        if (in.height() != 32 || in.width() != 32) {
            throw new IllegalArgumentException("vgg16 (CIFAR variant) needs 32x32 images, got " + in.height() + "x" + in.width());
        }
        int[][] groups = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        ComputationGraphConfiguration.GraphBuilder g = graph();
        String last = "input";
        for (int gi = 0; gi < groups.length; gi++) {
            for (int ci = 0; ci < groups[gi].length; ci++) {
                String name = "group" + (gi + 1) + ".conv" + ci;
                g.addLayer(name + ".conv", new ConvolutionLayer.Builder(3, 3).nOut(groups[gi][ci]).activation(Activation.IDENTITY).build(), last);
                g.addLayer(name + ".bn", new BatchNormalization.Builder().nOut(groups[gi][ci]).build(), name + ".conv");
                g.addLayer(name + ".relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + ".bn");
                last = name + ".relu";
            }
            g.addLayer("group" + (gi + 1) + ".pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), last);
            last = "group" + (gi + 1) + ".pool";
        }
        g.addLayer("output", output(in), last);
        return g.setOutputs("output").setInputTypes(InputType.convolutionalFlat(in.height(), in.width(), in.channels())).build();
    }
}
