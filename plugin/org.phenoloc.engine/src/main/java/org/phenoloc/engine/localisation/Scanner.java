package org.phenoloc.engine.localisation;

import java.awt.image.BufferedImage;

import org.phenoloc.engine.io.Progress;

/** Computes the class probabilities of every window of an image on a stride lattice. */
public interface Scanner extends AutoCloseable {
    ProbabilityGrid scan(BufferedImage image, int stride, Progress progress);

    /** Frees native memory the scanner keeps for reuse between images (it stays usable). */
    @Override
    default void close() {}
}
