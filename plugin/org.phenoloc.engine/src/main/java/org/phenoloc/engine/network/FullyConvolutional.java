package org.phenoloc.engine.network;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The patch classifier of an {@link Architecture} written as the fully convolutional network it becomes when it
 * scans: the same conv stack, the fully connected layers as 1x1 convolutions, and a per-cell softmax loss. Trained on
 * a crop of side {@link #inputSize(Architecture, int)} it sees {@code cells x cells} windows at the net's native
 * stride in one pass, sharing all overlapping work: every window the scanner will ask about becomes a training
 * sample. {@link #copyInto} moves the trained weights into the classifier of the same architecture (the layout the
 * model file, the scanners and the KNIME nodes use), so nothing downstream changes.
 */
public final class FullyConvolutional {
    private FullyConvolutional() {}

    /** Input side of a crop whose output is {@code cells x cells} windows: window + native stride * (cells - 1). */
    public static int inputSize(Architecture a, int cells) {
        return a.window() + a.stride() * (cells - 1);
    }

    /**
     * @param classWeights per-class loss weights (class-balanced training), or null for plain cross-entropy
     */
    public static MultiLayerNetwork build(Architecture a, int cells, IUpdater updater, double l2, long seed,
            double[] classWeights) {
        return build(a, cells, updater, l2, seed, classWeights, 0);
    }

    /**
     * @param classWeights per-class loss weights (class-balanced training), or null for plain cross-entropy
     * @param focalGamma   focusing exponent of the loss ({@link FocalLoss}); 0 = (weighted) cross-entropy
     */
    public static MultiLayerNetwork build(Architecture a, int cells, IUpdater updater, double l2, long seed,
            double[] classWeights, double focalGamma) {
        Backend.init();
        var list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(updater)
                .l2(l2)
                .convolutionMode(ConvolutionMode.Truncate)
                .list();
        int layer = NetworkFactory.addConvStack(list, a);
        boolean first = true;
        for (int width : a.denseWidths()) {
            var conv = new ConvolutionLayer.Builder(1, 1).stride(1, 1).nOut(width).activation(Activation.RELU);
            if (!first && a.dropout() > 0) {
                conv.dropOut(1 - a.dropout());
            }
            list.layer(layer++, conv.build());
            first = false;
        }
        var scores = new ConvolutionLayer.Builder(1, 1).stride(1, 1).nOut(a.classes()).activation(Activation.IDENTITY);
        if (!a.denseWidths().isEmpty() && a.dropout() > 0) {
            scores.dropOut(1 - a.dropout());
        }
        list.layer(layer++, scores.build());
        ILossFunction loss = focalGamma > 0 ? new FocalLoss(focalGamma, classWeights)
                : classWeights == null ? new LossMCXENT() : new LossMCXENT(Nd4j.create(classWeights));
        list.layer(layer, new CnnLossLayer.Builder().lossFunction(loss).activation(Activation.SOFTMAX).build());
        int size = inputSize(a, cells);
        list.setInputType(InputType.convolutional(size, size, a.channels()));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /**
     * Copies the weights of a network built by {@link #build} into a classifier built by
     * {@link NetworkFactory#build} for the same architecture: conv stack and batch norm as they are, each 1x1
     * convolution {@code [out, in, 1, 1]} into the dense layer's {@code [in, out]}.
     */
    public static void copyInto(MultiLayerNetwork fcn, MultiLayerNetwork classifier) {
        var from = fcn.getLayers();
        var to = classifier.getLayers();
        if (from.length != to.length + 1) {
            throw new IllegalArgumentException("layer counts do not correspond: " + from.length + " vs " + to.length);
        }
        for (int i = 0; i < to.length; i++) {
            for (var e : to[i].paramTable().entrySet()) {
                INDArray src = from[i].getParam(e.getKey());
                INDArray dst = e.getValue();
                if (src.rank() == 4 && dst.rank() == 2) {
                    src = src.reshape(src.size(0), src.size(1)).transpose();
                }
                if (!java.util.Arrays.equals(src.shape(), dst.shape())) {
                    throw new IllegalArgumentException("layer " + i + " param " + e.getKey() + ": "
                            + java.util.Arrays.toString(src.shape()) + " vs " + java.util.Arrays.toString(dst.shape()));
                }
                to[i].setParam(e.getKey(), src.dup());
            }
        }
    }
}
