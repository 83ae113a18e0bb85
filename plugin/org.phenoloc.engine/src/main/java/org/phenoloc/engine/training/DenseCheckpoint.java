package org.phenoloc.engine.training;

import java.util.List;
import java.util.Optional;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense training after a finished epoch: everything {@link DenseTrainer} needs to continue it as if it had never
 * stopped (the same seed gives the same network either way). Written by {@link CheckpointFile} after every epoch.
 *
 * @param epoch         the last finished epoch (1-based)
 * @param epochs        the epochs the training runs in all
 * @param weights       the network being trained, its optimiser and its weight average
 * @param best          the best epoch so far
 * @param mining        the crops' mined negatives and missed features
 * @param random        the crop sampler's random generator, serialised
 * @param history       one row per finished epoch
 * @param timing        time spent so far, over all runs of this training
 */
public record DenseCheckpoint(int epoch, int epochs, Weights weights, Best best, Mining mining, byte[] random,
        List<EpochStats> history, Timing timing) {

    public DenseCheckpoint {
        if (epoch < 1 || epoch > epochs || history.size() != epoch) {
            throw new IllegalArgumentException("a checkpoint after epoch " + epoch + " of " + epochs
                    + " needs one history row per epoch, has " + history.size());
        }
        history = List.copyOf(history);
    }

    /**
     * The trained network's parameters, its optimiser state (Adam's moments) and iteration count (the learning-rate
     * schedule), and the weight average with its number of updates (null and 0 when averaging is off).
     */
    public record Weights(INDArray network, INDArray optimiser, int iterations, INDArray average, long averageUpdates) {}

    /** The best epoch so far: its classifier weights (standardisation folded in), its calibration, and the epochs since. */
    public record Best(INDArray classifier, Calibration calibration, int epoch, int sinceBest) {}

    /** What the mining rounds so far added to the crops. */
    public record Mining(List<DenseCrops.HardNegative> hardNegatives, List<DenseCrops.MissedFeature> missed) {
        public Mining {
            hardNegatives = List.copyOf(hardNegatives);
            missed = List.copyOf(missed);
        }
    }

    /** Seconds in all, seconds spent fitting batches, and crops trained on. */
    public record Timing(double seconds, double fitSeconds, long crops) {}

    /** Where a dense training keeps its checkpoints. */
    public interface Store {
        /** The checkpoint to continue from, if there is one. */
        Optional<DenseCheckpoint> resume();

        /** Keeps {@code c} (replacing the previous one) before the next epoch starts. */
        void save(DenseCheckpoint c);

        /** False for {@link #NONE}: the trainer then builds no checkpoints (copies of the weights) at all. */
        default boolean keeps() {
            return true;
        }

        /** Names the store in messages (a checkpoint file: its path). */
        default String describe() {
            return "the checkpoint";
        }

        /** No checkpoints: every training starts afresh and keeps nothing (KNIME, the benchmark). */
        Store NONE = new Store() {
            @Override
            public Optional<DenseCheckpoint> resume() {
                return Optional.empty();
            }

            @Override
            public void save(DenseCheckpoint c) {}

            @Override
            public boolean keeps() {
                return false;
            }
        };
    }
}
