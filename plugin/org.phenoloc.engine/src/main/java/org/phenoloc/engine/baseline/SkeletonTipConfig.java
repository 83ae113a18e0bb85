package org.phenoloc.engine.baseline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.phenoloc.engine.io.BadInputException;

/**
 * Settings of the classical root-tip baseline ({@link SkeletonTipDetector}): segment the pale roots from the blue
 * paper, thin them to a skeleton, prune short spurs and report the skeleton's end points except the seed's.
 * Lengths and areas are in original-image pixels whatever the processing {@link #scale()}.
 *
 * <p>What the image itself tells is not a setting: the paper is found with Otsu's threshold on its blueness, and
 * the root threshold is either Otsu's on the root channel or a multiple of the paper's measured noise. The few
 * settings left are picked on the user's training images by {@link SkeletonTipTuner}.
 *
 * @param channel          the grey image the roots are segmented in
 * @param smoothing        Gaussian blur of the channel before thresholding, sigma in px (0 = none; 0..10)
 * @param threshold        how the root threshold is found
 * @param sensitivity      {@link Threshold#LOCAL}: a pixel is root when it is brighter than its local background by
 *                         more than this many noise standard deviations (> 0); {@link Threshold#FIXED}: when its
 *                         channel value is above this level; unused by {@link Threshold#OTSU}
 * @param backgroundRadius radius of the local-mean background window, px (>= 1; wider than the widest root)
 * @param closingRadius    morphological closing (dilate then erode, 8-connected) bridging small gaps, px (0 = none)
 * @param minArea          segmented objects smaller than this are dropped, px² (>= 0)
 * @param spurLength       skeleton branches from an end point to a junction shorter than this are pruned, px
 *                         (>= 0; 16 = half the paper's 32 px root window)
 * @param seedRule         which end point is the seed's (not a tip)
 * @param borderMargin     end points closer than this to the paper's edge are dropped, px (>= 0)
 * @param scale            processing scale (0.1..1; 0.5 segments a half-size image, points are still reported in
 *                         original pixels)
 * @param region           where the features are looked for: the blue paper found in the image, or all of it
 */
