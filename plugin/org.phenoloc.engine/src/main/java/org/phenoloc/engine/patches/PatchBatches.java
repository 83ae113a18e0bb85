package org.phenoloc.engine.patches;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns stored patches into network input: NCHW floats ({@link PatchPixels#normalise}). In training a random window-sized crop of the
 * stored crop (the paper's 42 -> 32 augmentation) and optionally a random flip/90-degree rotation; otherwise the
 * centre crop, which is what the scanner sees when a feature sits at the window centre.
 */
public final class PatchBatches {
    private PatchBatches() {}

    public static DataSet batch(List<Patch> patches, int window, int classes, Random random, boolean flips) {
        return batch(patches, window, classes, random, flips, null);
    }

    /** As above, with the training-time standardisation applied (null = none). */
    public static DataSet batch(List<Patch> patches, int window, int classes, Random random, boolean flips,
            InputStandardiser standardiser) {
        int n = patches.size();
        int ch = patches.get(0).channels();
        float[] data = new float[n * ch * window * window];
        float[] labels = new float[n * classes];
        for (int i = 0; i < n; i++) {
            Patch p = patches.get(i);
            int slack = p.size() - window;
            int oy = random == null ? slack / 2 : random.nextInt(slack + 1);
            int ox = random == null ? slack / 2 : random.nextInt(slack + 1);
            int orient = random != null && flips ? random.nextInt(8) : 0;
            int base = i * ch * window * window;
            for (int r = 0; r < window; r++) {
                for (int c = 0; c < window; c++) {
                    // orientation: bit 0 transpose, bit 1 flip rows, bit 2 flip cols (the 8 symmetries of a square)
                    int rr = r;
                    int cc = c;
                    if ((orient & 1) != 0) {
                        int t = rr;
                        rr = cc;
                        cc = t;
                    }
                    if ((orient & 2) != 0) {
                        rr = window - 1 - rr;
                    }
                    if ((orient & 4) != 0) {
                        cc = window - 1 - cc;
                    }
                    for (int k = 0; k < ch; k++) {
                        float v = PatchPixels.normalise(p.value(oy + rr, ox + cc, k));
                        data[base + (k * window + r) * window + c] = standardiser == null ? v : standardiser.apply(k, v);
                    }
                }
            }
            labels[i * classes + p.label()] = 1f;
        }
        INDArray f = Nd4j.create(data, new long[] {n, ch, window, window}, 'c');
        INDArray l = Nd4j.create(labels, new long[] {n, classes}, 'c');
        return new DataSet(f, l);
    }
}
