package org.phenoloc.engine.patches;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A patch classifier's answers on stored patches (centre crops, no augmentation): class probabilities, arg-max and
 * accuracy. Used by training (patch accuracy per epoch), the model (classify), the report and the KNIME predictor.
 */
public final class PatchClassifier {
    private PatchClassifier() {}

    /** Share of patches whose arg-max class is the label (centre crops, no augmentation). */
    public static double accuracy(MultiLayerNetwork net, int window, int classes, List<Patch> patches,
            InputStandardiser standardiser) {
        if (patches.isEmpty()) {
            return Double.NaN;
        }
        float[][] p = probabilities(net, window, classes, patches, standardiser);
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            ok += argMax(p[i]) == patches.get(i).label() ? 1 : 0;
        }
        return ok / (double) patches.size();
    }

    /** Index of the largest probability (the first on ties). */
    public static int argMax(float[] p) {
        int arg = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[arg]) {
                arg = k;
            }
        }
        return arg;
    }

    /** Class probabilities of each patch's centre crop, in batches of 256. */
    public static float[][] probabilities(MultiLayerNetwork net, int window, int classes, List<Patch> patches) {
        return probabilities(net, window, classes, patches, null);
    }

    /** As above, with the training-time standardisation applied (null = none). */
    public static float[][] probabilities(MultiLayerNetwork net, int window, int classes, List<Patch> patches,
            InputStandardiser standardiser) {
        int batch = 256;
        float[][] out = new float[patches.size()][];
        for (int s = 0; s < patches.size(); s += batch) {
            List<Patch> slice = patches.subList(s, Math.min(patches.size(), s + batch));
            DataSet ds = PatchBatches.batch(slice, window, classes, null, false, standardiser);
            INDArray p = net.output(ds.getFeatures(), false);
            for (int i = 0; i < slice.size(); i++) {
                out[s + i] = p.getRow(i).toFloatVector();
            }
        }
        return out;
    }
}
