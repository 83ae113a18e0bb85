package org.phenoloc.engine.training;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.Statistics;

/**
 * Where the root lies behind a tip when only the tip's point is annotated: rays leave the tip in {@link #ANGLES}
 * directions, each ray's mean intensity from {@link #NEAREST} to {@link #RAY} px is compared with the median over all
 * rays (the background: a root fills a few directions of the circle only), and the ray that differs most, in the
 * colour channel where that difference is largest, points along the root, which is then walked back from the tip
 * (see {@link #behind}). Bright roots on dark paper and dark roots on light soil alike. Used by {@link StructureWidth} to measure roots annotated with tip points only.
 */
final class TipDirection {
    /** Directions tried, evenly spaced (5 degrees apart). */
    static final int ANGLES = 72;
    /** Ray samples start this far from the tip (the annotated point may sit a few px off the root's end). */
    static final double NEAREST = 3;
    /** Ray samples end this far from the tip, in px of the image given. */
    static final double RAY = 40;

    /** Walk step in px. */
    static final double STEP = 2;
    /** How far across the walk each new point may move to the root's centre, px. */
    static final double RECENTRE = 1.5;
    /** Share of each step's direction the walk turns by (smooths the pixel noise of the recentring). */
    static final double TURN = 0.5;
    /** The walk stops where the contrast falls below this share of the ray's. */
    static final double STOP = 0.3;

    private TipDirection() {}

    /**
     * The root behind {@code tip} followed for up to {@code length} px (base first, tip last), or empty when fewer
     * than half the rays stay inside the image. From the ray of most contrast the line is walked in steps of
     * {@link #STEP} px, each new point moved across the walk (within {@link #RECENTRE} px) to where the channel
     * differs most from the background in the root's direction (brighter or darker), and the walk turns with it, so
     * a curving root is followed; it stops where the contrast falls below {@link #STOP} of the ray's (the root has
     * ended, or the walk left it).
     */
    static Optional<List<Point>> behind(BufferedImage img, Point tip, double length) {
        double[][] mean = new double[3][ANGLES];
        int inside = 0;
        for (int a = 0; a < ANGLES; a++) {
            double dx = Math.cos(2 * Math.PI * a / ANGLES);
            double dy = Math.sin(2 * Math.PI * a / ANGLES);
            for (int ch = 0; ch < 3; ch++) {
                mean[ch][a] = rayMean(img, ch, tip, dx, dy);
            }
            inside += Double.isNaN(mean[0][a]) ? 0 : 1;
        }
        if (2 * inside < ANGLES) {
            return Optional.empty();
        }
        int bestAngle = -1;
        int bestChannel = 0;
        double bestContrast = -1;
        double[] background = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            background[ch] = Statistics.median(Arrays.stream(mean[ch]).filter(v -> !Double.isNaN(v)).toArray());
            for (int a = 0; a < ANGLES; a++) {
                double contrast = Math.abs(mean[ch][a] - background[ch]);
                if (contrast > bestContrast) { // NaN (a ray leaving the image) never wins
                    bestContrast = contrast;
                    bestAngle = a;
                    bestChannel = ch;
                }
            }
        }
        double angle = 2 * Math.PI * bestAngle / ANGLES;
        double signed = mean[bestChannel][bestAngle] - background[bestChannel];
        return Optional.of(walk(img, tip, Math.cos(angle), Math.sin(angle), bestChannel, background[bestChannel],
                signed, length));
    }

    /** The walk of {@link #behind}: points from the tip back along the root, returned base first. */
    private static List<Point> walk(BufferedImage img, Point tip, double dx, double dy, int ch, double background,
            double contrast, double length) {
        List<Point> out = new ArrayList<>();
        out.add(tip);
        double x = tip.x();
        double y = tip.y();
        for (double walked = STEP; walked <= length; walked += STEP) {
            double nx = x + dx * STEP;
            double ny = y + dy * STEP;
            double bestOffset = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (double o = -RECENTRE; o <= RECENTRE; o += 0.5) {
                double v = StructureWidth.bilinear(img, ch, nx - dy * o, ny + dx * o);
                double score = (v - background) / contrast; // 1 = as the ray, sign-free
                if (score > best) {
                    best = score;
                    bestOffset = o;
                }
            }
            if (!(best >= STOP)) {
                break; // left the root or the image (NaN)
            }
            nx -= dy * bestOffset;
            ny += dx * bestOffset;
            double sx = (nx - x) / STEP;
            double sy = (ny - y) / STEP;
            double norm = Math.hypot(sx, sy);
            dx = dx * (1 - TURN) + TURN * sx / norm;
            dy = dy * (1 - TURN) + TURN * sy / norm;
            double d = Math.hypot(dx, dy);
            dx /= d;
            dy /= d;
            x = nx;
            y = ny;
            out.add(new Point(x, y));
        }
        Collections.reverse(out);
        return out;
    }

    /** Mean of channel ch along the ray from NEAREST to RAY px, one sample per px; NaN if it leaves the image. */
    private static double rayMean(BufferedImage img, int ch, Point tip, double dx, double dy) {
        double sum = 0;
        int n = 0;
        for (double s = NEAREST; s <= RAY; s++) {
            double v = StructureWidth.bilinear(img, ch, tip.x() + dx * s, tip.y() + dy * s);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            sum += v;
            n++;
        }
        return sum / n;
    }
}
