package org.phenoloc.engine.training;

import org.phenoloc.engine.io.BadInputException;

/**
 * How a patch classifier is trained. The paper's Caffe schedule: SGD with momentum, learning rate 0.1 divided by
 * 10 every 20,000 iterations, stopped at a plateau of test accuracy. Our data sets are far smaller than the paper's
 * 35k patches, so the step is given in epochs: by default the rate drops after each third of the epoch budget, so
 * training passes through three rates a factor 10 apart. The paper's initial 0.1 left our He-initialised net stuck
 * at the constant prediction on the real root images (measured, see README), so the default starts at 0.01;
 * {@code --lr 0.1} gives the paper's value.
 *
 * @param epochs         maximum passes over the training patches
 * @param batchSize      minibatch size
 * @param learningRate   initial learning rate (default 0.01; the paper's 0.1 is available)
 * @param lrStepEpochs   divide the rate by 10 every this many epochs (0 = epochs / 3, at least 1)
 * @param momentum       Nesterov momentum (0.9)
 * @param weightDecay    L2 weight decay (5e-4)
 * @param patience       stop after this many evaluations without a better held-out accuracy (0 = never)
 * @param augmentFlips   also flip and rotate patches by multiples of 90 degrees (beyond the paper)
 * @param seed           seeds weight init, batch order and crops
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, int lrStepEpochs, double momentum,
        double weightDecay, int patience, boolean augmentFlips, long seed) {

    public TrainingConfig {
        if (epochs < 1) {
            throw new BadInputException("epochs must be >= 1, was " + epochs);
        }
        if (batchSize < 1) {
            throw new BadInputException("batch size must be >= 1, was " + batchSize);
        }
        if (!(learningRate > 0) || learningRate > 10) {
            throw new BadInputException("learning rate must be in (0, 10], was " + learningRate);
        }
        if (lrStepEpochs < 0 || patience < 0) {
            throw new BadInputException("learning-rate step and patience must be >= 0");
        }
        if (momentum < 0 || momentum >= 1 || weightDecay < 0) {
            throw new BadInputException("momentum must be in [0, 1) and weight decay >= 0");
        }
    }

    /** Patch training (the paper's recipe): SGD with Nesterov momentum from 0.01, 40 epochs, early stop after 12. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(40, 32, 0.01, 0, 0.9, 5e-4, 12, true, 42);
    }

    /** Dense training's default epochs (the command line's help text reads it). */
    public static final int DENSE_EPOCHS = 28;

    /**
     * Dense training: Adam from 1e-3 (a tenth after 60% of the epochs, a hundredth after 85%), no early stop (the best
     * epoch by validation F1 is kept); batch size and momentum are not used (see {@link DenseTrainingConfig}).
     */
    public static TrainingConfig denseDefaults() {
        return new TrainingConfig(DENSE_EPOCHS, 4, 1e-3, 0, 0.9, 5e-4, 0, true, 42);
    }

    public int effectiveStepEpochs() {
        return lrStepEpochs > 0 ? lrStepEpochs : Math.max(1, epochs / 3);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, learningRate, lrStepEpochs, momentum, weightDecay, patience, augmentFlips, seed);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, learningRate, lrStepEpochs, momentum, weightDecay, patience, augmentFlips, s);
    }
}
