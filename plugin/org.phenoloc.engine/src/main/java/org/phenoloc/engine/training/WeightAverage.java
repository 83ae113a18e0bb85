package org.phenoloc.engine.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exponential moving average of a network's parameters over the training batches (Polyak averaging; Polyak and Juditsky
 * 1992): {@code average = d * average + (1 - d) * weights} after every batch. The average smooths the noise of the
 * last batches, so the epoch chosen on a few held-out images depends less on where the last batch left the weights.
 * In the first updates the decay is lowered to {@code (1 + t) / (10 + t)} so that the average is not anchored to the
 * random initial weights. Batch-normalisation statistics are parameters of DL4J's layers and are averaged with them.
 */
final class WeightAverage {
    private final double decay;
    private INDArray average;
    private long updates;

    /** @param decay in [0, 1); 0 = off (every call is a no-op and {@link #apply} runs on the weights as they are) */
    WeightAverage(double decay) {
        if (!(decay >= 0) || decay >= 1) {
            throw new IllegalArgumentException("decay must be in [0, 1), was " + decay);
        }
        this.decay = decay;
    }

    boolean enabled() {
        return decay > 0;
    }

    /** The decay used for update number {@code t} (1-based). */
    double decayAt(long t) {
        return Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    /** The average so far (null before the first update or when off), for a checkpoint; not a copy. */
    INDArray average() {
        return average;
    }

    /** Updates folded in so far. */
    long updates() {
        return updates;
    }

    /** Continues from a checkpoint's average and number of updates. */
    void restore(INDArray savedAverage, long savedUpdates) {
        average = savedAverage == null ? null : savedAverage.dup();
        updates = savedUpdates;
    }

    /** Folds the network's current parameters into the average. */
    void update(MultiLayerNetwork net) {
        if (!enabled()) {
            return;
        }
        updates++;
        INDArray params = net.params();
        if (average == null) {
            average = params.dup();
            return;
        }
        double d = decayAt(updates);
        average.muli(d).addi(params.mul(1 - d));
    }

    /**
     * Runs {@code action} with the network's parameters replaced by the average, then puts the trained ones back (so
     * training continues from where it was). Without an average (off, or no update yet) runs it on the network as is.
     */
    void apply(MultiLayerNetwork net, Runnable action) {
        if (average == null) {
            action.run();
            return;
        }
        INDArray trained = net.params().dup();
        net.setParams(average);
        try {
            action.run();
        } finally {
            net.setParams(trained);
        }
    }
}
