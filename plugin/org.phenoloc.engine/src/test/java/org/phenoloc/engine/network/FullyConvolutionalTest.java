package org.phenoloc.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** The fully convolutional training net and the classifier it is copied into compute the same function. */
class FullyConvolutionalTest {

    @Test
    void inputSizeMapsToTheRequestedCells() {
        assertEquals(32, FullyConvolutional.inputSize(Architecture.paperRoot(3), 1));
        assertEquals(124, FullyConvolutional.inputSize(Architecture.paperRoot(3), 24));
        assertEquals(64 + 8 * 9, FullyConvolutional.inputSize(Architecture.paperShoot(3), 10));
    }

    @Test
    void copiedClassifierMatchesEveryCellOfTheDenseNet() {
        for (Architecture a : new Architecture[] {Architecture.paperRoot(3).scaled(0.125),
            Architecture.paperShoot(3).scaled(0.0625)}) {
            int cells = 3;
            double[] weights = new double[a.classes()];
            java.util.Arrays.fill(weights, 1);
            MultiLayerNetwork fcn = FullyConvolutional.build(a, cells, new Adam(1e-3), 0, 3, weights);
            // move batch-norm statistics and weights away from their initial values
            Random r = new Random(1);
            int size = FullyConvolutional.inputSize(a, cells);
            INDArray x = Nd4j.rand(new long[] {2, a.channels(), size, size}).subi(0.5);
            INDArray y = Nd4j.zeros(2, a.classes(), cells, cells);
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    y.putScalar(new long[] {0, r.nextInt(a.classes()), i, j}, 1);
                    y.putScalar(new long[] {1, r.nextInt(a.classes()), i, j}, 1);
                }
            }
            for (int k = 0; k < 3; k++) {
                fcn.fit(x, y);
            }
            MultiLayerNetwork clf = NetworkFactory.build(a, new MapSchedule(ScheduleType.ITERATION, Map.of(0, 0.01)), 0.9, 0, 9);
            FullyConvolutional.copyInto(fcn, clf);
            INDArray dense = fcn.output(x, false); // [2, classes, cells, cells]
            int stride = a.stride();
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    INDArray window = x.get(NDArrayIndex.all(), NDArrayIndex.all(),
                            NDArrayIndex.interval(i * stride, i * stride + a.window()),
                            NDArrayIndex.interval(j * stride, j * stride + a.window())).dup();
                    INDArray p = clf.output(window, false);
                    for (int b = 0; b < 2; b++) {
                        for (int c = 0; c < a.classes(); c++) {
                            double want = dense.getDouble(b, c, i, j);
                            assertEquals(want, p.getDouble(b, c), 1e-4, a + " cell " + i + "," + j);
                        }
                    }
                }
            }
            assertTrue(dense.sumNumber().doubleValue() > 0);
        }
    }
}
