package org.phenoloc.engine.baseline;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.evaluation.ScoredPoint;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;

/**
 * Picks the {@link SkeletonTipConfig} with the best tip F1 on training images: every candidate is scored with
 * {@link PointMatcher} at the matching radius (one-to-one, as the CNN is scored) and the counts are summed over the
 * images ({@link MatchSummary}); the first candidate with the highest F1 wins. Images are read one at a time and
 * each step's result is shared by the candidates that differ only in later steps (a candidate grid costs about one
 * thinning per segmentation setting, not one per candidate).
 */
public final class SkeletonTipTuner {
    /** An image with its true tips (original pixels). */
    public record TipImage(String name, BufferedImage image, List<Point> tips) {
        public TipImage {
            tips = List.copyOf(tips);
        }
    }

    /** One candidate's score on all training images. */
    public record Trial(SkeletonTipConfig config, MatchSummary summary) {}

    /** The winner, every candidate's score (in candidate order) and the time taken. */
    public record Result(SkeletonTipConfig best, MatchSummary bestSummary, List<Trial> trials, double seconds) {
        public Result {
            trials = List.copyOf(trials);
        }
    }

    private final List<SkeletonTipConfig> candidates;
    private final double radius;

    /**
     * @param candidates the settings to try (at least one)
     * @param radius     matching radius in original pixels (16 for roots: half the paper's 32 px window)
     */
    public SkeletonTipTuner(List<SkeletonTipConfig> candidates, double radius) {
        if (candidates.isEmpty()) {
            throw new BadInputException("skeleton baseline tuning needs at least one candidate setting");
        }
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new BadInputException("skeleton baseline tuning radius must be > 0 px, was " + radius);
        }
        this.candidates = List.copyOf(candidates);
        this.radius = radius;
    }

    /**
     * The default grid around {@code base} (32 candidates): smoothing sigma 1 or 2 px; Otsu's threshold or the
     * local one at 3, 4 or 5 noise standard deviations; closing radius 1 or 2 px; and spurs of 16 or 32 px. The
     * channel, background window, minimum area, seed rule, margin and scale stay as in {@code base}.
     */
    public static List<SkeletonTipConfig> defaultGrid(SkeletonTipConfig base) {
        List<SkeletonTipConfig> grid = new ArrayList<>();
        for (double smoothing : new double[] {1, 2}) {
            for (double sensitivity : new double[] {0, 3, 4, 5}) { // 0 stands for Otsu
                for (int closing : new int[] {1, 2}) {
                    for (int spur : new int[] {16, 32}) {
                        SkeletonTipConfig c = base.withSmoothing(smoothing).withClosingRadius(closing)
                                .withSpurLength(spur);
                        grid.add(sensitivity == 0 ? c.withThreshold(SkeletonTipConfig.Threshold.OTSU)
                                : c.withThreshold(SkeletonTipConfig.Threshold.LOCAL).withSensitivity(sensitivity));
                    }
                }
            }
        }
        return grid;
    }

    /**
     * The leaf-tip grid around {@code base} (48 candidates): smoothing sigma 1 or 2 px; the fixed threshold at 3, 5 or
     * 8 levels ({@link SkeletonTipConfig.Threshold#FIXED}); closing radius 1 or 3 px (leaves across a thin gap stay whole);
     * spurs of 32 or 64 px (the leaves' wavy margins leave longer spurs than roots do); and the stem's end dropped
     * or kept. The rest stays as in {@code base} ({@link SkeletonTipConfig#leafTipDefaults()}).
     */
    public static List<SkeletonTipConfig> leafTipGrid(SkeletonTipConfig base) {
        List<SkeletonTipConfig> grid = new ArrayList<>();
        for (double smoothing : new double[] {1, 2}) {
            for (double level : new double[] {3, 5, 8}) {
                for (int closing : new int[] {1, 3}) {
                    for (int spur : new int[] {32, 64}) {
                        for (SkeletonTipConfig.SeedRule stem : new SkeletonTipConfig.SeedRule[] {
                                SkeletonTipConfig.SeedRule.BOTTOMMOST_OF_LARGEST, SkeletonTipConfig.SeedRule.NONE}) {
                            SkeletonTipConfig c = base.withSmoothing(smoothing).withClosingRadius(closing)
                                    .withSpurLength(spur).withSeedRule(stem);
                            grid.add(c.withThreshold(SkeletonTipConfig.Threshold.FIXED).withSensitivity(level));
                        }
                    }
                }
            }
        }
        return grid;
    }

    public List<SkeletonTipConfig> candidates() {
        return candidates;
    }

    /**
     * Tunes on annotated image files, reading each image once; the truth is the features of class
     * {@code className} (e.g. {@code root_tip}).
     */
    public Result tune(List<AnnotatedImage> images, String className, Progress progress) {
        return run(images.size(), i -> {
            AnnotatedImage a = images.get(i);
            List<Point> truth = a.features().stream().filter(f -> f.className().equals(className))
                    .map(Feature::point).toList();
            return new TipImage(a.image().getFileName().toString(), ImageFiles.readRgb(a.image()), truth);
        }, progress);
    }

    /** Tunes on images in memory. */
    public Result tuneImages(List<TipImage> images, Progress progress) {
        return run(images.size(), images::get, progress);
    }

    private Result run(int imageCount, IntFunction<TipImage> load, Progress progress) {
        if (imageCount == 0) {
            throw new BadInputException("skeleton baseline tuning needs at least one training image");
        }
        long start = System.nanoTime();
        List<List<MatchResult>> perCandidate = new ArrayList<>();
        candidates.forEach(c -> perCandidate.add(new ArrayList<>()));
        int steps = imageCount * candidates.size();
        for (int i = 0; i < imageCount; i++) {
            progress.checkCancelled();
            TipImage image = load.apply(i);
            String step = "skeleton baseline: image " + (i + 1) + "/" + imageCount + " (" + image.name() + ")";
            StageCache cache = new StageCache(image.image());
            for (int c = 0; c < candidates.size(); c++) {
                progress.checkCancelled();
                List<Point> found = cache.tips(candidates.get(c)).stream().map(ScoredPoint::point).toList();
                perCandidate.get(c).add(PointMatcher.match(found, image.tips(), radius));
                // one message per image; the fraction counts the settings
                progress.update((double) (i * candidates.size() + c + 1) / steps, step);
            }
        }
        List<Trial> trials = new ArrayList<>();
        int best = 0;
        for (int c = 0; c < candidates.size(); c++) {
            trials.add(new Trial(candidates.get(c), MatchSummary.of(perCandidate.get(c))));
            if (trials.get(c).summary().f1() > trials.get(best).summary().f1()) {
                best = c;
            }
        }
        return new Result(candidates.get(best), trials.get(best).summary(), trials,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * One image's intermediate results, keyed by the settings each step reads, so candidates that differ only in
     * later steps share the earlier ones.
     */
    private static final class StageCache {
        private final BufferedImage image;
        private final Map<SkeletonTipConfig, SkeletonTipDetector.Prepared> prepared = new HashMap<>();
        private final Map<SkeletonTipConfig, boofcv.struct.image.GrayU8> segmented = new HashMap<>();
        private final Map<SkeletonTipConfig, SkeletonTipDetector.Thinned> thinned = new HashMap<>();

        StageCache(BufferedImage image) {
            this.image = image;
        }

        List<ScoredPoint> tips(SkeletonTipConfig c) {
            SkeletonTipDetector d = new SkeletonTipDetector(c);
            SkeletonTipConfig base = SkeletonTipConfig.defaults();
            SkeletonTipConfig prepareKey = base.withChannel(c.channel()).withScale(c.scale()).withRegion(c.region());
            SkeletonTipConfig segmentKey = prepareKey.withSmoothing(c.smoothing()).withThreshold(c.threshold())
                    .withSensitivity(c.threshold() == SkeletonTipConfig.Threshold.OTSU ? 1 : c.sensitivity())
                    .withBackgroundRadius(c.threshold() == SkeletonTipConfig.Threshold.LOCAL ? c.backgroundRadius()
                            : 1); // only the local threshold reads the background window
            SkeletonTipConfig thinKey = segmentKey.withClosingRadius(c.closingRadius());
            SkeletonTipDetector.Prepared p = prepared.computeIfAbsent(prepareKey, k -> d.prepare(image));
            boofcv.struct.image.GrayU8 s = segmented.computeIfAbsent(segmentKey, k -> d.segment(p));
            return d.tips(thinned.computeIfAbsent(thinKey, k -> d.thin(s)), p);
        }
    }
}
