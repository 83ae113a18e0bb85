package org.phenoloc.engine.training;

/**
 * Progress and cancellation for training; the CLI prints it, the KNIME learner maps it to its ExecutionContext.
 * All methods have no-op defaults.
 */
public interface TrainingListener {
    /** Called after each minibatch. {@code progress} is in [0, 1] over the whole epoch budget. */
    default void batchDone(int epoch, int batch, int batches, double loss, double progress) {}

    /** Called after each epoch's evaluation. */
    default void epochDone(EpochStats stats) {}

    /** A line worth showing (e.g. a hard-negative mining round). */
    default void message(String text) {}

    /** Checked before every minibatch; returning true stops training with {@link TrainingCancelledException}. */
    default boolean isCancelled() {
        return false;
    }

    TrainingListener NONE = new TrainingListener() {};
}
