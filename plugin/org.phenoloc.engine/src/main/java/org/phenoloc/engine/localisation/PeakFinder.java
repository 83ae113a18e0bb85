package org.phenoloc.engine.localisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a thresholded probability grid into point detections (beyond the paper, which stopped at the binary map):
 * greedy non-maximum suppression over grid cells above the threshold, strongest first, each peak suppressing
 * others within a radius; the position is refined to the probability-weighted centroid of the peak's 3x3
 * neighbourhood (cells of at least {@link #REFINE_FLOOR}, or of the peak's own score where that is lower).
 * <p>
 * The refinement does not depend on the threshold, so the peaks at a threshold are exactly the peaks found at any
 * lower threshold that score at least as much: calibration, evaluation and the benchmark sweep thresholds over one
 * low-threshold set of peaks, and the localiser at the chosen threshold finds those same points.
 */
public final class PeakFinder {
    /** Neighbours of a peak scoring at least this pull its refined position (the calibration's lowest threshold). */
    public static final double REFINE_FLOOR = 0.3;

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
        KeptPeaks kept = new KeptPeaks(radius);
        for (int[] c : candidates) {
            double score = g.get(c[0], c[1], cls);
            double[] pos = refine(g, c[0], c[1], cls, Math.min(REFINE_FLOOR, score));
            if (!kept.near(pos[0], pos[1])) {
                kept.add(pos[0], pos[1]);
                out.add(new Detection(className, pos[0] / imageScale, pos[1] / imageScale, score));
            }
        }
        return out;
    }

    /** Kept peak positions hashed into square buckets of the radius, so a suppression test looks at 9 buckets. */
    private static final class KeptPeaks {
        private final double radius;
        private final boolean suppress;
        private final java.util.Map<Long, List<double[]>> buckets = new java.util.HashMap<>();

        KeptPeaks(double radius) {
            this.suppress = radius > 0;
            this.radius = suppress ? radius : 1;
        }

        private long key(long bx, long by) {
            return (bx << 32) ^ (by & 0xffffffffL);
        }

        boolean near(double x, double y) {
            if (!suppress) {
                return false;
            }
            long bx = (long) Math.floor(x / radius);
            long by = (long) Math.floor(y / radius);
            double r2 = radius * radius;
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    for (double[] k : buckets.getOrDefault(key(bx + dx, by + dy), List.of())) {
                        double ex = k[0] - x;
                        double ey = k[1] - y;
                        if (ex * ex + ey * ey < r2) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        void add(double x, double y) {
            long bx = (long) Math.floor(x / radius);
            long by = (long) Math.floor(y / radius);
            buckets.computeIfAbsent(key(bx, by), k -> new ArrayList<>()).add(new double[] {x, y});
        }
    }

    /** Weighted centroid of the cells of at least {@code floor} in the 3x3 neighbourhood, in scanned-image pixels. */
    private static double[] refine(ProbabilityGrid g, int i, int j, int cls, double floor) {
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
                if (p >= floor) {
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
