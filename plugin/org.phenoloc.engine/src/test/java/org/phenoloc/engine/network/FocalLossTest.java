package org.phenoloc.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** The focal loss is the weighted cross-entropy at gamma 0, and its gradient is the derivative of its score. */
class FocalLossTest {
    private static final double[] WEIGHTS = {5, 2, 1};
    private static final IActivation SOFTMAX = Activation.SOFTMAX.getActivationFunction();

    /** Six rows of three classes: one-hot labels, the last row unlabelled (ignored cells), a mask with 0 and 0.5. */
    private static INDArray[] rows() {
        java.util.Random random = new java.util.Random(1);
        INDArray z = Nd4j.zeros(DataType.DOUBLE, 6, 3);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                z.putScalar(i, j, 2 * random.nextGaussian());
            }
        }
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 6, 3);
        int[] label = {0, 1, 2, 2, 1};
        for (int i = 0; i < label.length; i++) {
            y.putScalar(i, label[i], 1);
        }
        INDArray mask = Nd4j.create(new double[] {1, 1, 0.5, 1, 0, 1}, new long[] {6, 1});
        return new INDArray[] {z, y, mask};
    }

    @Test
    void gammaZeroIsTheWeightedCrossEntropy() {
        INDArray[] r = rows();
        var ce = new LossMCXENT(Nd4j.create(WEIGHTS));
        var focal = new FocalLoss(0, WEIGHTS);
        assertEquals(ce.computeScore(r[1], r[0].dup(), SOFTMAX, r[2], true),
                focal.computeScore(r[1], r[0], SOFTMAX, r[2], true), 1e-9);
        INDArray expected = ce.computeGradient(r[1], r[0].dup(), SOFTMAX, r[2]);
        assertEquals(0, expected.sub(focal.computeGradient(r[1], r[0], SOFTMAX, r[2])).amaxNumber()
                .doubleValue(), 1e-9);
    }

    @Test
    void gradientIsTheDerivativeOfTheScore() {
        INDArray[] r = rows();
        for (double gamma : new double[] {0.5, 1, 2, 3}) {
            var focal = new FocalLoss(gamma, WEIGHTS);
            INDArray g = focal.computeGradient(r[1], r[0], SOFTMAX, r[2]);
            double h = 1e-6;
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 3; j++) {
                    INDArray up = r[0].dup();
                    INDArray down = r[0].dup();
                    up.putScalar(i, j, r[0].getDouble(i, j) + h);
                    down.putScalar(i, j, r[0].getDouble(i, j) - h);
                    double numeric = (focal.computeScore(r[1], up, null, r[2], false)
                            - focal.computeScore(r[1], down, null, r[2], false)) / (2 * h);
                    assertEquals(numeric, g.getDouble(i, j), 1e-6, "gamma " + gamma + " row " + i + " class " + j);
                }
            }
            assertEquals(0, g.getRow(4).amaxNumber().doubleValue(), 0.0, "a masked row has no gradient");
            assertEquals(0, g.getRow(5).amaxNumber().doubleValue(), 0.0, "an unlabelled row has no gradient");
        }
    }

    @Test
    void wellClassifiedRowsWeighLess() {
        INDArray y = Nd4j.create(new double[][] {{1, 0}, {1, 0}});
        INDArray z = Nd4j.create(new double[][] {{4, 0}, {-1, 0}}); // p = 0.98 (easy) and 0.27 (hard)
        INDArray ce = new FocalLoss(0, null).computeScoreArray(y, z, null, null);
        INDArray focal = new FocalLoss(2, null).computeScoreArray(y, z, null, null);
        double easy = focal.getDouble(0) / ce.getDouble(0);
        double hard = focal.getDouble(1) / ce.getDouble(1);
        assertTrue(easy < 0.001 && hard > 0.5, "easy share " + easy + ", hard share " + hard);
    }

    @Test
    void rejectsNegativeOrNonFiniteGamma() {
        assertThrows(IllegalArgumentException.class, () -> new FocalLoss(-1, null));
        assertThrows(IllegalArgumentException.class, () -> new FocalLoss(Double.NaN, null));
        assertThrows(IllegalArgumentException.class, () -> new FocalLoss(Double.POSITIVE_INFINITY, null));
    }
}
