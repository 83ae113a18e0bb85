package org.phenoloc.engine.report;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;
import org.phenoloc.engine.evaluation.Statistics;
import org.phenoloc.engine.network.Backend;

/**
 * What this machine's CPU does on a plain float32 matrix product, measured in the same run as the scan it is compared
 * with (machines of one kind differ, and a shared machine's speed changes by the minute). Two routes: ND4J's
 * {@code mmul} (BLAS sgemm) and libnd4j's {@code matmul} op (oneDNN where the native build has it); the peak is the
 * faster. Times are medians of warm repetitions; a product of n x n matrices is 2n^3 FLOPs.
 *
 * @param size         matrix side
 * @param mmulGflops   ND4J mmul (sgemm)
 * @param matmulGflops libnd4j matmul op
 */
public record MachinePeak(int size, double mmulGflops, double matmulGflops) {

    public double peakGflops() {
        return Math.max(mmulGflops, matmulGflops);
    }

    /** Measures at 2048 x 2048 with 5 timed repetitions after 2 warm-ups per route (a few seconds on 2 cores). */
    public static MachinePeak measure() {
        return measure(2048, 5);
    }

    public static MachinePeak measure(int n, int repetitions) {
        Backend.init();
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        try {
            double mmul = gflops(n, repetitions, () -> a.mmuli(b, c));
            double matmul = gflops(n, repetitions,
                    () -> Nd4j.exec(new Mmul(a, b, c, 1.0, 0.0, MMulTranspose.allFalse())));
            return new MachinePeak(n, mmul, matmul);
        } finally {
            a.close();
            b.close();
            c.close();
        }
    }

    private static double gflops(int n, int repetitions, Runnable product) {
        product.run();
        product.run();
        double[] seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            product.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        return 2.0 * n * n * (double) n / Statistics.upperMedian(seconds) / 1e9;
    }
}
