package org.phenoloc.engine.training;

/**
 * One row of the training history.
 *
 * @param trainAccuracy patch accuracy on training patches (NaN for dense training, which has no patches)
 * @param testAccuracy  patch accuracy on held-out patches (NaN for dense training)
 * @param validationF1  localisation F1 on the held-out images at the calibrated threshold (dense training; NaN for
 *                      patch training)
 */
public record EpochStats(int epoch, double learningRate, double meanLoss, double trainAccuracy, double testAccuracy,
        double seconds, boolean best, double validationF1) {

    /** A patch-training row (no localisation score). */
    public EpochStats(int epoch, double learningRate, double meanLoss, double trainAccuracy, double testAccuracy,
            double seconds, boolean best) {
        this(epoch, learningRate, meanLoss, trainAccuracy, testAccuracy, seconds, best, Double.NaN);
    }
}
