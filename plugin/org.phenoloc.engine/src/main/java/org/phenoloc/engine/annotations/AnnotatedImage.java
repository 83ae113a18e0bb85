package org.phenoloc.engine.annotations;

import java.nio.file.Path;
import java.util.List;

/**
 * An image with its annotations.
 *
 * @param image      the image file
 * @param annotation the file the annotations came from (for error messages and provenance)
 * @param features   annotated point features (root tips, leaf tips, ...)
 * @param structures polylines of the annotated structure (root centre lines, base to tip); the patch sampler
 *                   draws hard negatives on them. Empty when the annotation format has none.
 */
public record AnnotatedImage(Path image, Path annotation, List<Feature> features, List<List<Point>> structures) {
    public AnnotatedImage {
        features = List.copyOf(features);
        structures = structures.stream().map(List::copyOf).toList();
    }
}
