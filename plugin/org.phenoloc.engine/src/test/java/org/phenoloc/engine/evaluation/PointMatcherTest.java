package org.phenoloc.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Point;

class PointMatcherTest {
    private static Point p(double x, double y) {
        return new Point(x, y);
    }

    @Test
    void detectionBetweenTwoTruthsMatchesOne() {
        MatchResult r = PointMatcher.match(List.of(p(5, 0)), List.of(p(0, 0), p(10, 0)), 6);
        assertEquals(1, r.truePositives());
        assertEquals(0, r.falsePositives());
        assertEquals(1, r.falseNegatives());
        assertEquals(1.0, r.precision());
        assertEquals(0.5, r.recall());
        assertEquals(2 / 3.0, r.f1(), 1e-12);
        assertEquals(5.0, r.meanError());
    }

    @Test
    void maximisesMatchesBeforeDistance() {
        // Greedy nearest-first would pair A with T1 (distance 1) and leave B unmatched.
        Point t0 = p(0, 0);
        Point t1 = p(6, 0);
        Point a = p(5, 0);
        Point b = p(8, 0);
        MatchResult r = PointMatcher.match(List.of(a, b), List.of(t0, t1), 5);
        assertEquals(2, r.truePositives());
        assertEquals(3.5, r.meanError(), 1e-12); // (5 + 2) / 2
        assertArrayEquals(new int[] {0, 0}, r.pairs().get(0));
        assertArrayEquals(new int[] {1, 1}, r.pairs().get(1));
    }

    @Test
    void minimisesTotalDistanceAmongMaximalMatchings() {
        MatchResult r = PointMatcher.match(List.of(p(3, 0), p(1, 0)), List.of(p(0, 0), p(4, 0)), 10);
        assertEquals(2, r.truePositives());
        assertEquals(1.0, r.meanError(), 1e-12);
        assertArrayEquals(new int[] {0, 1}, r.pairs().get(0));
        assertArrayEquals(new int[] {1, 0}, r.pairs().get(1));
    }

    @Test
    void duplicatesCountOnce() {
        MatchResult twoDetections = PointMatcher.match(List.of(p(1, 1), p(1, 1)), List.of(p(0, 0)), 16);
        assertEquals(1, twoDetections.truePositives());
        assertEquals(1, twoDetections.falsePositives());
        assertEquals(0, twoDetections.falseNegatives());
        assertEquals(0.5, twoDetections.precision());
        assertEquals(1, twoDetections.countError());

        MatchResult twoTruths = PointMatcher.match(List.of(p(0, 0)), List.of(p(3, 3), p(3, 3)), 16);
        assertEquals(1, twoTruths.truePositives());
        assertEquals(0, twoTruths.falsePositives());
        assertEquals(1, twoTruths.falseNegatives());
        assertEquals(-1, twoTruths.countError());
    }

    @Test
    void radiusIsInclusive() {
        List<Point> truth = List.of(p(0, 0));
        List<Point> detections = List.of(p(3, 4)); // exactly 5 away
        assertEquals(1, PointMatcher.match(detections, truth, 5).truePositives());
        MatchResult outside = PointMatcher.match(detections, truth, Math.nextDown(5.0));
        assertEquals(0, outside.truePositives());
        assertEquals(1, outside.falsePositives());
        assertEquals(1, outside.falseNegatives());
        assertTrue(Double.isNaN(outside.meanError()));
        assertEquals(0.0, outside.f1());
    }

    @Test
    void emptyConventions() {
        MatchResult none = PointMatcher.match(List.of(), List.of(), 16);
        assertEquals(List.of(1.0, 1.0, 1.0), List.of(none.precision(), none.recall(), none.f1()));
        MatchResult missed = PointMatcher.match(List.of(), List.of(p(1, 1)), 16);
        assertEquals(List.of(1.0, 0.0, 0.0), List.of(missed.precision(), missed.recall(), missed.f1()));
        MatchResult spurious = PointMatcher.match(List.of(p(1, 1)), List.of(), 16);
        assertEquals(List.of(0.0, 1.0, 0.0), List.of(spurious.precision(), spurious.recall(), spurious.f1()));
        assertThrows(IllegalArgumentException.class, () -> PointMatcher.match(List.of(), List.of(), -1));
    }

    @Test
    void scoredDetectionsBelowThresholdAreIgnored() {
        List<ScoredPoint> detections = List.of(new ScoredPoint(p(0, 0), 0.5), new ScoredPoint(p(10, 0), 0.995),
                new ScoredPoint(p(50, 0), 0.999));
        MatchResult r = PointMatcher.match(detections, List.of(p(0, 1), p(10, 1)), 16, 0.99);
        assertEquals(1, r.truePositives());
        assertEquals(1, r.falsePositives());
        assertEquals(1, r.falseNegatives());
        assertArrayEquals(new int[] {1, 1}, r.pairs().get(0), "indices refer to the unfiltered list");
    }

    @Test
    void hungarianSolvesRectangularAssignment() {
        double[][] cost = {{4, 1, 3, 9}, {2, 0, 5, 9}, {3, 2, 2, 9}};
        int[] cols = PointMatcher.hungarian(cost);
        assertArrayEquals(new int[] {1, 0, 2}, cols); // 1 + 2 + 2 = 5 is the unique optimum
    }

