package org.phenoloc.engine.localisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.phenoloc.engine.annotations.Point;

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
        List<Cell> candidates = new ArrayList<>();
        for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < g.cols(); j++) {
                if (g.get(i, j, cls) >= threshold) {
                    candidates.add(new Cell(i, j));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((Cell c) -> -g.get(c.row(), c.col(), cls))
                .thenComparingInt(Cell::row).thenComparingInt(Cell::col));
        List<Detection> out = new ArrayList<>();
        KeptPeaks kept = new KeptPeaks(radius);
        for (Cell c : candidates) {
            double score = g.get(c.row(), c.col(), cls);
            Point pos = refine(g, c, cls, Math.min(REFINE_FLOOR, score));
            if (!kept.near(pos)) {
                kept.add(pos);
                out.add(new Detection(className, pos.x() / imageScale, pos.y() / imageScale, score));
            }
        }
        return out;
    }

    /** A cell of the probability grid. */
    private record Cell(int row, int col) {}

    /** Kept peak positions hashed into square buckets of the radius, so a suppression test looks at 9 buckets. */
    private static final class KeptPeaks {
        private final double radius;
        private final boolean suppress;
        private final java.util.Map<Long, List<Point>> buckets = new java.util.HashMap<>();

        KeptPeaks(double radius) {
            this.suppress = radius > 0;
            this.radius = suppress ? radius : 1;
        }

        private long key(long bx, long by) {
            return (bx << 32) ^ (by & 0xffffffffL);
        }

        boolean near(Point p) {
            if (!suppress) {
                return false;
            }
            long bx = (long) Math.floor(p.x() / radius);
            long by = (long) Math.floor(p.y() / radius);
            double r2 = radius * radius;
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    for (Point k : buckets.getOrDefault(key(bx + dx, by + dy), List.of())) {
                        double ex = k.x() - p.x();
                        double ey = k.y() - p.y();
                        if (ex * ex + ey * ey < r2) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        void add(Point p) {
            long bx = (long) Math.floor(p.x() / radius);
            long by = (long) Math.floor(p.y() / radius);
            buckets.computeIfAbsent(key(bx, by), k -> new ArrayList<>()).add(p);
        }
    }

    /** Weighted centroid of the cells of at least {@code floor} in the 3x3 neighbourhood, in scanned-image pixels. */
    private static Point refine(ProbabilityGrid g, Cell c, int cls, double floor) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int a = c.row() - 1; a <= c.row() + 1; a++) {
            for (int b = c.col() - 1; b <= c.col() + 1; b++) {
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
        return new Point(g.offset() + sx / sw * g.stride(), g.offset() + sy / sw * g.stride());
    }
}
