package org.phenoloc.engine.training;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.evaluation.ScoredPoint;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.DenseScanner;
import org.phenoloc.engine.localisation.FlipAveragingScanner;
import org.phenoloc.engine.localisation.Scanner;
import org.phenoloc.engine.localisation.Detection;
import org.phenoloc.engine.localisation.ImageScaling;
import org.phenoloc.engine.localisation.PeakFinder;
import org.phenoloc.engine.localisation.ProbabilityGrid;
import org.phenoloc.engine.network.Architecture;

/**
 * Chooses what a user sees: the per-class threshold (the highest among equally good ones) and the peak-suppression
 * radius that maximise localisation F1
 * (one-to-one matching at the task's middle radius) on validation images, by scanning them once and sweeping the
 * threshold over the peaks found at a low threshold. Classes without validation points are reported untrained.
 *
 * @param thresholds per-class calibrated thresholds (classes with validation points only)
 * @param radius     peak-suppression radius in original-image pixels
 * @param scores     per-class validation score at the chosen settings
 * @param flips      calibrated on flip-averaged scans ({@link FlipAveragingScanner})
 */
public record Calibration(Map<String, Double> thresholds, double radius, Map<String, MatchSummary> scores, boolean flips) {

    /**
     * Least gain in mean validation F1 for which flip averaging (four scans instead of one) becomes the model's
     * default: smaller gains are within the noise of a few validation images and not worth 4x the scan time.
     */
    static final double FLIP_GAIN = 0.01;

    /** Lowest threshold considered; thresholds are swept from here in steps of the logit. */
    static final double LOWEST = PeakFinder.REFINE_FLOOR;

    /** Mean validation F1 over the calibrated classes (the model-selection criterion); NaN if none. */
    public double meanF1() {
        return scores.values().stream().mapToDouble(MatchSummary::f1).average().orElse(Double.NaN);
    }

    /** Validation images held at scan scale with their truth in original pixels. */
    public record Images(List<BufferedImage> scanned, List<List<Feature>> truth, double imageScale) {
        public static Images load(List<AnnotatedImage> images, double imageScale) {
            List<BufferedImage> scanned = new ArrayList<>();
            List<List<Feature>> truth = new ArrayList<>();
            for (AnnotatedImage a : images) {
                BufferedImage img = ImageFiles.readRgb(a.image());
                scanned.add(ImageScaling.scale(img, imageScale));
                truth.add(a.features());
            }
            return new Images(scanned, truth, imageScale);
        }

        /** No images. */
        public static Images none(double imageScale) {
            return new Images(List.of(), List.of(), imageScale);
        }

        public boolean isEmpty() {
            return scanned.isEmpty();
        }

        public int size() {
            return scanned.size();
        }

        /** These images followed by {@code more} (same scan scale). */
        public Images plus(Images more) {
            if (more.imageScale != imageScale) {
                throw new IllegalArgumentException("images scanned at " + imageScale + " and " + more.imageScale);
            }
            List<BufferedImage> s = new ArrayList<>(scanned);
            s.addAll(more.scanned);
            List<List<Feature>> t = new ArrayList<>(truth);
            t.addAll(more.truth);
            return new Images(s, t, imageScale);
        }
    }

    /**
     * @param classes       feature class names (the network's classes without the trailing negative)
     * @param matchRadius   matching radius in original pixels (16 roots, 32 shoots)
     * @param radii         candidate suppression radii in original pixels
     */
    public static Calibration run(MultiLayerNetwork classifier, Architecture arch, List<String> classes, Images val,
            double matchRadius, double[] radii, Progress progress) {
        return run(classifier, arch, classes, val, matchRadius, radii, false, progress);
    }

    /** As {@link #run(MultiLayerNetwork, Architecture, List, Images, double, double[], Progress)}, on flip-averaged scans if flips. */
    public static Calibration run(MultiLayerNetwork classifier, Architecture arch, List<String> classes, Images val,
            double matchRadius, double[] radii, boolean flips, Progress progress) {
        return fromGrids(scan(classifier, arch, val, flips, progress), val, classes, matchRadius, radii, flips);
    }

    /** The probability grids of the images at the scan's stride 4, flip-averaged if flips. */
    static List<ProbabilityGrid> scan(MultiLayerNetwork classifier, Architecture arch, Images images, boolean flips,
            Progress progress) {
        List<ProbabilityGrid> grids = new ArrayList<>();
        Scanner one = new DenseScanner(classifier, arch);
        try (Scanner scanner = flips ? new FlipAveragingScanner(one, arch.window()) : one) {
            for (BufferedImage img : images.scanned()) {
                progress.checkCancelled();
                grids.add(scanner.scan(img, 4, Progress.NONE));
            }
        }
        return grids;
    }

    static Calibration fromGrids(List<ProbabilityGrid> grids, Images val, List<String> classes, double matchRadius,
            double[] radii, boolean flips) {
        Map<String, Double> best = new LinkedHashMap<>();
        Map<String, MatchSummary> bestScores = new LinkedHashMap<>();
        double bestRadius = radii[0];
        double bestMean = -1;
        for (double radius : radii) {
            Map<String, Double> th = new LinkedHashMap<>();
            Map<String, MatchSummary> sc = new LinkedHashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                String cls = classes.get(c);
                List<List<Point>> truth = new ArrayList<>();
                List<List<ScoredPoint>> peaks = new ArrayList<>();
                for (int i = 0; i < grids.size(); i++) {
                    truth.add(val.truth().get(i).stream().filter(f -> f.className().equals(cls)).map(Feature::point).toList());
                    List<Detection> d = PeakFinder.find(grids.get(i), c, cls, LOWEST, radius * val.imageScale(), val.imageScale());
                    peaks.add(d.stream().map(x -> new ScoredPoint(new Point(x.x(), x.y()), x.score())).toList());
                }
                if (truth.stream().allMatch(List::isEmpty)) {
                    continue; // no validation points: nothing to calibrate on
                }
                double bestF = -1;
                for (double t : candidates()) {
                    List<MatchResult> at = new ArrayList<>();
                    for (int i = 0; i < truth.size(); i++) {
                        at.add(PointMatcher.match(peaks.get(i), truth.get(i), matchRadius, t));
                    }
                    MatchSummary s = MatchSummary.of(at);
                    if (s.f1() >= bestF) { // ties go to the higher threshold: fewer detections for the same F1
                        // (a class the net cannot find gets the highest threshold, not the lowest)
                        bestF = s.f1();
                        th.put(cls, t);
                        sc.put(cls, s);
                    }
                }
            }
            double mean = sc.values().stream().mapToDouble(MatchSummary::f1).average().orElse(-1);
            if (mean > bestMean) {
                bestMean = mean;
                best = th;
                bestScores = sc;
                bestRadius = radius;
            }
        }
        return new Calibration(best, bestRadius, bestScores, flips);
    }

    /** Thresholds from LOWEST to 0.9995, evenly spaced in logit (finer near 1, where a confident net's peaks lie). */
    static double[] candidates() {
        int n = 48;
        double lo = logit(LOWEST);
        double hi = logit(0.9995);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double z = lo + (hi - lo) * i / (n - 1);
            out[i] = Math.round(1e4 / (1 + Math.exp(-z))) / 1e4;
        }
        return out;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
