package org.bregman.train.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bregman.runtime.MirrorMap;
import org.bregman.train.data.Augmentation;
import org.bregman.train.data.Dataset;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * A DL4J {@link MultiLayerNetwork} trained by our own loop: DL4J computes the summed mini-batch
 * gradient into its flat gradient view, then ONE {@link MirrorMap#step(FloatBuffer, FloatBuffer, float)}
 * updates the flat parameter view in place (every layer at once).
 *
 * <p>The buffers are the views' off-heap memory: {@code data().asNioFloat()} starts at the underlying
 * buffer, not at the view, so the position is set to the view's {@code offset()} (the "offset trap").
 */
final class Dl4jModel extends DirectBufferModel {

    private final Net net;
    private final Dataset data;
    private final int k;
    private final int size;
    private final FloatBuffer params;
    private FloatBuffer grads;
    private long activations = -1;
    private final AugmentedExamples augmentation;
    private final List<String> names = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();

    private final BatchNormStatistics statistics;
    /** Passes whose activations reach this many bytes are followed by a garbage collection (tests set it). */
    long collectFrom = MemoryEstimate.COLLECT_BYTES;

    private Dl4jModel(Net net, Dataset data, int k) {
        this.net = net;
        this.data = data;
        this.augmentation = new AugmentedExamples(data);
        this.k = k;
        this.size = Math.toIntExact(net.model().numParams());
        this.params = view(net.model().params());
        long at = 0;
        for (Map.Entry<String, INDArray> e : net.model().paramTable().entrySet()) {
            names.add(e.getKey());
            starts.add(at);
            at += e.getValue().length();
        }
        this.statistics = new BatchNormStatistics(names, starts, size);
    }

    /**
     * The two kinds of DL4J network behind one type: a layer list or a graph (residual blocks). What DL4J's common
     * {@code Model} interface offers is here once; the rest each kind adapts.
     */
    private abstract static class Net {
        private final org.deeplearning4j.nn.api.Model model;

        Net(org.deeplearning4j.nn.api.Model model) {
            this.model = model;
        }

        org.deeplearning4j.nn.api.Model model() {
            return model;
        }

        /** The flat gradient view (the array both kinds' {@code getFlattenedGradients()} return). */
        INDArray flatGradients() {
            return model.getGradientsViewArray();
        }

        abstract void setData(INDArray x, INDArray y);

        abstract void computeGradient();

        abstract INDArray output(INDArray x);

        /** The activations of every layer (inference mode) for the examples {@code x}. */
        abstract Iterable<INDArray> activations(INDArray x);

        abstract Loss loss();
    }

    private static Net of(MultiLayerNetwork n) {
        return new Net(n) {
            public void setData(INDArray x, INDArray y) { n.setInput(x); n.setLabels(y); }
            public void computeGradient() { n.computeGradientAndScore(); }
            public INDArray output(INDArray x) { return n.output(x, false); }
            public Iterable<INDArray> activations(INDArray x) { return n.feedForward(x, false); }
            public Loss loss() {
                return ((Dl4jLoss) ((org.deeplearning4j.nn.conf.layers.BaseOutputLayer) n.getLayerWiseConfigurations()
                        .getConf(n.getnLayers() - 1).getLayer()).getLossFn()).loss();
            }
        };
    }

    private static Net of(ComputationGraph g) {
        return new Net(g) {
            public void setData(INDArray x, INDArray y) { g.setInputs(x); g.setLabels(y); }
            public void computeGradient() { g.computeGradientAndScore(); }
            public INDArray output(INDArray x) { return g.outputSingle(false, x); }
            public Iterable<INDArray> activations(INDArray x) { return g.feedForward(x, false).values(); }
            public Loss loss() {
                return ((Dl4jLoss) ((org.deeplearning4j.nn.conf.layers.BaseOutputLayer) ((org.deeplearning4j.nn.conf.graph.LayerVertex) g
                        .getConfiguration().getVertices().get("output")).getLayerConf().getLayer()).getLossFn()).loss();
            }
        };
    }

    static {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    private static NeuralNetConfiguration.ListBuilder base() {
        return new NeuralNetConfiguration.Builder()
                .seed(0) // parameters are overwritten by the experiment's init anyway
                .dataType(DataType.FLOAT)
                .updater(new NoOp())
                .weightInit(WeightInit.ZERO)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
    }

    private static OutputLayer output(Loss loss, Dataset data, int k, boolean bias) {
        return new OutputLayer.Builder(new Dl4jLoss(loss, !data.classification())).nOut(k).activation(Activation.IDENTITY).hasBias(bias).build();
    }

    /** The DL4J network that {@link DenseNetwork} replaced for {@code mlp}: its reference in tests and benchmarks. */
    static Dl4jModel mlp(List<Integer> hidden, boolean bias, boolean linear, Loss loss, Dataset data) {
        int k = loss.outputs(data.classes());
        NeuralNetConfiguration.ListBuilder b = base();
        for (int h : hidden) b.layer(new DenseLayer.Builder().nOut(h).activation(linear ? Activation.IDENTITY : Activation.RELU).hasBias(bias).build());
        b.layer(output(loss, data, k, bias));
        b.setInputType(InputType.feedForward(data.d()));
        return build(b.build(), data, k);
    }

    private static Dl4jModel build(MultiLayerConfiguration conf, Dataset data, int k) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new Dl4jModel(of(net), data, k);
    }

    /** A graph architecture of {@link Architectures} on image data. */
    static Dl4jModel graph(String model, Loss loss, Dataset data,
            java.util.function.Function<Architectures.Input, org.deeplearning4j.nn.conf.ComputationGraphConfiguration> architecture) {
        int[] s = Architectures.imageShape(model, data);
        int k = loss.outputs(data.classes());
        ComputationGraph g = new ComputationGraph(architecture.apply(new Architectures.Input(s[0], s[1], s[2], k, new Dl4jLoss(loss, !data.classification()))));
        g.init();
        return new Dl4jModel(of(g), data, k);
    }

    /** The view's own floats as a direct buffer: position = the view's offset in its data buffer. */
    static FloatBuffer view(INDArray a) {
        if (a.dataType() != DataType.FLOAT) throw new IllegalStateException("expected a float32 array, got " + a.dataType());
        if (!a.isVector() && a.length() != 1 || a.elementWiseStride() != 1) {
            throw new IllegalStateException("expected a contiguous flat vector, got shape " + java.util.Arrays.toString(a.shape()));
        }
        FloatBuffer b = a.data().asNioFloat();
        int off = Math.toIntExact(a.offset());
        b.limit(off + Math.toIntExact(a.length()));
        b.position(off);
        return b.slice();
    }

    @Override
    protected FloatBuffer parameters() {
        return params;
    }

    @Override
    public boolean[] optimised() {
        return statistics.any() ? statistics.optimised() : null;
    }

    @Override
    public double lastBatchLoss() {
        return net.model().score();
    }

    @Override
    public float[] initial(float[] drawn) {
        float[] p = drawn.clone();
        statistics.initialise(p);
        return p;
    }

    @Override
    public void augment(Augmentation a) {
        augmentation.set(a);
    }

    @Override
    public void trainingEpoch(long seed, long epoch) {
        augmentation.epoch(seed, epoch);
    }

    private INDArray rows(Dataset set, int[] order, int from, int to) {
        int d = set.d();
        float[] x = new float[(to - from) * d];
        for (int b = from; b < to; b++) System.arraycopy(set.x(), order[b] * d, x, (b - from) * d, d);
        return Nd4j.create(x, new long[] {to - from, d}, DataType.FLOAT);
    }

    /** The mini-batch of training examples {@code order[from..to)}, augmented when an augmentation is set. */
    private INDArray trainingRows(int[] order, int from, int to) {
        if (!augmentation.active()) return rows(data, order, from, to);
        int d = data.d();
        float[] x = new float[(to - from) * d];
        for (int b = from; b < to; b++) augmentation.copy(order[b], x, (b - from) * d);
        return Nd4j.create(x, new long[] {to - from, d}, DataType.FLOAT);
    }

    private INDArray labels(Dataset set, int[] order, int from, int to) {
        float[] y = new float[(to - from) * k];
        for (int b = from; b < to; b++) {
            int i = order[b];
            if (!set.classification()) y[(b - from) * k] = set.targets()[i];
            else if (k == 1) y[(b - from)] = set.labels()[i];
            else y[(b - from) * k + set.labels()[i]] = 1;
        }
        return Nd4j.create(y, new long[] {to - from, k}, DataType.FLOAT);
    }

    @Override
    public void gradient(int[] order, int from, int to) {
        net.setData(trainingRows(order, from, to), labels(data, order, from, to));
        net.computeGradient();
        if (grads == null) grads = view(net.flatGradients());
        releaseNativeGarbage(to - from);
    }

    /**
     * ND4J frees an array made outside its workspaces only when the JVM collects the array's small Java handle, and
     * the handles alone never fill the heap: without a collection, ResNet-18's passes at batch 128 left 0.6 GB of dead
     * activations each off the heap (BENCHMARKS.md, "ResNet-18 memory"). Passes with {@link MemoryEstimate#COLLECT_BYTES} of
     * activations or more (every pass of ResNet-18 and VGG-16, the chunks of their evaluations included; not the small
     * networks, whose steps take milliseconds) are followed by one.
     */
    private void releaseNativeGarbage(int examples) {
        if (4 * activationsPerExample() * examples >= collectFrom) System.gc();
    }

    @Override
    public int step(MirrorMap map, float lr) {
        // the plain float32 in-place step on ND4J's off-heap buffers: the fast path (vector kernel, threads).
        // No compensated iterate as in LinearModel: networks have no exact minimiser to compare with, and
        // it would double the parameter memory and run in scalar double precision.
        statistics.before(params, grads);
        int bad = map.step(params, grads, lr);
        statistics.after(params);
        return bad;
    }

    @Override
    public int step(org.bregman.runtime.rules.UpdateRule.Step rule, float lr) {
        float[] w = params();
        float[] g = new float[size];
        grads.duplicate().get(g);
        statistics.before(params, grads);
        int bad = rule.step(w, g, size, lr);
        setParams(w);
        statistics.after(params);
        return bad;
    }

    @Override
    public double batchLoss(int[] order, int from, int to) {
        float[][] f = net.output(trainingRows(order, from, to)).toFloatMatrix();
        releaseNativeGarbage(to - from);
        Loss loss = loss();
        double[] fi = new double[k];
        double sum = 0;
        for (int b = from; b < to; b++) {
            for (int j = 0; j < k; j++) fi[j] = f[b - from][j];
            int i = order[b];
            sum += loss.lossAndDerivative(fi, data.classification() ? data.labels()[i] : -1,
                    data.classification() ? 0 : data.targets()[i], null);
        }
        return sum;
    }

    private Loss loss() {
        return net.loss();
    }

    @Override
    public void sgdStep(float lr) {
        statistics.before(params, grads);
        INDArray p = net.model().params();
        INDArray g = net.flatGradients();
        Nd4j.getBlasWrapper().level1().axpy(p.length(), -lr, g.reshape(p.shape()), p);
        statistics.after(params);
    }

    /** Floats of all layers' activations for one example (one forward pass; computed once). */
    private long activationsPerExample() {
        if (activations < 0) {
            long sum = 0;
            for (INDArray a : net.activations(rows(data, new int[] {0}, 0, 1))) sum += a.length();
            activations = sum;
        }
        return activations;
    }

    @Override
    public String memoryProblem(int batch) {
        return MemoryEstimate.problem(size, activationsPerExample(), batch);
    }

    @Override
    public Metrics evaluate(Dataset set) {
        int n = set.n();
        int chunk = MemoryEstimate.evaluationChunk(activationsPerExample());
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        MetricsSum sum = new MetricsSum(set, loss(), k);
        double[] fi = sum.scores();
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            float[][] f = net.output(rows(set, all, from, to)).toFloatMatrix();
            releaseNativeGarbage(to - from);
            for (int b = from; b < to; b++) {
                for (int j = 0; j < k; j++) fi[j] = f[b - from][j];
                sum.add(b);
            }
        }
        return sum.metrics();
    }

    @Override
    public List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        boolean[] optimised = statistics.optimised();
        for (int j = 0; j < names.size(); j++) {
            int start = Math.toIntExact(starts.get(j));
            int end = j + 1 < names.size() ? Math.toIntExact(starts.get(j + 1)) : size;
            out.add(new Layer(names.get(j), start, end - start, end == start || optimised[start]));
        }
        return List.copyOf(out);
    }

    @Override
    public String coordinate(int i) {
        int at = 0;
        for (int j = 0; j < names.size(); j++) if (starts.get(j) <= i) at = j;
        return "parameter " + i + " (" + names.get(at) + "[" + (i - starts.get(at)) + "])";
    }

    @Override
    public void close() {
        net.model().clear();
        // DL4J's workspaces (for ResNet-18 at batch 128, 2 GB) belong to the thread, not the network: free them for the reports
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
    }
}
