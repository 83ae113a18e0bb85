package org.phenoloc.engine.localisation;

import java.awt.image.BufferedImage;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.patches.PatchPixels;

/**
 * The straightforward scan, as in the paper: every window cropped and classified on its own (in batches). Kept as
 * the reference the dense scanner is tested and benchmarked against.
 */
public final class NaiveScanner implements Scanner {
    private static final int BATCH = 256;
    private final MultiLayerNetwork net;
    private final Architecture arch;

    public NaiveScanner(MultiLayerNetwork net, Architecture arch) {
        this.net = net;
        this.arch = arch;
    }

    @Override
    public ProbabilityGrid scan(BufferedImage image, int stride, Progress progress) {
        int window = arch.window();
        int ch = arch.channels();
        ScanGeometry.check(image.getWidth(), image.getHeight(), window, stride, "image");
        int rows = ScanGeometry.count(image.getHeight(), window, stride);
        int cols = ScanGeometry.count(image.getWidth(), window, stride);
        ProbabilityGrid grid = ProbabilityGrid.empty(rows, cols, stride, window / 2, arch.classes());
        int total = rows * cols;
        float[] batch = new float[BATCH * ch * window * window];
        for (int start = 0; start < total; start += BATCH) {
            progress.checkCancelled();
            int n = Math.min(BATCH, total - start);
            for (int k = 0; k < n; k++) {
                int i = (start + k) / cols;
                int j = (start + k) % cols;
                float[] px = PatchPixels.rowsAsFloats(image, i * stride, window, ch, j * stride, window); // HWC
                int base = k * ch * window * window;
                for (int r = 0; r < window; r++) {
                    for (int c = 0; c < window; c++) {
                        for (int q = 0; q < ch; q++) {
                            batch[base + (q * window + r) * window + c] = px[(r * window + c) * ch + q];
                        }
                    }
                }
            }
            INDArray in = Nd4j.create(batch, new long[] {BATCH, ch, window, window}, 'c').get(
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n));
            float[] p = net.output(in, false).data().asFloat();
            System.arraycopy(p, 0, grid.data(), start * arch.classes(), n * arch.classes());
            progress.update((start + n) / (double) total, "windows " + (start + n) + "/" + total);
        }
        return grid;
    }
}