    @Test
    void agreesWithBruteForceOnRandomSmallCases() {
        Random rnd = new Random(12345);
        for (int trial = 0; trial < 3000; trial++) {
            int n = rnd.nextInt(7);
            int m = rnd.nextInt(7);
            double radius = 1 + 6 * rnd.nextDouble();
            // A coarse grid makes ties and exact-radius distances common.
            boolean grid = trial % 2 == 0;
            List<Point> det = randomPoints(rnd, n, grid);
            List<Point> truth = randomPoints(rnd, m, grid);
            MatchResult r = PointMatcher.match(det, truth, radius);
            checkConsistent(r, det, truth, radius);
            double[] best = bruteForce(det, truth, radius, 0, new boolean[m], 0, 0);
            String where = "trial " + trial + " det " + det + " truth " + truth + " r " + radius;
            assertEquals((int) best[0], r.truePositives(), where);
            assertEquals(best[1], r.truePositives() == 0 ? 0 : r.meanError() * r.truePositives(), 1e-9, where);
        }
    }

    @Test
    void largeCasesFindMaximumCardinality() {
        Random rnd = new Random(99);
        for (int trial = 0; trial < 20; trial++) {
            List<Point> det = new ArrayList<>();
            List<Point> truth = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                det.add(p(200 * rnd.nextDouble(), 200 * rnd.nextDouble()));
                truth.add(p(200 * rnd.nextDouble(), 200 * rnd.nextDouble()));
            }
            double radius = 5 + 15 * rnd.nextDouble();
            MatchResult r = PointMatcher.match(det, truth, radius);
            checkConsistent(r, det, truth, radius);
            assertEquals(maxCardinality(det, truth, radius), r.truePositives());
        }
    }

    @Test
    void summaryAddsCountsBeforeRatios() {
        MatchResult a = PointMatcher.match(List.of(p(0, 0), p(1, 0), p(100, 100)), List.of(p(0, 1), p(1, 1)), 5);
        MatchResult b = PointMatcher.match(List.of(), List.of(p(0, 0), p(10, 0), p(20, 0)), 5);
        MatchSummary s = MatchSummary.of(List.of(a, b));
        assertEquals(2, s.images());
        assertEquals(2, s.truePositives());
        assertEquals(1, s.falsePositives());
        assertEquals(3, s.falseNegatives());
        assertEquals(2 / 3.0, s.precision(), 1e-12);
        assertEquals(2 / 5.0, s.recall(), 1e-12);
        assertEquals(2 * (2 / 3.0) * 0.4 / (2 / 3.0 + 0.4), s.f1(), 1e-12);
        assertEquals(1.0, s.meanError(), 1e-12);
        assertEquals((1 + 3) / 2.0, s.meanAbsoluteCountError(), 1e-12); // +1 and -3
        assertEquals((1 - 3) / 2.0, s.meanCountError(), 1e-12);
        assertTrue(Double.isNaN(MatchSummary.of(List.of(b)).meanError()));
    }

    // ---- helpers ----

    private static List<Point> randomPoints(Random rnd, int count, boolean grid) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(grid ? p(rnd.nextInt(8), rnd.nextInt(8)) : p(12 * rnd.nextDouble(), 12 * rnd.nextDouble()));
        }
        return points;
    }

    /** {best count, smallest total distance for that count} over all one-to-one matchings within the radius. */
    private static double[] bruteForce(List<Point> det, List<Point> truth, double radius, int i, boolean[] used,
            int count, double total) {
        if (i == det.size()) {
            return new double[] {count, total};
        }
        double[] best = bruteForce(det, truth, radius, i + 1, used, count, total); // detection i unmatched
        for (int j = 0; j < truth.size(); j++) {
            double d = det.get(i).distance(truth.get(j));
            if (!used[j] && d <= radius) {
                used[j] = true;
                double[] option = bruteForce(det, truth, radius, i + 1, used, count + 1, total + d);
                used[j] = false;
                if (option[0] > best[0] || (option[0] == best[0] && option[1] < best[1])) {
                    best = option;
                }
            }
        }
        return best;
    }

    /** Maximum bipartite matching size by augmenting paths (Kuhn's algorithm), independent of the Hungarian code. */
    private static int maxCardinality(List<Point> det, List<Point> truth, double radius) {
        int[] matchOfTruth = new int[truth.size()];
        Arrays.fill(matchOfTruth, -1);
        int size = 0;
        for (int i = 0; i < det.size(); i++) {
            if (augment(i, det, truth, radius, matchOfTruth, new boolean[truth.size()])) {
                size++;
            }
        }
        return size;
    }

    private static boolean augment(int i, List<Point> det, List<Point> truth, double radius, int[] matchOfTruth,
            boolean[] seen) {
        for (int j = 0; j < truth.size(); j++) {
            if (!seen[j] && det.get(i).distance(truth.get(j)) <= radius) {
                seen[j] = true;
                if (matchOfTruth[j] < 0 || augment(matchOfTruth[j], det, truth, radius, matchOfTruth, seen)) {
                    matchOfTruth[j] = i;
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkConsistent(MatchResult r, List<Point> det, List<Point> truth, double radius) {
        boolean[] detUsed = new boolean[det.size()];
        boolean[] truthUsed = new boolean[truth.size()];
        double total = 0;
        for (int[] pair : r.pairs()) {
            assertTrue(!detUsed[pair[0]] && !truthUsed[pair[1]], "one-to-one");
            detUsed[pair[0]] = true;
            truthUsed[pair[1]] = true;
            double d = det.get(pair[0]).distance(truth.get(pair[1]));
            assertTrue(d <= radius);
            total += d;
        }
        assertEquals(r.pairs().size(), r.truePositives());
        assertEquals(det.size() - r.truePositives(), r.falsePositives());
        assertEquals(truth.size() - r.truePositives(), r.falseNegatives());
        if (r.truePositives() > 0) {
            assertEquals(total / r.truePositives(), r.meanError(), 1e-9);
        }
    }
}
