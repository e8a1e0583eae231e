package org.bregman.train.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * {@link Loss} as a DL4J loss function on the output layer's scores, so that DL4J models and the
 * plain-Java linear models minimise exactly the same function. Labels have k columns: the target
 * (regression), the class 0/1 (one output) or one-hot (k &gt; 1).
 */
final class Dl4jLoss implements ILossFunction {

    private static final long serialVersionUID = 1L;

    private final Loss loss;
    private final boolean regression;

    Dl4jLoss(Loss loss, boolean regression) {
        this.loss = loss;
        this.regression = regression;
    }

    private INDArray scoresAndGrad(INDArray labels, INDArray preOutput, IActivation act, INDArray mask, double[] perExample) {
        if (mask != null) throw new UnsupportedOperationException("masks are not supported");
        INDArray out = act.getActivation(preOutput.dup(), true);
        float[][] f = out.toFloatMatrix();
        float[][] t = labels.toFloatMatrix();
        int n = f.length;
        int k = f[0].length;
        float[][] grad = new float[n][k];
        double[] fi = new double[k];
        double[] di = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) fi[j] = f[i][j];
            int label;
            if (regression) label = -1;
            else if (k == 1) label = t[i][0] > 0.5f ? 1 : 0;
            else {
                label = 0;
                for (int j = 1; j < k; j++) if (t[i][j] > t[i][label]) label = j;
            }
            perExample[i] = loss.lossAndDerivative(fi, label, regression ? t[i][0] : 0, di);
            for (int j = 0; j < k; j++) grad[i][j] = (float) di[j];
        }
        INDArray dLdOut = Nd4j.create(grad);
        return act.backprop(preOutput.dup(), dLdOut).getFirst();
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation act, INDArray mask, boolean average) {
        double[] per = new double[(int) preOutput.size(0)];
        scoresAndGrad(labels, preOutput, act, mask, per);
        double s = 0;
        for (double v : per) s += v;
        return average ? s / per.length : s;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation act, INDArray mask) {
        double[] per = new double[(int) preOutput.size(0)];
        scoresAndGrad(labels, preOutput, act, mask, per);
        return Nd4j.createFromArray(per).castTo(preOutput.dataType()).reshape(per.length, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation act, INDArray mask) {
        double[] per = new double[(int) preOutput.size(0)];
        return scoresAndGrad(labels, preOutput, act, mask, per);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation act, INDArray mask,
            boolean average) {
        double[] per = new double[(int) preOutput.size(0)];
        INDArray g = scoresAndGrad(labels, preOutput, act, mask, per);
        double s = 0;
        for (double v : per) s += v;
        return new Pair<>(average ? s / per.length : s, g);
    }

    Loss loss() {
        return loss;
    }

    @Override
    public String name() {
        return "bregman-" + loss.keyword();
    }
}
