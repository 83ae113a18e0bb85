package org.phenoloc.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.evaluation.TipPlacement;

/** The report section: one row per place with each method's found tips, the ceiling, and nothing without lines. */
class TipPlacementSectionTest {
    static final List<Point> PRIMARY = List.of(new Point(100, 0), new Point(100, 400));
    static final List<Point> ON = List.of(new Point(100, 100), new Point(104, 100)); // ends 4 px from the primary
    static final List<Point> TIPS = List.of(new Point(104, 100), new Point(100, 400));

    static TipPlacement.Tally tally(List<Point> detections, List<List<Point>> lines) {
        return new TipPlacement.Tally().add("a.png", TIPS, lines, PointMatcher.match(detections, TIPS, 16), 16);
    }

    @Test
    void listsEachPlaceWithEveryMethodsFoundTipsAndTheCeiling() {
        List<List<Point>> lines = List.of(PRIMARY, ON);
        Markdown md = new Markdown();
        TipPlacementSection.write(md, 16, List.of("ours", "classical"),
                List.of(tally(List.of(new Point(100, 401), new Point(104, 101)), lines), tally(List.of(new Point(100, 399)), lines)));
        String s = md.markdown();
        assertTrue(s.contains("| where the tip lies | tips | found: ours | found: classical |"), s);
        assertTrue(s.contains("| on another root (<= 8 px) | 1 | 1 (100%) | 0 (0%) |"), s);
        assertTrue(s.contains("| beside another root (8-16 px) | 0 | 0 | 0 |"), s);
        assertTrue(s.contains("| clear of other roots (> 16 px) | 1 | 1 (100%) | 1 (100%) |"), s);
        assertTrue(s.contains("| all | 2 | 2 (100%) | 1 (50%) |"), s);
        assertTrue(s.contains("1 of the 2 tips (50%) lie on another root") && s.contains("F1 0.667"), s);
    }

    @Test
    void writesNothingWithoutLinesOrTipsAndRejectsMismatchedLists() {
        Markdown md = new Markdown();
        TipPlacementSection.write(md, 16, List.of("points only"), List.of(tally(List.of(), List.of())));
        TipPlacementSection.write(md, 16, List.of("no tips"), List.of(new TipPlacement.Tally()));
        TipPlacementSection.write(md, 16, List.of(), List.of());
        assertEquals("", md.markdown());
        assertThrows(IllegalArgumentException.class,
                () -> TipPlacementSection.write(md, 16, List.of("a", "b"), List.of(new TipPlacement.Tally())));
    }
}
