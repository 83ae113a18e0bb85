package org.phenoloc.engine.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.BitMap;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PixelAccuracy;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.evaluation.ScoredPoint;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.Detection;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.localisation.Renderings;
import org.phenoloc.engine.model.PhenolocModel;

/**
 * Localises annotated images and scores them: one-to-one point matching at several radii, the paper's pixel
 * measure (radius half the window) and counts, plus a precision-recall sweep over the threshold. Single feature
 * class (roots); the shoot issue extends it per class.
 */
public final class LocalisationEvaluation {
    public static final double[] RADII = {8, 16, 32};
    public static final double[] SWEEP = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999};

    /** Per-image outcome. */
    public record ImageScore(String image, int truth, int detected, Map<Double, MatchResult> byRadius,
            PixelAccuracy pixels, double seconds) {}

    /** Everything the report needs. */
    public record Result(String className, double threshold, List<ImageScore> images, Map<Double, MatchSummary> byRadius,
            PixelAccuracy pixels, double[][] sweep /* rows: threshold, precision, recall, f1 at 16 px */) {}

    private LocalisationEvaluation() {}

    /**
     * @param onImage called with each image and its result (for pictures); may be null
     */
    public static Result run(PhenolocModel model, LocaliserConfig config, List<AnnotatedImage> images, Progress progress,
            BiConsumer<BufferedImage, LocalisationResult> onImage) {
        String cls = model.metadata().featureClasses().get(0);
        // scan once at a low threshold; higher thresholds are score filters of the same peaks
        double low = SWEEP[0];
        Map<String, Double> lowMap = new LinkedHashMap<>(config.thresholds());
        Localiser main = new Localiser(model, config);
        double threshold = main.thresholds().get(cls);
        lowMap.put(cls, Math.min(low, threshold));
        Localiser sweepLocaliser = new Localiser(model, new LocaliserConfig(config.stride(), lowMap,
                config.suppressionRadius(), config.dense()));
        List<ImageScore> scores = new ArrayList<>();
        Map<Double, List<MatchResult>> perRadius = new LinkedHashMap<>();
        List<List<ScoredPoint>> allDetections = new ArrayList<>();
        List<List<Point>> allTruth = new ArrayList<>();
        List<PixelAccuracy> pixelScores = new ArrayList<>();
        double window = model.metadata().recipe().window() / model.metadata().imageScale();
        for (int n = 0; n < images.size(); n++) {
            progress.checkCancelled();
            AnnotatedImage a = images.get(n);
            BufferedImage img = ImageFiles.readRgb(a.image());
            LocalisationResult swept = sweepLocaliser.localise(img, a.image().getFileName().toString(), Progress.NONE);
            List<Detection> kept = swept.detections().stream().filter(d -> d.score() >= threshold).toList();
            LocalisationResult r = new LocalisationResult(swept.image(), swept.width(), swept.height(), swept.imageScale(),
                    swept.grid(), Map.of(cls, threshold), kept, swept.seconds());
            List<Point> truth = a.features().stream().filter(f -> f.className().equals(cls)).map(Feature::point).toList();
            List<Point> det = kept.stream().map(d -> new Point(d.x(), d.y())).toList();
            Map<Double, MatchResult> byRadius = new LinkedHashMap<>();
            for (double radius : RADII) {
                MatchResult m = PointMatcher.match(det, truth, radius);
                byRadius.put(radius, m);
                perRadius.computeIfAbsent(radius, k -> new ArrayList<>()).add(m);
            }
            BitMap map = BitMap.of(Renderings.binaryMap(r, 0, threshold), r.width(), r.height());
            PixelAccuracy px = PixelAccuracy.measure(map, truth, window / 2);
            pixelScores.add(px);
            allDetections.add(swept.detections().stream().map(d -> new ScoredPoint(new Point(d.x(), d.y()), d.score())).toList());
            allTruth.add(truth);
            scores.add(new ImageScore(r.image(), truth.size(), kept.size(), byRadius, px, r.seconds()));
            if (onImage != null) {
                onImage.accept(img, r);
            }
            progress.update((n + 1) / (double) images.size(), "evaluated " + r.image());
        }
        Map<Double, MatchSummary> summaries = new LinkedHashMap<>();
        perRadius.forEach((radius, list) -> summaries.put(radius, MatchSummary.of(list)));
        double[][] sweep = new double[SWEEP.length][];
        for (int t = 0; t < SWEEP.length; t++) {
            List<MatchResult> at = new ArrayList<>();
            for (int i = 0; i < allTruth.size(); i++) {
                at.add(PointMatcher.match(allDetections.get(i), allTruth.get(i), 16, SWEEP[t]));
            }
            MatchSummary s = MatchSummary.of(at);
            sweep[t] = new double[] {SWEEP[t], s.precision(), s.recall(), s.f1()};
        }
        return new Result(cls, threshold, scores, summaries, PixelAccuracy.sum(pixelScores), sweep);
    }
}
