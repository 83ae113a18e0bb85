package org.phenoloc.engine.training;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * @param network        the network with the best epoch's weights
 * @param history        one row per epoch
 * @param bestEpoch      epoch whose weights were kept
 * @param bestTestAccuracy held-out patch accuracy of that epoch
 * @param samplesPerSecond training throughput (patches per second, fitting only)
 * @param seconds        wall time including evaluations
 */
public record TrainingResult(MultiLayerNetwork network, List<EpochStats> history, int bestEpoch, double bestTestAccuracy,
        double samplesPerSecond, double seconds) {}
