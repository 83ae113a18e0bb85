package org.phenoloc.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.ScoredPoint;

/** The side-by-side table's figures: matching at the operating threshold, count accuracy per image, divergence. */
class MethodComparisonTest {
    static final List<List<Point>> TRUTH = List.of(List.of(new Point(10, 10), new Point(50, 50)),
            List.of(new Point(100, 100)), List.of(new Point(5, 5), new Point(30, 5), new Point(60, 5)));

    static ScoredPoint sp(double x, double y, double s) {
        return new ScoredPoint(new Point(x, y), s);
    }

    @Test
    void scoresAtTheOperatingThresholdAndCountsPerImage() {
        // image 0: both found (+ one weak false positive), image 1: one extra strong false positive, image 2: one missed
        var m = new MethodComparison.Method("m", List.of(
                List.of(sp(11, 10, 0.9), sp(50, 52, 0.95), sp(200, 200, 0.4)),
                List.of(sp(100, 101, 0.99), sp(300, 300, 0.97)),
                List.of(sp(5, 6, 0.9), sp(31, 5, 0.8))), 0.5, 1.5, 0.2);
        var s = m.summary(TRUTH, 8);
        assertEquals(5, s.truePositives());
        assertEquals(1, s.falsePositives());
        assertEquals(1, s.falseNegatives());
        assertEquals(1.0 / 3, m.countShare(TRUTH, 0), 1e-9, "only image 0 is counted exactly");
        assertEquals(1.0, m.countShare(TRUTH, 1), 1e-9);
        assertEquals(List.of(new Point(11, 10), new Point(50, 52)), m.kept(0));
        Markdown md = new Markdown();
        var none = new MethodComparison.Method("none", List.of(List.of(), List.of(), List.of()), 0.5, Double.NaN, 0);
        MethodComparison.table(md, List.of(m, none), TRUTH, new double[] {8, 16});
        assertTrue(md.markdown().contains("| m | 0.500 | 8 px |"), md.markdown());
        assertTrue(md.markdown().contains("33%"), md.markdown());
    }

    @Test
    void mostDifferentImageIsWhereTheFirstMethodBeatsOrLosesMost() {
        var good = new MethodComparison.Method("good", List.of(List.of(sp(10, 10, 1), sp(50, 50, 1)),
                List.of(sp(100, 100, 1)), List.of(sp(5, 5, 1), sp(30, 5, 1), sp(60, 5, 1))), 0.5, 1, 1);
        var poor = new MethodComparison.Method("poor", List.of(List.of(sp(10, 10, 1), sp(50, 50, 1)),
                List.of(sp(100, 100, 1)), List.of()), 0.5, 1, 1);
        assertEquals(2, MethodComparison.mostDifferent(List.of(good, poor), TRUTH, 8));
        assertTrue(MethodComparison.precisionRecall(List.of(good, poor), TRUTH, 8).getWidth() > 0);
    }
}
