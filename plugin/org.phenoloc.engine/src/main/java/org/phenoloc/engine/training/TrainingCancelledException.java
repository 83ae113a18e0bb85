package org.phenoloc.engine.training;

/** Training was cancelled through {@link TrainingListener#isCancelled()}. */
public class TrainingCancelledException extends RuntimeException {
    public TrainingCancelledException() {
        super("training cancelled");
    }
}
