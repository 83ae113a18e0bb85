package org.phenoloc.engine.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.phenoloc.engine.annotations.Point;

/**
 * Where an annotated tip lies relative to the other annotated lines of its image (root centre lines from RSML): a
 * tip that another root's line passes within half the matching radius lies <em>on another root</em>: in the image
 * that root usually runs on through it (roots that overlap, or a lateral ending inside a bundle), so that no end is
 * visible there; one within the matching radius lies <em>beside</em> another root; the rest are <em>clear</em>. A tip's own
 * line (the line that ends at it) does not count. Recall per place, for each method, tells which misses any image
 * method could avoid.
 */
public enum TipPlacement {
    ON_ANOTHER_ROOT("on another root"),
    BESIDE_ANOTHER_ROOT("beside another root"),
    CLEAR("clear of other roots");

    /** A line whose last point lies this close to the tip is the tip's own line (RSML tips are the lines' ends). */
    static final double OWN_END = 0.5;

    private final String label;

    TipPlacement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Distance from {@code tip} to the nearest line that does not end at it; infinite when there is none. */
    public static double otherLineDistance(Point tip, List<List<Point>> lines) {
        double best = Double.POSITIVE_INFINITY;
        for (List<Point> line : lines) {
            if (!line.isEmpty() && line.get(line.size() - 1).distance(tip) > OWN_END) {
                best = Math.min(best, tip.distanceTo(line));
            }
        }
        return best;
    }

    /** The place of {@code tip} for matching radius {@code radius} (on: within radius / 2; beside: within radius). */
    public static TipPlacement of(Point tip, List<List<Point>> lines, double radius) {
        checkRadius(radius);
        return place(otherLineDistance(tip, lines), radius);
    }

    /** The tips that lie on another root ({@link #ON_ANOTHER_ROOT}) and the others, in their order. */
    public record Split(List<Point> onAnotherRoot, List<Point> others) {
        public static Split of(List<Point> tips, List<List<Point>> lines, double radius) {
            List<Point> on = new ArrayList<>();
            List<Point> others = new ArrayList<>();
            for (Point p : tips) {
                (TipPlacement.of(p, lines, radius) == ON_ANOTHER_ROOT ? on : others).add(p);
            }
            return new Split(List.copyOf(on), List.copyOf(others));
        }
    }

    private static TipPlacement place(double otherLineDistance, double radius) {
        return otherLineDistance <= radius / 2 ? ON_ANOTHER_ROOT
                : otherLineDistance <= radius ? BESIDE_ANOTHER_ROOT : CLEAR;
    }

    private static void checkRadius(double radius) {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("matching radius must be > 0, got " + radius);
        }
    }

    /**
     * One annotated tip of a tally.
     *
     * @param lines             whether its image has annotated lines (without, every tip counts as clear)
     * @param otherLineDistance to the nearest line that does not end at it; infinite when there is none
     * @param found             matched one-to-one to a detection of the method
     */
    public record Placed(String image, Point tip, TipPlacement place, boolean lines, double otherLineDistance,
            boolean found) {}

    /** Annotated tips and the ones a method found (matched one-to-one), per place, summed over images. */
    public static final class Tally {
        private final Map<TipPlacement, int[]> counts = new EnumMap<>(TipPlacement.class);
        private final List<Placed> placed = new ArrayList<>();
        private boolean anyLines;

        public Tally() {
            for (TipPlacement p : values()) {
                counts.put(p, new int[2]);
            }
        }

        /**
         * Adds image {@code image}: its annotated tips, its lines and a match of a method's detections against
         * exactly these tips at {@code radius} (the pairs' second index is the tip's).
         */
        public Tally add(String image, List<Point> tips, List<List<Point>> lines, MatchResult match, double radius) {
            checkRadius(radius);
            anyLines |= !lines.isEmpty();
            boolean[] found = new boolean[tips.size()];
            for (int[] pair : match.pairs()) {
                found[pair[1]] = true;
            }
            for (int i = 0; i < tips.size(); i++) {
                double d = otherLineDistance(tips.get(i), lines);
                TipPlacement p = place(d, radius);
                int[] c = counts.get(p);
                c[0]++;
                c[1] += found[i] ? 1 : 0;
                placed.add(new Placed(image, tips.get(i), p, !lines.isEmpty(), d, found[i]));
            }
            return this;
        }

        /** Every tip added, in order. */
        public List<Placed> placed() {
            return List.copyOf(placed);
        }

        /** Whether any image added had annotated lines (points-only formats have none, so every tip is "clear"). */
        public boolean anyLines() {
            return anyLines;
        }

        public int tips(TipPlacement p) {
            return counts.get(p)[0];
        }

        public int found(TipPlacement p) {
            return counts.get(p)[1];
        }

        public int tips() {
            return counts.values().stream().mapToInt(c -> c[0]).sum();
        }

        public int found() {
            return counts.values().stream().mapToInt(c -> c[1]).sum();
        }

        /**
         * The F1 of a method that found every tip except those on another root and made no false detection: the
         * most a method that sees only visible ends can score on these annotations. NaN without tips.
         */
        public double f1FindingNoneOnAnotherRoot() {
            int all = tips();
            if (all == 0) {
                return Double.NaN;
            }
            double recall = (all - tips(ON_ANOTHER_ROOT)) / (double) all;
            return 2 * recall / (1 + recall);
        }
    }
}
