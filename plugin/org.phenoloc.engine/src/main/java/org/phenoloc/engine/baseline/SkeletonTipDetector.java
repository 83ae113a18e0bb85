package org.phenoloc.engine.baseline;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.ScoredPoint;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.blur.BlurImageOps;
import boofcv.alg.filter.misc.AverageDownSampleOps;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;

/**
 * The classical tip baseline, no learning: segment the pale roots from the blue paper (or, for leaf tips, the green
 * shoot from a neutral background: {@link SkeletonTipConfig#leafTipDefaults()}), thin them to a skeleton (BoofCV's
 * morphological thinning), prune spurs, and report the skeleton's end points except the seed's (or the stem's).
 * Each tip's score is the length of its skeleton branch (from the tip to the first junction), so longer roots and
 * leaves rank first in a precision-recall curve.
 *
 * <p>Steps (each a method): {@link #prepare} (root channel and paper at the processing scale), {@link #segment}
 * (threshold), {@link #thin} (closing, component areas, thinning), {@link #tips} (small objects dropped, spurs
 * pruned, end points, seed and border dropped, back to original pixels). {@link SkeletonTipTuner} reuses the early
 * steps' results for the settings that do not change them.
 */
public final class SkeletonTipDetector {
    /** The root channel and the paper at the processing scale, with the factor back to original pixels. */
    record Prepared(GrayF32 channel, PaperRegion paper, double scaleX, double scaleY) {}

    /**
     * The thinned segmentation, the segmentation it was thinned from (after closing), and for every skeleton
     * pixel the area of the segmented object it lies in.
     */
    record Thinned(GrayU8 skeleton, GrayU8 closed, int[] objectArea) {}

    /** The farthest an end point is moved to its object's end, processing pixels. */
    static final int MAX_EXTENSION = 10;

    private final SkeletonTipConfig config;

    public SkeletonTipDetector(SkeletonTipConfig config) {
        this.config = config;
    }

    public SkeletonTipConfig config() {
        return config;
    }

    /** The tips of the roots in {@code image}, in original-image pixels. */
    public List<Point> detect(BufferedImage image) {
        return detectScored(image).stream().map(ScoredPoint::point).toList();
    }

    /** The tips with their branch length (original pixels) as score, longest first. */
    public List<ScoredPoint> detectScored(BufferedImage image) {
        Prepared p = prepare(image);
        return tips(thin(segment(p)), p);
    }

