package org.phenoloc.engine.patches;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Per-channel standardisation of the network input during training. Root tips on blue paper differ from their
 * surroundings by a few grey levels; standardising to unit variance makes that contrast visible to SGD from the
 * first batch. After training the transform is folded into the first convolution (exact, as the convolutions are
 * unpadded), so the saved model and both scanners take plain {@link PatchPixels#normalise} input.
 */
public record InputStandardiser(float[] mean, float[] std) {

    public static InputStandardiser of(List<Patch> patches) {
        int ch = patches.get(0).channels();
        double[] sum = new double[ch];
        double[] sq = new double[ch];
        long n = 0;
        for (Patch p : patches) {
            byte[] px = p.pixels();
            for (int i = 0; i < px.length; i += ch) {
                for (int c = 0; c < ch; c++) {
                    double v = PatchPixels.normalise(px[i + c] & 0xff);
                    sum[c] += v;
                    sq[c] += v * v;
                }
            }
            n += px.length / ch;
        }
        return fromSums(sum, sq, n);
    }

    /** Mean and spread per channel from sums of values and of squares over {@code n} pixels (spread at least 1e-3). */
    public static InputStandardiser fromSums(double[] sum, double[] sq, long n) {
        int ch = sum.length;
        float[] mean = new float[ch];
        float[] std = new float[ch];
        for (int c = 0; c < ch; c++) {
            mean[c] = (float) (sum[c] / n);
            std[c] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, sq[c] / n - mean[c] * (double) mean[c])));
        }
        return new InputStandardiser(mean, std);
    }

    public float apply(int channel, float v) {
        return (v - mean[channel]) / std[channel];
    }

    /**
     * Rewrites layer 0 (a convolution over NCHW input) so that on plain input it computes what it computed on
     * standardised input: W' = W / std[c], b' = b - sum(W' * mean[c]).
     */
    public void foldInto(MultiLayerNetwork net) {
        INDArray w = net.getLayer(0).getParam("W"); // [out, in, kH, kW], a view of the flat parameters
        INDArray b = net.getLayer(0).getParam("b"); // [1, out]
        for (int c = 0; c < mean.length; c++) {
            INDArray wc = w.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all());
            wc.divi(std[c]);
            INDArray shift = wc.sum(1, 2).muli(mean[c]); // [out]
            b.subi(shift.reshape(b.shape()));
        }
        net.getLayer(0).setParam("W", w);
        net.getLayer(0).setParam("b", b);
    }
}
