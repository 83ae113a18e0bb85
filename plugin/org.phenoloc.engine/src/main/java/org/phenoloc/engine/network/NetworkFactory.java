package org.phenoloc.engine.network;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;

/** Builds the DL4J network for an {@link Architecture}. Input is NCHW, pixel values centred by PatchPixels.normalise. */
public final class NetworkFactory {
    private NetworkFactory() {}

    /**
     * Adds the conv stack of {@code a} (3x3 valid convolutions, with batch norm and ReLU when the architecture has
     * batch norm, and 2x2 max pools) as layers 0.. of {@code list}; returns the index of the next layer. Shared by the
     * classifier and its fully convolutional training twin, so their layers correspond one to one.
     */
    static int addConvStack(NeuralNetConfiguration.ListBuilder list, Architecture a) {
        int layer = 0;
        for (String s : a.convStack()) {
            if (s.equals("p")) {
                list.layer(layer++, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build());
            } else {
                int filters = Integer.parseInt(s.substring(1));
                list.layer(layer++, new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(filters)
                        .activation(a.batchNorm() ? Activation.IDENTITY : Activation.RELU).build());
                if (a.batchNorm()) {
                    // an explicit activation layer: DL4J's batch-norm layer does not apply its own activation
                    list.layer(layer++, new BatchNormalization.Builder().nOut(filters).build());
                    list.layer(layer++, new ActivationLayer.Builder().activation(Activation.RELU).build());
                }
            }
        }
        return layer;
    }

    /**
     * @param schedule learning-rate schedule (SGD with momentum, as the paper's Caffe solver)
     * @param momentum momentum (0.9)
     * @param l2       weight decay (Caffe's usual 5e-4)
     */
    public static MultiLayerNetwork build(Architecture a, ISchedule schedule, double momentum, double l2, long seed) {
        Backend.init();
        var list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(new Nesterovs(schedule, momentum))
                .l2(l2)
                .convolutionMode(ConvolutionMode.Truncate)
                .list();
        int layer = addConvStack(list, a);
        boolean first = true;
        for (int width : a.denseWidths()) {
            var dense = new DenseLayer.Builder().nOut(width).activation(Activation.RELU);
            if (!first && a.dropout() > 0) {
                dense.dropOut(1 - a.dropout()); // DL4J takes the retain probability
            }
            list.layer(layer++, dense.build());
            first = false;
        }
        var out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(a.classes())
                .activation(Activation.SOFTMAX);
        if (!a.denseWidths().isEmpty() && a.dropout() > 0) {
            out.dropOut(1 - a.dropout());
        }
        list.layer(layer, out.build());
        list.setInputType(InputType.convolutional(a.window(), a.window(), a.channels()));
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