    /**
     * Step 1: the channel and the region (the blue paper, found only when the config looks for it, or the whole
     * image), downscaled (area average) to the processing scale.
     */
    Prepared prepare(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean onPaper = config.region() == SkeletonTipConfig.Region.PAPER;
        GrayF32 channel = new GrayF32(w, h);
        GrayF32 blueness = onPaper ? new GrayF32(w, h) : null;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int r = (row[x] >> 16) & 0xff;
                int g = (row[x] >> 8) & 0xff;
                int b = row[x] & 0xff;
                channel.data[y * w + x] = channelValue(config.channel(), r, g, b);
                if (onPaper) {
                    blueness.data[y * w + x] = b - Math.max(r, g);
                }
            }
        }
        if (config.scale() < 1) {
            int sw = Math.max(1, (int) Math.round(w * config.scale()));
            int sh = Math.max(1, (int) Math.round(h * config.scale()));
            GrayF32 c = new GrayF32(sw, sh);
            AverageDownSampleOps.down(channel, c);
            channel = c;
            if (onPaper) {
                GrayF32 bl = new GrayF32(sw, sh);
                AverageDownSampleOps.down(blueness, bl);
                blueness = bl;
            }
        }
        PaperRegion region = onPaper ? PaperRegion.find(blueness) : PaperRegion.whole(channel.width, channel.height);
        return new Prepared(channel, region, (double) w / channel.width, (double) h / channel.height);
    }

    static float channelValue(SkeletonTipConfig.Channel channel, int r, int g, int b) {
        return switch (channel) {
            case RED -> r;
            case GREEN -> g;
            case GREY -> (r + g + b) / 3f;
            case PALENESS -> (r + g + b) / 3f - (b - (r + g) / 2f);
            case GREENNESS -> g - Math.max(r, b);
        };
    }

    /**
     * The largest share of the paper a segmentation may mark as root. Roots on paper cover a few percent of it (the
     * OSR training images 0.3-4% at every setting of the tuning grid, 25% at worst where Otsu's threshold split the
     * paper's lighting); a threshold that marks more has found the paper or the background, not the roots. Thinning
     * such a mask is slow (BoofCV's thinning peels one pixel layer per pass: minutes for a 4.8 MP image mostly
     * foreground) and its skeleton's end points are not tips.
     */
    static final double MAX_ROOT_SHARE = 0.5;

    /**
     * Step 2: root pixels (1) on the paper, by Otsu's global threshold or above the local background; nothing (all 0)
     * when more than {@link #MAX_ROOT_SHARE} of the paper would be marked.
     */
    GrayU8 segment(Prepared p) {
        GrayF32 channel = p.channel();
        double sigma = config.smoothing() / p.scaleX();
        if (sigma > 0) {
            channel = BlurImageOps.gaussian(channel, null, sigma, -1, null);
        }
        int w = channel.width;
        int h = channel.height;
        GrayU8 paper = paperMask(p.paper(), 1);
        GrayF32 values = channel;
        double t;
        if (config.threshold() == SkeletonTipConfig.Threshold.OTSU) {
            t = Thresholds.otsu(channel, paper);
        } else if (config.threshold() == SkeletonTipConfig.Threshold.FIXED) {
            t = config.sensitivity();
        } else {
            int radius = Math.max(1, (int) Math.round(config.backgroundRadius() / p.scaleX()));
            GrayF32 background = BlurImageOps.mean(channel, null, radius, null, null);
            values = new GrayF32(w, h);
            for (int i = 0; i < w * h; i++) {
                values.data[i] = channel.data[i] - background.data[i];
            }
            t = config.sensitivity() * Thresholds.robustSigma(values, paper);
        }
        GrayU8 roots = new GrayU8(w, h);
        long marked = 0;
        long onPaper = 0;
        for (int i = 0; i < w * h; i++) {
            boolean root = paper.data[i] != 0 && values.data[i] > t;
            roots.data[i] = (byte) (root ? 1 : 0);
            marked += root ? 1 : 0;
            onPaper += paper.data[i];
        }
        if (marked > MAX_ROOT_SHARE * onPaper) {
            java.util.Arrays.fill(roots.data, (byte) 0);
        } else if (config.threshold() == SkeletonTipConfig.Threshold.FIXED) {
            keepStrong(roots, values, STRONG_FACTOR * t);
        }
        return roots;
    }

    /**
     * {@link SkeletonTipConfig.Threshold#FIXED} keeps only the objects in which some pixel exceeds this many times the
     * level (hysteresis): the plant's leaves are strongly green along most of their length and pale only towards
     * thin tips, while the colour fringes on the booth's frame edges and its glass reflections are faintly green
     * throughout.
     */
    static final double STRONG_FACTOR = 3;

    /** Clears the 8-connected objects of {@code mask} in which no pixel's value exceeds {@code strong}. */
    static void keepStrong(GrayU8 mask, GrayF32 values, double strong) {
        GrayS32 labels = new GrayS32(mask.width, mask.height);
        int objects = BinaryImageOps.contour(mask, ConnectRule.EIGHT, labels).size();
        boolean[] keep = new boolean[objects + 1];
        for (int i = 0; i < mask.data.length; i++) {
            if (mask.data[i] != 0 && values.data[i] > strong) {
                keep[labels.data[i]] = true;
            }
        }
        for (int i = 0; i < mask.data.length; i++) {
            if (mask.data[i] != 0 && !keep[labels.data[i]]) {
                mask.data[i] = 0;
            }
        }
    }

    /** Paper pixels (1) at least {@code margin} from the paper's edge; the image border is always 0. */
    static GrayU8 paperMask(PaperRegion paper, int margin) {
        GrayU8 mask = new GrayU8(paper.width(), paper.height());
        for (int y = 1; y < mask.height - 1; y++) {
            for (int x = 1; x < mask.width - 1; x++) {
                mask.data[y * mask.width + x] = (byte) (paper.contains(x, y, margin) ? 1 : 0);
            }
        }
        return mask;
    }

    /** Step 3: closing, the area of every segmented object, and BoofCV's thinning to a one-pixel skeleton. */
    Thinned thin(GrayU8 roots) {
        GrayU8 closed = close(roots, config.closingRadius());
        GrayS32 labels = new GrayS32(closed.width, closed.height);
        BinaryImageOps.contour(closed, ConnectRule.EIGHT, labels);
        int[] areaOfLabel = new int[1];
        for (int i = 0; i < labels.data.length; i++) {
            int l = labels.data[i];
            if (l >= areaOfLabel.length) {
                areaOfLabel = java.util.Arrays.copyOf(areaOfLabel, Math.max(l + 1, 2 * areaOfLabel.length));
            }
            areaOfLabel[l]++;
        }
        GrayU8 skeleton = BinaryImageOps.thin(closed, -1, null);
        int[] objectArea = new int[skeleton.data.length];
        for (int i = 0; i < objectArea.length; i++) {
            objectArea[i] = skeleton.data[i] != 0 ? areaOfLabel[labels.data[i]] : 0;
        }
        return new Thinned(skeleton, closed, objectArea);
    }

    /** Dilates then erodes {@code radius} times (8-connected); the image border stays 0. */
    static GrayU8 close(GrayU8 binary, int radius) {
        GrayU8 out = binary.clone();
        if (radius > 0) {
            GrayU8 dilated = BinaryImageOps.dilate8(binary, radius, null);
            out = BinaryImageOps.erode8(dilated, radius, null);
        }
        for (int x = 0; x < out.width; x++) {
            out.set(x, 0, 0);
            out.set(x, out.height - 1, 0);
        }
        for (int y = 0; y < out.height; y++) {
            out.set(0, y, 0);
            out.set(out.width - 1, y, 0);
        }
        return out;
    }

    /**
     * Step 4: drops objects smaller than the minimum area, prunes spurs, takes the end points, drops the seed's
     * and those near the paper's edge, and maps them to original pixels with their branch length as score.
     */
    List<ScoredPoint> tips(Thinned thinned, Prepared p) {
        double area = p.scaleX() * p.scaleY();
        Skeleton skeleton = new Skeleton(thinned.skeleton());
        skeleton.retain(i -> thinned.objectArea()[i] * area >= config.minArea());
        skeleton.pruneSpurs(config.spurLength() / p.scaleX());
        List<Integer> sizes = new ArrayList<>();
        int[] componentOf = skeleton.components(sizes);
        List<Skeleton.End> ends = dropSeed(skeleton.ends(componentOf), sizes);
        int margin = (int) Math.ceil(config.borderMargin() / p.scaleX());
        List<ScoredPoint> tips = new ArrayList<>();
        for (Skeleton.End e : ends) {
            if (p.paper().containsWell(e.x(), e.y(), margin)) {
                double[] tip = extendToObjectEnd(e, thinned.closed());
                tips.add(new ScoredPoint(new Point((tip[0] + 0.5) * p.scaleX(), (tip[1] + 0.5) * p.scaleY()),
                        e.branchLength() * p.scaleX()));
            }
        }
        tips.sort(Comparator.comparingDouble(ScoredPoint::score).reversed());
        return tips;
    }

    /**
     * Thinning leaves a root's skeleton ending about half a root width inside the root's tip: moves the end point
     * on in the root's direction at its end (from {@link Skeleton#DIRECTION_STEPS} pixels back) to the last
     * segmented pixel, at most {@link #MAX_EXTENSION} pixels (processing scale).
     */
    static double[] extendToObjectEnd(Skeleton.End e, GrayU8 segmented) {
        double dx = e.x() - e.backX();
        double dy = e.y() - e.backY();
        double norm = Math.hypot(dx, dy);
        double[] tip = {e.x(), e.y()};
        if (norm == 0) {
            return tip;
        }
        for (double t = 0.5; t <= MAX_EXTENSION; t += 0.5) {
            int x = (int) Math.round(e.x() + dx / norm * t);
            int y = (int) Math.round(e.y() + dy / norm * t);
            if (!segmented.isInBounds(x, y) || segmented.get(x, y) == 0) {
                break;
            }
            tip[0] = x;
            tip[1] = y;
        }
        return tip;
    }

    /** Drops the seed's (or the stem's) end point(s) as {@link SkeletonTipConfig#seedRule()} says. */
    List<Skeleton.End> dropSeed(List<Skeleton.End> ends, List<Integer> componentSizes) {
        if (config.seedRule() == SkeletonTipConfig.SeedRule.NONE || ends.isEmpty()) {
            return ends;
        }
        int largest = 0;
        for (int c = 1; c < componentSizes.size(); c++) {
            largest = componentSizes.get(c) > componentSizes.get(largest) ? c : largest;
        }
        boolean bottom = config.seedRule() == SkeletonTipConfig.SeedRule.BOTTOMMOST_OF_LARGEST;
        Skeleton.End[] extreme = new Skeleton.End[componentSizes.size()];
        for (Skeleton.End e : ends) {
            Skeleton.End t = extreme[e.component()];
            if (t == null || (bottom ? e.y() > t.y() : e.y() < t.y())) {
                extreme[e.component()] = e;
            }
        }
        List<Skeleton.End> kept = new ArrayList<>();
        for (Skeleton.End e : ends) {
            boolean seed = extreme[e.component()] == e && (config.seedRule()
                    == SkeletonTipConfig.SeedRule.TOPMOST_PER_COMPONENT || e.component() == largest);
            if (!seed) {
                kept.add(e);
            }
        }
        return kept;
    }
}
