package org.phenoloc.engine.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PatchReport;
import org.phenoloc.engine.evaluation.PixelAccuracy;

/** Report sections shared by evaluate, demo and benchmark. */
public final class EvaluationReport {
    private EvaluationReport() {}

    public static void patchSection(Markdown md, PatchReport report, String what) {
        md.heading(2, "Patch classification (" + what + ")");
        md.paragraph("As Table 1 of Pound et al.: per class, patches correctly classified and misclassified "
                + "(centre crops of held-out images, arg-max class).");
        md.raw(report.toMarkdown());
    }

    public static void localisationSection(Markdown md, LocalisationEvaluation.Result r) {
        md.heading(2, "Localisation");
        md.paragraph(Markdown.f("Detections at threshold %.3f matched one-to-one to annotated %s within a radius "
                + "(precision, recall, F1 summed over images; mean error of matched pairs in pixels).", r.threshold(), r.className()));
        List<List<String>> rows = new ArrayList<>();
        r.byRadius().forEach((radius, s) -> rows.add(matchRow(Markdown.f("%.0f px", radius), s)));
        md.table(List.of("radius", "TP", "FP", "FN", "precision", "recall", "F1", "mean error px", "mean |count error|"), rows);
        double[] best = r.sweep()[0];
        for (double[] row : r.sweep()) {
            if (row[3] > best[3]) {
                best = row;
            }
        }
        md.paragraph(Markdown.f("Best threshold of the sweep below (r = 16 px): %.3f, precision %.3f, recall %.3f, F1 %.3f "
                + "(`--threshold %.3f`).", best[0], best[1], best[2], best[3], best[0]));
        List<List<String>> sweepRows = new ArrayList<>();
        for (double[] row : r.sweep()) {
            sweepRows.add(List.of(Markdown.f("%.3f", row[0]), Markdown.f("%.3f", row[1]), Markdown.f("%.3f", row[2]),
                    Markdown.f("%.3f", row[3])));
        }
        md.table(List.of("threshold", "precision", "recall", "F1 (16 px)"), sweepRows);
        PixelAccuracy p = r.pixels();
        md.paragraph("Pixel measure of the paper's Supplementary Table 1 (radius half the window):");
        md.table(List.of("feature", "false positive %", "false negative %", "pixel accuracy %"),
                List.of(List.of(r.className(), Markdown.f("%.3f", p.falsePositivePercent()),
                        Markdown.f("%.3f", p.falseNegativePercent()), Markdown.f("%.3f", p.accuracyPercent()))));
        List<List<String>> per = new ArrayList<>();
        for (var s : r.images()) {
            var m16 = s.byRadius().get(16.0);
            per.add(List.of(s.image(), Integer.toString(s.truth()), Integer.toString(s.detected()),
                    Integer.toString(s.detected() - s.truth()), Markdown.f("%.3f", m16.f1()),
                    Markdown.f("%.3f", s.pixels().accuracyPercent()), Markdown.f("%.2f", s.seconds())));
        }
        md.paragraph("Per image (F1 at 16 px):");
        md.table(List.of("image", "true count", "detected", "count error", "F1", "pixel acc %", "scan s"), per);
    }

    static List<String> matchRow(String label, MatchSummary s) {
        return List.of(label, Integer.toString(s.truePositives()), Integer.toString(s.falsePositives()),
                Integer.toString(s.falseNegatives()), Markdown.f("%.3f", s.precision()), Markdown.f("%.3f", s.recall()),
                Markdown.f("%.3f", s.f1()), Markdown.f("%.2f", s.meanError()), Markdown.f("%.2f", s.meanAbsoluteCountError()));
    }

    /** Precision, recall and F1 (at 16 px) against the threshold. */
    public static java.awt.image.BufferedImage sweepPlot(LocalisationEvaluation.Result r) {
        double[][] s = r.sweep();
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
        return Plots.lineChart("Precision / recall over threshold (r = 16 px)", "threshold", "", 0.5, 1.0, 0, 1,
                List.of(new Plots.Series("precision", t, p, new Color(200, 40, 40)),
                        new Plots.Series("recall", t, rc, new Color(40, 90, 200)),
                        new Plots.Series("F1", t, f, new Color(30, 150, 30))));
    }
}
