package org.phenoloc.engine.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.evaluation.ScoredPoint;

/**
 * Several point detectors scored side by side on the same images: precision, recall and F1 at each radius, count
 * error per image, training time and scan cost in one table, a precision-recall curve per method, and the image on
 * which the first method and the best of the others differ most.
 */
public final class MethodComparison {
    private MethodComparison() {}

    /**
     * One method's output on the evaluation images.
     *
     * @param name             as shown in the table
     * @param detections       per image, every detection with its score (at least those above {@code threshold})
     * @param threshold        the method's operating threshold (its default; scores below are dropped)
     * @param trainingMinutes  time to fit the method (NaN if not measured in this run)
     * @param secondsPerMp     detection cost per megapixel of the original image
     */
    public record Method(String name, List<List<ScoredPoint>> detections, double threshold, double trainingMinutes,
            double secondsPerMp) {
        public MatchSummary summary(List<List<Point>> truth, double radius) {
            List<MatchResult> r = new ArrayList<>();
            for (int i = 0; i < truth.size(); i++) {
                r.add(PointMatcher.match(detections.get(i), truth.get(i), radius, threshold));
            }
            return MatchSummary.of(r);
        }

        /** Share of images whose detection count equals the annotated count, and is within {@code tolerance} of it. */
        public double countShare(List<List<Point>> truth, int tolerance) {
            if (truth.isEmpty()) {
                return Double.NaN;
            }
            int ok = 0;
            for (int i = 0; i < truth.size(); i++) {
                ok += Math.abs(kept(i).size() - truth.get(i).size()) <= tolerance ? 1 : 0;
            }
            return ok / (double) truth.size();
        }

        public MatchResult image(int i, List<Point> truth, double radius) {
            return PointMatcher.match(detections.get(i), truth, radius, threshold);
        }

        /** Detections at the operating threshold. */
        public List<Point> kept(int i) {
            return detections.get(i).stream().filter(d -> d.score() >= threshold).map(ScoredPoint::point).toList();
        }
    }

    /** Appends the table of all methods at each radius. */
    public static void table(Markdown md, List<Method> methods, List<List<Point>> truth, double[] radii) {
        List<List<String>> rows = new ArrayList<>();
        for (Method m : methods) {
            for (double r : radii) {
                MatchSummary s = m.summary(truth, r);
                rows.add(List.of(m.name(), Markdown.f("%.3f", m.threshold()), Markdown.f("%.0f px", r),
                        Markdown.f("%.3f", s.precision()), Markdown.f("%.3f", s.recall()), Markdown.f("%.3f", s.f1()),
                        Markdown.f("%.1f", s.meanAbsoluteCountError()),
                        Markdown.f("%.0f%%", 100 * m.countShare(truth, 0)), Markdown.f("%.0f%%", 100 * m.countShare(truth, 1)),
                        Double.isNaN(m.trainingMinutes()) ? "-" : Markdown.f("%.1f", m.trainingMinutes()),
                        Markdown.f("%.2f", m.secondsPerMp())));
            }
        }
        md.table(List.of("method", "threshold", "radius", "precision", "recall", "F1", "mean abs count error / image",
                "count exact", "count within 1", "training min", "detection s/MP"), rows);
    }

    /** Precision against recall at one radius, each method's scores swept (its operating point is on its curve). */
    public static BufferedImage precisionRecall(List<Method> methods, List<List<Point>> truth, double radius) {
        Color[] colours = {new Color(200, 30, 30), new Color(30, 90, 200), new Color(30, 150, 60), Color.DARK_GRAY};
        List<Plots.Series> series = new ArrayList<>();
        for (int k = 0; k < methods.size(); k++) {
            Method m = methods.get(k);
            double[] ts = m.detections().stream().flatMap(List::stream).mapToDouble(ScoredPoint::score).distinct().sorted()
                    .toArray();
            if (ts.length > 60) {
                double[] q = new double[60];
                for (int i = 0; i < q.length; i++) {
                    q[i] = ts[(int) ((long) i * (ts.length - 1) / (q.length - 1))];
                }
                ts = q;
            }
            double[] rec = new double[ts.length];
            double[] pre = new double[ts.length];
            for (int i = 0; i < ts.length; i++) {
                Method at = new Method(m.name(), m.detections(), ts[i], m.trainingMinutes(), m.secondsPerMp());
                MatchSummary s = at.summary(truth, radius);
                rec[i] = s.recall();
                pre[i] = s.precision();
            }
            series.add(new Plots.Series(m.name(), rec, pre, colours[k % colours.length]));
        }
        return Plots.lineChart(Markdown.f("Precision-recall at r = %.0f px", radius), "recall", "precision", 0, 1, 0, 1,
                series);
    }

    /** Index of the image where the first method's F1 differs most from the best other method's. */
    public static int mostDifferent(List<Method> methods, List<List<Point>> truth, double radius) {
        int best = 0;
        double gap = -1;
        for (int i = 0; i < truth.size(); i++) {
            double first = methods.get(0).image(i, truth.get(i), radius).f1();
            int fi = i;
            double others = methods.subList(1, methods.size()).stream()
                    .mapToDouble(m -> m.image(fi, truth.get(fi), radius).f1()).max().orElse(first);
            if (Math.abs(first - others) > gap) {
                gap = Math.abs(first - others);
                best = i;
            }
        }
        return best;
    }
}
