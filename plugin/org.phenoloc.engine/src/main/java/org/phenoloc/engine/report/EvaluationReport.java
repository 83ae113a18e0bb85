package org.phenoloc.engine.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PatchReport;
import org.phenoloc.engine.evaluation.PixelAccuracy;

/** Report sections shared by evaluate, demo and benchmark. */
public final class EvaluationReport {
    private EvaluationReport() {}

    public static void patchSection(Markdown md, PatchReport report, String what) {
        md.heading(2, "Patch classification (" + what + ")");
        md.paragraph("As Table 1 of Pound et al.: per class, patches correctly classified and misclassified "
                + "(centre crops of the images' patches, arg-max class).");
        md.raw(report.toMarkdown());
    }

    /**
     * Table 1 side by side: each model's accuracy per class on patches cut with its own recipe (window, crop and
     * image scale) at the same annotated points, the negatives drawn with the same seed.
     *
     * @param names   one per report, in the table's order
     * @param reports patch reports over the same classes
     */
    public static void patchComparison(Markdown md, List<String> names, List<PatchReport> reports) {
        if (names.size() != reports.size() || reports.isEmpty()) {
            throw new IllegalArgumentException(names.size() + " names for " + reports.size() + " reports");
        }
        List<String> classes = reports.get(0).classNames();
        for (PatchReport r : reports) {
            if (!r.classNames().equals(classes)) {
                throw new IllegalArgumentException("reports over different classes: " + classes + ", " + r.classNames());
            }
        }
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            final int k = c;
            if (reports.stream().anyMatch(r -> r.patches(k) > 0)) {
                shown.add(c);
            }
        }
        List<String> header = new ArrayList<>(List.of("model"));
        shown.forEach(c -> header.add(classes.get(c) + " (%)"));
        header.add("all (%)");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            PatchReport r = reports.get(i);
            List<String> row = new ArrayList<>(List.of(names.get(i)));
            shown.forEach(c -> row.add(percent(r.correct(c), r.patches(c))));
            row.add(percent(r.totalCorrect(), r.total()));
            rows.add(row);
        }
        md.paragraph("The same patches classified by each model (cut with each model's own window and image scale at the "
                + "same annotated points; negatives drawn with the same seed), accuracy per class, correct of all:");
        md.table(header, rows);
    }

    private static String percent(long correct, long of) {
        return of == 0 ? "n/a" : Markdown.f("%.1f (%d of %d)", 100.0 * correct / of, correct, of);
    }

    public static void localisationSection(Markdown md, LocalisationEvaluation.Result result) {
        md.heading(2, "Localisation");
        md.paragraph("Detections matched one-to-one to annotated points within a radius in original-image pixels "
                + "(precision, recall and F1 from counts summed over images; mean error of matched pairs in pixels).");
        List<List<String>> rows = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (var c : result.classes()) {
            if (c.images().stream().allMatch(s -> s.truth() == 0)) {
                long fp = c.images().stream().mapToLong(s -> s.detected()).sum();
                unsupported.add(c.className() + (fp > 0 ? " (" + fp + " detections, all false positives)" : ""));
                continue;
            }
            c.byRadius().forEach((radius, s) -> rows.add(matchRow(c.className(), Markdown.f("%.3f", c.threshold()),
                    Markdown.f("%.0f px", radius), s)));
        }
        md.table(List.of("class", "threshold", "radius", "TP", "FP", "FN", "precision", "recall", "F1", "mean error px",
                "mean |count error|"), rows);
        if (!unsupported.isEmpty()) {
            md.paragraph("No annotated points of these classes in the evaluation images, so this data cannot support "
                    + "recall, F1 or pixel figures for them: " + String.join(", ", unsupported) + ".");
        }
        md.paragraph("Pixel measure of the paper's Supplementary Table 1 (radius half the window):");
        Map<String, PixelAccuracy> px = new LinkedHashMap<>();
        result.classes().stream().filter(c -> c.images().stream().anyMatch(s -> s.truth() > 0))
                .forEach(c -> px.put(c.className(), c.pixels()));
        md.raw(PixelAccuracy.toMarkdown(px));
        sweepTables(md, result);
        perImageTable(md, result);
    }

    /** Where each class's annotated tips lie against the annotated roots, and how many of each kind were found. */
    public static void placementSection(Markdown md, LocalisationEvaluation.Result result) {
        for (var c : result.classes()) {
            TipPlacementSection.write(md, c.sweepRadius(), List.of(c.className() + ", this model"),
                    List.of(c.placements()));
        }
    }

    private static void sweepTables(Markdown md, LocalisationEvaluation.Result result) {
        for (var c : result.classes()) {
            if (c.images().stream().allMatch(s -> s.truth() == 0)) {
                continue;
            }
            double[] best = c.sweep()[0];
            for (double[] row : c.sweep()) {
                if (row[3] > best[3]) {
                    best = row;
                }
            }
            md.paragraph(Markdown.f("%s: threshold sweep (r = %.0f px); best F1 %.3f at threshold %.3f (precision %.3f, "
                    + "recall %.3f).", c.className(), c.sweepRadius(), best[3], best[0], best[1], best[2]));
            List<List<String>> sweepRows = new ArrayList<>();
            for (double[] row : c.sweep()) {
                sweepRows.add(List.of(Markdown.f("%.3f", row[0]), Markdown.f("%.3f", row[1]), Markdown.f("%.3f", row[2]),
                        Markdown.f("%.3f", row[3])));
            }
            md.table(List.of("threshold", "precision", "recall", "F1"), sweepRows);
        }
    }

    private static void perImageTable(Markdown md, LocalisationEvaluation.Result result) {
        md.paragraph("Per image:");
        List<List<String>> per = new ArrayList<>();
        for (var c : result.classes()) {
            if (c.images().stream().allMatch(s -> s.truth() == 0) && c.images().stream().allMatch(s -> s.detected() == 0)) {
                continue;
            }
            double mid = c.sweepRadius();
            for (var s : c.images()) {
                per.add(List.of(s.image(), c.className(), Integer.toString(s.truth()), Integer.toString(s.detected()),
                        Integer.toString(s.detected() - s.truth()), Markdown.f("%.3f", s.byRadius().get(mid).f1()),
                        Markdown.f("%.3f", s.pixels().accuracyPercent()), Markdown.f("%.2f", s.seconds())));
            }
        }
        md.table(List.of("image", "class", "true count", "detected", "count error", "F1 (middle radius)", "pixel acc %",
                "scan s"), per);
    }

    static List<String> matchRow(String cls, String threshold, String radius, MatchSummary s) {
        return List.of(cls, threshold, radius, Integer.toString(s.truePositives()), Integer.toString(s.falsePositives()),
                Integer.toString(s.falseNegatives()), Markdown.f("%.3f", s.precision()), Markdown.f("%.3f", s.recall()),
                Markdown.f("%.3f", s.f1()), Markdown.f("%.2f", s.meanError()), Markdown.f("%.2f", s.meanAbsoluteCountError()));
    }

    /** Precision, recall and F1 against the threshold, for the first class with annotations. */
    public static java.awt.image.BufferedImage sweepPlot(LocalisationEvaluation.ClassResult c) {
        double[][] s = c.sweep();
        double[] t = new double[s.length];
        double[] p = new double[s.length];
        double[] rc = new double[s.length];
        double[] f = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            t[i] = s[i][0];
            p[i] = s[i][1];
            rc[i] = s[i][2];
            f[i] = s[i][3];
        }
        return Plots.lineChart(Markdown.f("%s: precision / recall over threshold (r = %.0f px)", c.className(), c.sweepRadius()),
                "threshold", "", 0.5, 1.0, 0, 1,
                List.of(new Plots.Series("precision", t, p, new Color(200, 40, 40)),
                        new Plots.Series("recall", t, rc, new Color(40, 90, 200)),
                        new Plots.Series("F1", t, f, new Color(30, 150, 30))));
    }
}
