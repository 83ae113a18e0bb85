package org.phenoloc.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatchReportTest {
    private static final List<String> ROOTS = List.of("Root Tip", "Root Negative");

    /** The root half of the paper's Table 1. */
    private static PatchReport paperRoots() {
        return PatchReport.fromConfusion(ROOTS, new long[][] {{2904, 73}, {65, 5687}});
    }

    @Test
    void reproducesTheRootRowsOfTable1() {
        PatchReport r = paperRoots();
        assertEquals(2904, r.correct(0));
        assertEquals(73, r.misclassified(0));
        assertEquals(5687, r.correct(1));
        assertEquals(65, r.misclassified(1));
        assertEquals(8729, r.total());
        assertEquals(8591, r.totalCorrect());
        assertEquals(100.0 * 2904 / 2977, r.accuracyPercent(0), 1e-9);
        assertEquals(100.0 * 8591 / 8729, r.overallAccuracyPercent(), 1e-9);

        String md = r.toMarkdown();
        assertTrue(md.contains("| Root Tip | 2904 | 73 | 97.5 |"), md);
        assertTrue(md.contains("| Root Negative | 5687 | 65 | 98.9 |"), md);
        assertTrue(md.contains("| Total/Average | 8591 | 138 | 98.4 |"), md);
        assertTrue(md.contains("| Root Tip | 2904 | 73 |\n| Root Negative | 65 | 5687 |"), md);
    }

    @Test
    void countsLabelPairs() {
        List<String> classes = List.of("a", "b", "c");
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2, 2, 0, 2};
        PatchReport r = PatchReport.of(classes, truth, predicted);
        assertArrayEquals(new long[][] {{2, 1, 0}, {0, 1, 1}, {1, 0, 3}}, r.confusion());
        assertEquals(List.of(2L, 1L, 3L), List.of(r.correct(0), r.correct(1), r.correct(2)));
        assertEquals(List.of(1L, 1L, 1L), List.of(r.misclassified(0), r.misclassified(1), r.misclassified(2)));
        assertEquals(50.0, r.accuracyPercent(1), 1e-12);
        assertEquals(75.0, r.accuracyPercent(2), 1e-12);
        assertEquals(100.0 * 6 / 9, r.overallAccuracyPercent(), 1e-12);
        r.confusion()[0][0] = 99; // a copy
        assertEquals(2, r.correct(0));
    }

    @Test
    void csvHasOneRowPerClassAndATotal() {
        List<String> lines = paperRoots().toCsv().lines().toList();
        assertEquals(List.of(
                "class,correct,misclassified,accuracy_percent,predicted:Root Tip,predicted:Root Negative",
                "Root Tip,2904,73,97.5479,2904,73",
                "Root Negative,5687,65,98.8700,65,5687",
                "Total,8591,138,98.4191,2969,5760"), lines);
    }

    @Test
    void csvQuotesAwkwardClassNames() {
        PatchReport r = PatchReport.of(List.of("tip, \"wet\"", "negative"), new int[] {0}, new int[] {0});
        assertTrue(r.toCsv().contains("\n\"tip, \"\"wet\"\"\",1,0,100.0000,1,0\n"), r.toCsv());
    }

    @Test
    void emptyClassesAndBadLabels() {
        PatchReport r = PatchReport.of(ROOTS, new int[] {1}, new int[] {1});
        assertTrue(Double.isNaN(r.accuracyPercent(0)));
        assertTrue(r.toMarkdown().contains("| Root Tip | 0 | 0 | n/a |"));
        assertTrue(r.toCsv().contains("Root Tip,0,0,,0,0"));
        assertThrows(IllegalArgumentException.class, () -> PatchReport.of(ROOTS, new int[] {2}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> PatchReport.of(ROOTS, new int[] {0}, new int[] {}));
        assertThrows(IllegalArgumentException.class,
                () -> PatchReport.fromConfusion(ROOTS, new long[][] {{1, 2}}));
    }
}
