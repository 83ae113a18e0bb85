package org.phenoloc.engine.training;

/** One row of the training history. */
public record EpochStats(int epoch, double learningRate, double meanLoss, double trainAccuracy, double testAccuracy,
        double seconds, boolean best) {}
