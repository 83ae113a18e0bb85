package org.phenoloc.engine.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.BitMap;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PixelAccuracy;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.evaluation.ScoredPoint;
import org.phenoloc.engine.evaluation.TipPlacement;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.Detection;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.localisation.Renderings;
import org.phenoloc.engine.model.PhenolocModel;

/**
 * Localises annotated images and scores every feature class: one-to-one point matching at the task's radii, the
 * paper's pixel measure (radius half the window, in original pixels), counts, and a precision-recall sweep over
 * the threshold (one scan at a low threshold; higher thresholds are score filters of the same peaks).
 */
public final class LocalisationEvaluation {
    public static final double[] SWEEP = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999};

    /** One image, one class. */
    public record ImageScore(String image, int truth, int detected, Map<Double, MatchResult> byRadius,
            PixelAccuracy pixels, double seconds) {}

    /**
     * One class over all images.
     *
     * @param placements where the annotated points lie against the images' annotated lines, and which were found, at
     *                   the middle radius ({@code sweepRadius})
     */
    public record ClassResult(String className, double threshold, List<ImageScore> images,
            Map<Double, MatchSummary> byRadius, PixelAccuracy pixels,
            double[][] sweep /* rows: threshold, precision, recall, f1 at the middle radius */, double sweepRadius,
            TipPlacement.Tally placements) {}

    /** All classes. */
    public record Result(List<ClassResult> classes) {
        public ClassResult get(String name) {
            return classes.stream().filter(c -> c.className().equals(name)).findFirst().orElseThrow();
        }
    }

    private LocalisationEvaluation() {}

    /** What one class collects over the images: scores at its threshold, all low-threshold peaks, the truth. */
    private record Collected(List<ImageScore> scores, List<List<ScoredPoint>> swept, List<List<Point>> truths,
            TipPlacement.Tally placements) {
        Collected() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new TipPlacement.Tally());
        }
    }

    /** Scores class {@code ci} of one image: matches at every radius, pixel accuracy, and the peaks for the sweep. */
    private static void collect(Collected into, AnnotatedImage a, LocalisationResult all, LocalisationResult r, int ci,
            String c, double[] radii, double window) {
        double threshold = r.thresholds().get(c);
        List<Point> truth = a.features().stream().filter(f -> f.className().equals(c)).map(Feature::point).toList();
        List<Point> det = r.detections().stream().filter(d -> d.className().equals(c)).map(d -> new Point(d.x(), d.y())).toList();
        Map<Double, MatchResult> byRadius = new LinkedHashMap<>();
        for (double radius : radii) {
            byRadius.put(radius, PointMatcher.match(det, truth, radius));
        }
        BitMap map = BitMap.of(Renderings.binaryMap(r, ci, threshold), r.width(), r.height());
        PixelAccuracy px = PixelAccuracy.measure(map, truth, window / 2);
        into.scores().add(new ImageScore(r.image(), truth.size(), det.size(), byRadius, px, r.seconds()));
        into.swept().add(all.detections().stream().filter(d -> d.className().equals(c))
                .map(d -> new ScoredPoint(new Point(d.x(), d.y()), d.score())).toList());
        into.truths().add(truth);
        double middle = radii[radii.length / 2];
        into.placements().add(r.image(), truth, a.structures(), byRadius.get(middle), middle);
    }

    /** One class over all images: summaries per radius, pixel accuracy, and the threshold sweep at the middle radius. */
    private static ClassResult summarise(String c, double threshold, Collected col, double[] radii, double sweepRadius) {
        Map<Double, MatchSummary> summaries = new LinkedHashMap<>();
        for (double radius : radii) {
            summaries.put(radius, MatchSummary.of(col.scores().stream().map(s -> s.byRadius().get(radius)).toList()));
        }
        double[][] sweep = new double[SWEEP.length][];
        for (int t = 0; t < SWEEP.length; t++) {
            List<MatchResult> at = new ArrayList<>();
            for (int i = 0; i < col.truths().size(); i++) {
                at.add(PointMatcher.match(col.swept().get(i), col.truths().get(i), sweepRadius, SWEEP[t]));
            }
            MatchSummary s = MatchSummary.of(at);
            sweep[t] = new double[] {SWEEP[t], s.precision(), s.recall(), s.f1()};
        }
        return new ClassResult(c, threshold, col.scores(), summaries,
                PixelAccuracy.sum(col.scores().stream().map(ImageScore::pixels).toList()), sweep, sweepRadius,
                col.placements());
    }

    /** @param onImage called with each image and its result at the configured thresholds (for pictures); may be null */
    public static Result run(PhenolocModel model, LocaliserConfig config, List<AnnotatedImage> images, Progress progress,
            BiConsumer<BufferedImage, LocalisationResult> onImage) {
        var meta = model.metadata();
        List<String> classes = meta.featureClasses();
        double[] radii = Task.parse(meta.task()).evaluationRadii();
        double sweepRadius = radii[radii.length / 2];
        Localiser main = new Localiser(model, config);
        Map<String, Double> thresholds = main.thresholds();
        Map<String, Double> low = new LinkedHashMap<>();
        thresholds.forEach((c, t) -> low.put(c, Math.min(SWEEP[0], t)));
        Localiser sweeper = new Localiser(model, new LocaliserConfig(config.stride(), low, config.suppressionRadius(), config.dense(), config.flips()));
        double window = meta.recipe().window() / meta.imageScale();
        Map<String, Collected> collected = new LinkedHashMap<>();
        for (String c : thresholds.keySet()) { // untrained classes have no threshold and are not scored
            collected.put(c, new Collected());
        }
        for (int n = 0; n < images.size(); n++) {
            progress.checkCancelled();
            AnnotatedImage a = images.get(n);
            BufferedImage img = ImageFiles.readRgb(a.image());
            LocalisationResult all = sweeper.localise(img, a.image().getFileName().toString(), Progress.NONE);
            List<Detection> kept = all.detections().stream().filter(d -> d.score() >= thresholds.get(d.className())).toList();
            LocalisationResult r = new LocalisationResult(all.image(), all.width(), all.height(), all.imageScale(), all.grid(),
                    thresholds, kept, all.seconds());
            for (int ci = 0; ci < classes.size(); ci++) {
                if (thresholds.containsKey(classes.get(ci))) {
                    collect(collected.get(classes.get(ci)), a, all, r, ci, classes.get(ci), radii, window);
                }
            }
            if (onImage != null) {
                onImage.accept(img, r);
            }
            progress.update((n + 1) / (double) images.size(), "evaluated " + r.image());
        }
        List<ClassResult> out = new ArrayList<>();
        for (String c : thresholds.keySet()) {
            out.add(summarise(c, thresholds.get(c), collected.get(c), radii, sweepRadius));
        }
        return new Result(out);
    }
}
