package org.phenoloc.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Point;

/** Tips on, beside and clear of other annotated lines, and the recall a method reaches in each group. */
class TipPlacementTest {
    /** A vertical primary root along x = 100 from y = 0 to 400 (its tip at the bottom). */
    static final List<Point> PRIMARY = List.of(new Point(100, 0), new Point(100, 400));

    static List<Point> lateralTo(double x, double y) {
        return List.of(new Point(100, y), new Point(x, y));
    }

    @Test
    void aTipsOwnLineDoesNotCountButEveryOtherLineDoes() {
        Point tip = new Point(100, 400);
        assertEquals(Double.POSITIVE_INFINITY, TipPlacement.otherLineDistance(tip, List.of(PRIMARY)));
        assertEquals(TipPlacement.CLEAR, TipPlacement.of(tip, List.of(PRIMARY), 16));
        // a lateral whose tip lies 5 px beside the primary (it ends on it, in the image)
        List<List<Point>> lines = List.of(PRIMARY, List.of(new Point(200, 100), new Point(105, 150)));
        assertEquals(5, TipPlacement.otherLineDistance(new Point(105, 150), lines), 1e-9);
        assertEquals(TipPlacement.ON_ANOTHER_ROOT, TipPlacement.of(new Point(105, 150), lines, 16));
        assertEquals(TipPlacement.BESIDE_ANOTHER_ROOT, TipPlacement.of(new Point(105, 150), lines, 8));
        assertEquals(TipPlacement.CLEAR, TipPlacement.of(new Point(105, 150), lines, 4.9));
    }

    @Test
    void bordersAreHalfTheRadiusAndTheRadius() {
        List<List<Point>> lines = List.of(PRIMARY);
        assertEquals(TipPlacement.ON_ANOTHER_ROOT, TipPlacement.of(new Point(108, 50), lines, 16));
        assertEquals(TipPlacement.BESIDE_ANOTHER_ROOT, TipPlacement.of(new Point(108.01, 50), lines, 16));
        assertEquals(TipPlacement.BESIDE_ANOTHER_ROOT, TipPlacement.of(new Point(116, 50), lines, 16));
        assertEquals(TipPlacement.CLEAR, TipPlacement.of(new Point(116.01, 50), lines, 16));
        assertThrows(IllegalArgumentException.class, () -> TipPlacement.of(new Point(0, 0), lines, 0));
        assertThrows(IllegalArgumentException.class, () -> TipPlacement.of(new Point(0, 0), lines, Double.NaN));
    }

    @Test
    void theTallyCountsTipsAndFoundTipsPerPlaceAndTheCeilingWithoutTipsOnOtherRoots() {
        // laterals ending 3 px (on), 12 px (beside) and 60 px (clear) right of the primary, and the primary's own tip
        List<List<Point>> lines = List.of(PRIMARY, lateralTo(103, 100), lateralTo(112, 200), lateralTo(160, 300));
        List<Point> tips = List.of(new Point(103, 100), new Point(112, 200), new Point(160, 300), new Point(100, 400));
        // detections at the clear lateral's tip, near the primary's tip, and one false one
        MatchResult match = PointMatcher.match(List.of(new Point(161, 300), new Point(100, 396), new Point(300, 300)),
                tips, 16);
        TipPlacement.Tally t = new TipPlacement.Tally().add("a.png", tips, lines, match, 16);
        assertTrue(t.anyLines());
        assertEquals(1, t.tips(TipPlacement.ON_ANOTHER_ROOT));
        assertEquals(0, t.found(TipPlacement.ON_ANOTHER_ROOT));
        assertEquals(1, t.tips(TipPlacement.BESIDE_ANOTHER_ROOT));
        assertEquals(0, t.found(TipPlacement.BESIDE_ANOTHER_ROOT));
        assertEquals(2, t.tips(TipPlacement.CLEAR));
        assertEquals(2, t.found(TipPlacement.CLEAR));
        assertEquals(4, t.tips());
        assertEquals(2, t.found());
        // three of four findable: recall 0.75, precision 1 -> F1 6/7
        assertEquals(6.0 / 7, t.f1FindingNoneOnAnotherRoot(), 1e-12);
        // the overlays' split: tips on another root drawn apart from the others
        TipPlacement.Split split = TipPlacement.Split.of(tips, lines, 16);
        assertEquals(List.of(new Point(103, 100)), split.onAnotherRoot());
        assertEquals(List.of(new Point(112, 200), new Point(160, 300), new Point(100, 400)), split.others());
        // and tip by tip, in order, for the evaluation's tips.csv
        List<TipPlacement.Placed> placed = t.placed();
        assertEquals(4, placed.size());
        assertEquals(new TipPlacement.Placed("a.png", new Point(103, 100), TipPlacement.ON_ANOTHER_ROOT, true, 3, false),
                placed.get(0));
        assertEquals(TipPlacement.BESIDE_ANOTHER_ROOT, placed.get(1).place());
        assertEquals(12, placed.get(1).otherLineDistance(), 1e-9);
        assertTrue(placed.get(2).found() && placed.get(3).found() && !placed.get(1).found());
        assertEquals(100, placed.get(3).otherLineDistance(), 1e-9, "the primary's tip to the lowest lateral's base");
    }

    @Test
    void pointsWithoutLinesAreAllClearAndSaySo() {
        List<Point> tips = List.of(new Point(10, 10), new Point(12, 10));
        TipPlacement.Tally t = new TipPlacement.Tally().add("b.png", tips, List.of(), PointMatcher.match(List.of(), tips, 16), 16);
        assertFalse(t.anyLines());
        assertEquals(2, t.tips(TipPlacement.CLEAR));
        assertFalse(t.placed().get(0).lines());
        assertThrows(IllegalArgumentException.class, () -> t.add("c.png", tips, List.of(), PointMatcher.match(List.of(),
                tips, 16), 0));
        assertEquals(1.0, t.f1FindingNoneOnAnotherRoot(), 1e-12);
        assertTrue(Double.isNaN(new TipPlacement.Tally().f1FindingNoneOnAnotherRoot()));
    }
}
