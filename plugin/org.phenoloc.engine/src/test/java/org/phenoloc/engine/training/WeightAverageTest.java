package org.phenoloc.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The moving average of the weights: the formula, its warm-up, and that training resumes from the trained weights. */
class WeightAverageTest {

    private static MultiLayerNetwork tiny() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    private static void setAll(MultiLayerNetwork net, float v) {
        net.setParams(Nd4j.valueArrayOf(net.params().shape(), v));
    }

    @Test
    void averagesTheWeightsWithAWarmUpAndPutsTheTrainedOnesBack() {
        MultiLayerNetwork net = tiny();
        WeightAverage avg = new WeightAverage(0.9);
        setAll(net, 1);
        avg.update(net); // first update: the average starts at the weights
        setAll(net, 3);
        avg.update(net); // second: decay min(0.9, 3/12) = 0.25 -> 0.25 * 1 + 0.75 * 3 = 2.5
        assertEquals(0.25, avg.decayAt(2), 1e-12);
        assertEquals(0.9, avg.decayAt(1000), 1e-12, "the configured decay once warmed up");
        float[] seen = new float[1];
        avg.apply(net, () -> seen[0] = net.params().getFloat(0));
        assertEquals(2.5f, seen[0], 1e-6f);
        float[] trained = net.params().toFloatVector();
        for (float v : trained) {
            assertEquals(3f, v, 0f, "after apply the network holds the trained weights again");
        }
    }

    @Test
    void offLeavesTheWeightsAsTheyAre() {
        MultiLayerNetwork net = tiny();
        WeightAverage off = new WeightAverage(0);
        assertFalse(off.enabled());
        float[] before = net.params().toFloatVector();
        off.update(net);
        setAll(net, 7);
        float[] seen = new float[1];
        off.apply(net, () -> seen[0] = net.params().getFloat(0));
        assertEquals(7f, seen[0], 0f);
        assertEquals(before.length, net.params().length());
        assertArrayEquals(new float[] {7f}, new float[] {net.params().getFloat(0)});
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(1));
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(Double.NaN));
    }
}
