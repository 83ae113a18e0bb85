package org.phenoloc.engine.localisation;

import java.util.List;
import java.util.Map;

/**
 * What scanning one image gives.
 *
 * @param image      image file name
 * @param width      original image width
 * @param height     original image height
 * @param imageScale the scan ran on the image scaled by this
 * @param grid       class probabilities of every window
 * @param thresholds the per-class thresholds used
 * @param detections peaks of all feature classes, strongest first per class
 * @param seconds    scan time (excluding image decoding)
 */
public record LocalisationResult(String image, int width, int height, double imageScale, ProbabilityGrid grid,
        Map<String, Double> thresholds, List<Detection> detections, double seconds) {

    public long count(String className) {
        return detections.stream().filter(d -> d.className().equals(className)).count();
    }
}
