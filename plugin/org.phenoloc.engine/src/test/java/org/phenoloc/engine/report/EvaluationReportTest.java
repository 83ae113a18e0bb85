package org.phenoloc.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.evaluation.PatchReport;

/** Table 1 side by side: one row per model, one column per class with patches, correct of all. */
class EvaluationReportTest {
    private static final List<String> SHOOTS = List.of("leaf_tip", "leaf_base", "negative");

    @Test
    void patchComparisonGivesEachModelsAccuracyPerClassWithCounts() {
        // truth: 4 leaf tips, 6 negatives, no leaf base
        int[] truth = {0, 0, 0, 0, 2, 2, 2, 2, 2, 2};
        PatchReport ours = PatchReport.of(SHOOTS, truth, new int[] {0, 0, 0, 2, 2, 2, 2, 2, 2, 2});
        PatchReport paper = PatchReport.of(SHOOTS, truth, new int[] {0, 2, 2, 2, 2, 2, 2, 0, 1, 2});
        Markdown md = new Markdown();
        EvaluationReport.patchComparison(md, List.of("ours", "paper's recipe"), List.of(ours, paper));
        List<String> rows = md.markdown().lines().filter(l -> l.startsWith("| ")).toList();
        assertEquals(List.of("| model | leaf_tip (%) | negative (%) | all (%) |",
                "| ours | 75.0 (3 of 4) | 100.0 (6 of 6) | 90.0 (9 of 10) |",
                "| paper's recipe | 25.0 (1 of 4) | 66.7 (4 of 6) | 50.0 (5 of 10) |"), rows,
                "leaf_base has no patches in either report, so it has no column");
    }

    @Test
    void patchComparisonRefusesReportsOverOtherClassesOrUnnamedRows() {
        PatchReport a = PatchReport.of(SHOOTS, new int[] {0}, new int[] {0});
        PatchReport roots = PatchReport.of(List.of("root_tip", "negative"), new int[] {0}, new int[] {0});
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationReport.patchComparison(new Markdown(), List.of("a", "b"), List.of(a, roots)));
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationReport.patchComparison(new Markdown(), List.of("a"), List.of(a, a)));
    }
}