public record SkeletonTipConfig(Channel channel, double smoothing, Threshold threshold, double sensitivity,
        int backgroundRadius, int closingRadius, int minArea, int spurLength, SeedRule seedRule, int borderMargin, double scale, Region region) {

    /** The grey image roots are segmented in; roots are bright in every one of them, the blue paper dark. */
    public enum Channel {
        /** the red channel: the blue paper reflects little red, pale roots much */
        RED,
        /** the green channel */
        GREEN,
        /** brightness minus blueness: (R+G+B)/3 - (B - (R+G)/2), pale roots high, blue paper low */
        PALENESS,
        /** (R+G+B)/3 */
        GREY,
        /**
         * excess green, G - max(R, B): plant tissue high, a neutral (white, grey or black) background and the
         * booth's frame about 0; for shoots photographed against a neutral background
         */
        GREENNESS
    }

    /** Where the features are looked for. */
    public enum Region {
        /** the blue germination paper, found by Otsu's threshold on blueness (roots) */
        PAPER,
        /** the whole image (shoots in an imaging booth); the border margin counts from the image's edge */
        IMAGE
    }

    /** How the root threshold is found. */
    public enum Threshold {
        /** Otsu's global threshold on the channel, over the paper */
        OTSU,
        /** brighter than the local-mean background by {@code sensitivity} robust noise standard deviations */
        LOCAL,
        /**
         * above the fixed channel level {@code sensitivity}, in objects that somewhere exceed
         * {@link SkeletonTipDetector#STRONG_FACTOR} times it (hysteresis; for {@link Channel#GREENNESS}, whose
         * neutral background lies about 0 whatever the lighting: green above that many levels is plant)
         */
        FIXED
    }

    /** Which end point is the seed (where the primary roots start), not a tip. */
    public enum SeedRule {
        /** every end point is a tip */
        NONE,
        /** the topmost end point of the largest skeleton (the plant) */
        TOPMOST_OF_LARGEST,
        /** the topmost end point of every skeleton piece */
        TOPMOST_PER_COMPONENT,
        /** the bottommost end point of the largest skeleton (a shoot's stem where it leaves the pot) */
        BOTTOMMOST_OF_LARGEST
    }

    public SkeletonTipConfig {
        require(channel != null, "channel", "must be one of " + java.util.Arrays.toString(Channel.values()));
        require(region != null, "region", "must be one of " + java.util.Arrays.toString(Region.values()));
        require(threshold != null, "threshold", "must be one of " + java.util.Arrays.toString(Threshold.values()));
        require(seedRule != null, "seedRule", "must be one of " + java.util.Arrays.toString(SeedRule.values()));
        require(smoothing >= 0 && smoothing <= 10, "smoothing", "must be in 0..10 px, was " + smoothing);
        require(sensitivity > 0 && sensitivity <= 100, "sensitivity", "must be in (0, 100], was " + sensitivity);
        require(backgroundRadius >= 1 && backgroundRadius <= 500, "backgroundRadius",
                "must be in 1..500 px, was " + backgroundRadius);
        require(closingRadius >= 0 && closingRadius <= 20, "closingRadius", "must be in 0..20 px, was "
                + closingRadius);
        require(minArea >= 0, "minArea", "must be >= 0 px², was " + minArea);
        require(spurLength >= 0 && spurLength <= 1000, "spurLength", "must be in 0..1000 px, was " + spurLength);
        require(borderMargin >= 0 && borderMargin <= 1000, "borderMargin", "must be in 0..1000 px, was "
                + borderMargin);
        require(scale >= 0.1 && scale <= 1, "scale", "must be in [0.1, 1], was " + scale);
    }

    /**
     * Defaults fixed before looking at any evaluation image: the red channel smoothed with sigma 1 px, a local threshold 3 noise standard
     * deviations above a 25 px background, closing radius 1, objects of at least 100 px², 16 px spurs, the seed as
     * the top of the plant, a 16 px margin, full resolution.
     */
    public static SkeletonTipConfig defaults() {
        return new SkeletonTipConfig(Channel.RED, 1, Threshold.LOCAL, 3, 25, 1, 100, 16, SeedRule.TOPMOST_OF_LARGEST,
                16, 1.0, Region.PAPER);
    }

    /**
     * The leaf-tip variant: shoots against a neutral booth background are segmented over the whole image by
     * {@link Channel#GREENNESS} above 5 levels in objects that reach 15 ({@link Threshold#FIXED}; Otsu's threshold
     * on greenness splits the background's own shades, more than half the image), spurs up to 32 px (the leaves'
     * wavy margins) are pruned, objects under 400 px² dropped, and the stem's end at the pot is not a tip; half
     * resolution (leaves are 10-30 px wide in 1 MP side views). {@link SkeletonTipTuner#leafTipGrid} varies the
     * rest on the user's training images.
     */
    public static SkeletonTipConfig leafTipDefaults() {
        return new SkeletonTipConfig(Channel.GREENNESS, 1, Threshold.FIXED, 5, 25, 1, 400, 32,
                SeedRule.BOTTOMMOST_OF_LARGEST, 0, 0.5, Region.IMAGE);
    }

    public SkeletonTipConfig withChannel(Channel c) {
        return new SkeletonTipConfig(c, smoothing, threshold, sensitivity, backgroundRadius, closingRadius, minArea,
                spurLength, seedRule, borderMargin, scale, region);
    }

    public SkeletonTipConfig withSmoothing(double sigma) {
        return new SkeletonTipConfig(channel, sigma, threshold, sensitivity, backgroundRadius, closingRadius, minArea,
                spurLength, seedRule, borderMargin, scale, region);
    }

    public SkeletonTipConfig withThreshold(Threshold t) {
        return new SkeletonTipConfig(channel, smoothing, t, sensitivity, backgroundRadius, closingRadius, minArea, spurLength,
                seedRule, borderMargin, scale, region);
    }

    public SkeletonTipConfig withSensitivity(double s) {
        return new SkeletonTipConfig(channel, smoothing, threshold, s, backgroundRadius, closingRadius, minArea, spurLength,
                seedRule, borderMargin, scale, region);
    }

    public SkeletonTipConfig withBackgroundRadius(int r) {
        return new SkeletonTipConfig(channel, smoothing, threshold, sensitivity, r, closingRadius, minArea, spurLength,
                seedRule, borderMargin, scale, region);
    }

    public SkeletonTipConfig withClosingRadius(int r) {
        return new SkeletonTipConfig(channel, smoothing, threshold, sensitivity, backgroundRadius, r, minArea, spurLength,
                seedRule, borderMargin, scale, region);
    }

    public SkeletonTipConfig withMinArea(int a) {
        return new SkeletonTipConfig(channel, smoothing, threshold, sensitivity, backgroundRadius, closingRadius, a, spurLength,
                seedRule, borderMargin, scale, region);
    }

    public SkeletonTipConfig withSpurLength(int l) {
        return new SkeletonTipConfig(channel, smoothing, threshold, sensitivity, backgroundRadius, closingRadius, minArea, l,
                seedRule, borderMargin, scale, region);
    }

    public SkeletonTipConfig withSeedRule(SeedRule r) {
        return new SkeletonTipConfig(channel, smoothing, threshold, sensitivity, backgroundRadius, closingRadius, minArea,
                spurLength, r, borderMargin, scale, region);
    }

    public SkeletonTipConfig withBorderMargin(int m) {
        return new SkeletonTipConfig(channel, smoothing, threshold, sensitivity, backgroundRadius, closingRadius, minArea,
                spurLength, seedRule, m, scale, region);
    }

    public SkeletonTipConfig withRegion(Region r) {
        return new SkeletonTipConfig(channel, smoothing, threshold, sensitivity, backgroundRadius, closingRadius, minArea,
                spurLength, seedRule, borderMargin, scale, r);
    }

    public SkeletonTipConfig withScale(double s) {
        return new SkeletonTipConfig(channel, smoothing, threshold, sensitivity, backgroundRadius, closingRadius, minArea,
                spurLength, seedRule, borderMargin, s, region);
    }

    /** {@code key=value} pairs separated by spaces, in declaration order; {@link #parse(String)} reads it back. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        values().forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    private Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("channel", channel.name());
        m.put("smoothing", number(smoothing));
        m.put("threshold", threshold.name());
        m.put("sensitivity", number(sensitivity));
        m.put("backgroundRadius", Integer.toString(backgroundRadius));
        m.put("closingRadius", Integer.toString(closingRadius));
        m.put("minArea", Integer.toString(minArea));
        m.put("spurLength", Integer.toString(spurLength));
        m.put("seedRule", seedRule.name());
        m.put("borderMargin", Integer.toString(borderMargin));
        m.put("scale", number(scale));
        m.put("region", region.name());
        return m;
    }

    /**
     * Reads {@code key=value} pairs separated by spaces or commas (as {@link #toString()} writes them); keys not
     * given keep their {@link #defaults()}.
     *
     * @throws BadInputException naming the setting for an unknown key, a pair without '=', or a bad value
     */
    public static SkeletonTipConfig parse(String text) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : text.trim().split("[\\s,]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("skeleton baseline setting '" + pair + "': expected key=value");
            }
            String key = pair.substring(0, eq);
            if (!defaults().values().containsKey(key)) {
                throw new BadInputException("skeleton baseline setting '" + key + "' is unknown (known: "
                        + String.join(", ", defaults().values().keySet()) + ")");
            }
            given.put(key, pair.substring(eq + 1));
        }
        SkeletonTipConfig d = defaults();
        return new SkeletonTipConfig(
                enumValue(Channel.class, "channel", given.get("channel"), d.channel),
                doubleValue("smoothing", given.get("smoothing"), d.smoothing),
                enumValue(Threshold.class, "threshold", given.get("threshold"), d.threshold),
                doubleValue("sensitivity", given.get("sensitivity"), d.sensitivity),
                intValue("backgroundRadius", given.get("backgroundRadius"), d.backgroundRadius),
                intValue("closingRadius", given.get("closingRadius"), d.closingRadius),
                intValue("minArea", given.get("minArea"), d.minArea),
                intValue("spurLength", given.get("spurLength"), d.spurLength),
                enumValue(SeedRule.class, "seedRule", given.get("seedRule"), d.seedRule),
                intValue("borderMargin", given.get("borderMargin"), d.borderMargin),
                doubleValue("scale", given.get("scale"), d.scale),
                enumValue(Region.class, "region", given.get("region"), d.region));
    }

    private static void require(boolean ok, String setting, String problem) {
        if (!ok) {
            throw new BadInputException("skeleton baseline setting '" + setting + "' " + problem);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String key, String text, E fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("skeleton baseline setting '" + key + "' must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", was '" + text + "'");
        }
    }

    private static double doubleValue(String key, String text, double fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInputException("skeleton baseline setting '" + key + "' must be a number, was '" + text
                    + "'");
        }
    }

    private static int intValue(String key, String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadInputException("skeleton baseline setting '" + key + "' must be a whole number, was '"
                    + text + "'");
        }
    }
}
