package org.phenoloc.engine.network;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Class-weighted focal loss on softmax outputs (Lin et al. 2017): per row with one-hot label t,
 * {@code -w_t (1 - p_t)^gamma log p_t}. Gamma 0 is the weighted cross-entropy of DL4J's {@code LossMCXENT}; a larger
 * gamma lowers the weight of cells the net already gets right (the many easy background windows), so the gradient is
 * spent on the hard ones. The pre-output is always turned into probabilities by a softmax (the layer's activation
 * must be softmax). Rows whose labels are all zero contribute nothing; the mask (a column) multiplies each row.
 */
public final class FocalLoss implements ILossFunction {
    private static final double EPS = 1e-7;
    private final double gamma;
    private final double[] weights;

    /**
     * @param gamma   focusing exponent, >= 0 (0 = weighted cross-entropy)
     * @param weights per-class weights (null: all 1)
     */
    public FocalLoss(double gamma, double[] weights) {
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("focal gamma must be >= 0, got " + gamma);
        }
        this.gamma = gamma;
        this.weights = weights == null ? null : weights.clone();
    }

    /** Per-row terms: the label class's weight s, the clipped label probability pt, and the probabilities p. */
    private record Rows(INDArray p, INDArray weighted, INDArray s, INDArray pt) {}

    private Rows rows(INDArray labels, INDArray preOutput) {
        INDArray p = Nd4j.exec(new SoftMax(preOutput.dup(), 1))[0];
        INDArray weighted = weights == null ? labels.dup()
                : labels.mulRowVector(Nd4j.create(weights).castTo(labels.dataType()));
        INDArray s = weighted.sum(true, 1);
        INDArray pt = Transforms.max(Transforms.min(p.mul(labels).sum(true, 1), 1 - EPS, false), EPS, false);
        return new Rows(p, weighted, s, pt);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return scoreArray(rows(labels, preOutput), mask);
    }

    private INDArray scoreArray(Rows r, INDArray mask) {
        INDArray oneMinus = r.pt().rsub(1.0);
        INDArray score = Transforms.log(r.pt(), true).muli(Transforms.pow(oneMinus, gamma, true)).muli(r.s()).negi();
        if (mask != null) {
            score.muli(mask.reshape(score.shape()).castTo(score.dataType()));
        }
        return score;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
            boolean average) {
        return score(scoreArray(rows(labels, preOutput), mask), average);
    }

    private static double score(INDArray arr, boolean average) {
        double score = arr.sumNumber().doubleValue();
        return average ? score / arr.size(0) : score;
    }

    /**
     * d/dz_j = F p_j - F_j with F_j = w_j y_j [(1 - p_t)^gamma - gamma p_t (1 - p_t)^(gamma - 1) log p_t] and F their
     * row sum: the weighted cross-entropy's gradient (gamma 0) with the focal factor in the weight.
     */
    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return gradient(rows(labels, preOutput), mask);
    }

    private INDArray gradient(Rows r, INDArray mask) {
        INDArray oneMinus = r.pt().rsub(1.0);
        INDArray factor = Transforms.pow(oneMinus, gamma, true);
        if (gamma > 0) {
            INDArray second = Transforms.pow(oneMinus, gamma - 1, true).muli(r.pt()).muli(Transforms.log(r.pt(), true))
                    .muli(gamma);
            factor.subi(second);
        }
        INDArray grad = r.p().mulColumnVector(r.s().mul(factor)).subi(r.weighted().mulColumnVector(factor));
        if (mask != null) {
            grad.muliColumnVector(mask.reshape(mask.size(0), 1).castTo(grad.dataType()));
        }
        return grad;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
            INDArray mask, boolean average) {
        Rows r = rows(labels, preOutput); // one softmax for both
        return new Pair<>(score(scoreArray(r, mask), average), gradient(r, mask));
    }

    @Override
    public String name() {
        return "FocalLoss(gamma=" + gamma + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
