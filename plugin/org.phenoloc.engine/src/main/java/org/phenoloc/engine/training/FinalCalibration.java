package org.phenoloc.engine.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.ProbabilityGrid;
import org.phenoloc.engine.network.Architecture;

/**
 * The calibration stored in a model, after the epoch was chosen: thresholds, suppression radius and whether to average
 * flips. The held-out images decide; when there are fewer than {@link #MIN_HELD_OUT} of them (20% of 10 images is 2:
 * one image's few dozen tips swing the best threshold and the flips decision), the training images join them, but
 * only if the chosen network does not score clearly better on its training images than on the held-out ones (no sign
 * of overfitting, so their scores are a fair sample of new images).
 *
 * @param calibration   the chosen calibration
 * @param calibratedOn  which images it used, for the provenance
 * @param note          one line for the training log: the pooling decision with its numbers
 */
public record FinalCalibration(Calibration calibration, String calibratedOn, String note) {

    /** Fewer held-out images than this and the training images are pooled with them (if not overfitted). */
    static final int MIN_HELD_OUT = 5;

    /**
     * Largest lead of the training images' calibrated F1 over the held-out images' for which the network is taken as
     * not overfitted; a clearer lead keeps the training images out of the calibration.
     */
    static final double OVERFIT_MARGIN = 0.05;

    /** Whether the training images join the calibration, from the two sets' sizes and their calibrated F1s. */
    static boolean pool(int heldOut, int training, double heldOutF1, double trainingF1) {
        return heldOut > 0 && heldOut < MIN_HELD_OUT && training > 0 && !(trainingF1 > heldOutF1 + OVERFIT_MARGIN);
    }

    /**
     * @param heldOut  the images the epoch was chosen on (the training images themselves when none were held out)
     * @param training the training images, empty when they are already {@code heldOut}
     */
    static FinalCalibration run(MultiLayerNetwork net, Architecture arch, List<String> classes, Calibration.Images heldOut,
            Calibration.Images training, double match, double[] radii, Progress progress) {
        List<ProbabilityGrid> heldGrids = Calibration.scan(net, arch, heldOut, false, progress);
        Calibration held = Calibration.fromGrids(heldGrids, heldOut, classes, match, radii, false);
        Calibration.Images images = heldOut;
        List<ProbabilityGrid> grids = heldGrids;
        String calibratedOn = "held-out images";
        String note = heldOut.size() + " held-out images";
        if (heldOut.size() < MIN_HELD_OUT && !training.isEmpty()) {
            List<ProbabilityGrid> trainGrids = Calibration.scan(net, arch, training, false, progress);
            Calibration train = Calibration.fromGrids(trainGrids, training, classes, match, radii, false);
            boolean pool = pool(heldOut.size(), training.size(), held.meanF1(), train.meanF1());
            note = String.format(Locale.ROOT, "%d held-out images (F1 %.3f), %d training images (F1 %.3f): %s",
                    heldOut.size(), held.meanF1(), training.size(), train.meanF1(), pool
                            ? "calibrating on both (fewer than " + MIN_HELD_OUT + " held out, no sign of overfitting)"
                            : "calibrating on the held-out images only (the training images score clearly higher)");
            if (pool) {
                images = heldOut.plus(training);
                grids = new ArrayList<>(heldGrids);
                grids.addAll(trainGrids);
                calibratedOn = "held-out and training images (" + heldOut.size() + " held out, fewer than "
                        + MIN_HELD_OUT + ")";
            }
        }
        Calibration plain = Calibration.fromGrids(grids, images, classes, match, radii, false);
        Calibration flipped = Calibration.run(net, arch, classes, images, match, radii, true, progress);
        boolean flips = flipped.meanF1() >= plain.meanF1() + Calibration.FLIP_GAIN;
        note += String.format(Locale.ROOT, "; flip averaging (4 scans): F1 %.3f, one scan %.3f -> %s", flipped.meanF1(),
                plain.meanF1(), flips ? "the model scans with flips by default" : "one scan by default");
        return new FinalCalibration(flips ? flipped : plain, calibratedOn, note);
    }
}
