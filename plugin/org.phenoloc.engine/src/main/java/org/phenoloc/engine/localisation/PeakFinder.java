package org.phenoloc.engine.localisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a thresholded probability grid into point detections (beyond the paper, which stopped at the binary map):
 * greedy non-maximum suppression over grid cells above the threshold, strongest first, each peak suppressing
 * others within a radius; the position is refined to the probability-weighted centroid of the peak's 3x3
 * neighbourhood.
 */
public final class PeakFinder {
    private PeakFinder() {}

    /**
     * @param radius     suppression radius in scanned-image pixels
     * @param imageScale the scan ran on the image scaled by this; detections are mapped back to original pixels
     */
    public static List<Detection> find(ProbabilityGrid g, int cls, String className, double threshold, double radius,
            double imageScale) {
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < g.cols(); j++) {
                if (g.get(i, j, cls) >= threshold) {
                    candidates.add(new int[] {i, j});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((int[] c) -> -g.get(c[0], c[1], cls))
                .thenComparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
        List<Detection> out = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        double r2 = radius * radius;
        for (int[] c : candidates) {
            double[] pos = refine(g, c[0], c[1], cls, threshold);
            boolean suppressed = false;
            for (double[] k : kept) {
                double dx = k[0] - pos[0];
                double dy = k[1] - pos[1];
                if (dx * dx + dy * dy < r2) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(pos);
                out.add(new Detection(className, pos[0] / imageScale, pos[1] / imageScale, g.get(c[0], c[1], cls)));
            }
        }
        return out;
    }

    /** Weighted centroid of the above-threshold cells in the 3x3 neighbourhood, in scanned-image pixels. */
    private static double[] refine(ProbabilityGrid g, int i, int j, int cls, double threshold) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
                int a = i + di;
                int b = j + dj;
                if (a < 0 || b < 0 || a >= g.rows() || b >= g.cols()) {
                    continue;
                }
                double p = g.get(a, b, cls);
                if (p >= threshold) {
                    sw += p;
                    sx += p * b;
                    sy += p * a;
                }
            }
        }
        double cj = sx / sw;
        double ci = sy / sw;
        return new double[] {g.offset() + cj * g.stride(), g.offset() + ci * g.stride()};
    }
}
