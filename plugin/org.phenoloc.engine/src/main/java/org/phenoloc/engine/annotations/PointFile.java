package org.phenoloc.engine.annotations;

import java.nio.file.Path;
import java.util.List;

/**
 * Points read from one annotation file, before class mapping: labels are kept exactly as the annotation tool
 * wrote them (e.g. the maize TSV's {@code intact}/{@code cut}), so a caller can still tell them apart.
 *
 * @param file     the annotation file
 * @param images   the images it annotates, in file order (an image listed without points has none)
 * @param warnings things skipped while reading (e.g. box or polygon shapes), each naming the file
 */
public record PointFile(Path file, List<ImagePoints> images, List<String> warnings) {
    public PointFile {
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param image  the image as named in the annotation file (may contain folders, as tools write it)
     * @param width  image width stated in the file, 0 if not stated
     * @param height image height stated in the file, 0 if not stated
     */
    public record ImagePoints(String image, int width, int height, List<LabelledPoint> points) {
        public ImagePoints {
            points = List.copyOf(points);
        }
    }

    /** One point in image pixels with the tool's label (class name, keypoint name or flag). */
    public record LabelledPoint(String label, double x, double y) {}
}
