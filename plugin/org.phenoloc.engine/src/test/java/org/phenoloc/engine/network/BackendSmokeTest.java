package org.phenoloc.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BackendSmokeTest {
    @Test
    void nd4jComputes() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        assertEquals(52f, a.mmul(a.transpose()).sumNumber().floatValue(), 1e-5);
    }
}
