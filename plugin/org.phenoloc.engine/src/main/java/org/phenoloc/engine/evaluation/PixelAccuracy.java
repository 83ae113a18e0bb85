package org.phenoloc.engine.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.phenoloc.engine.annotations.Point;

/**
 * The paper's pixel measure of localisation (Validation of Localisation, Supplementary Table 1). Pixels within
 * {@code radius} (half the classification window: 16 px for roots) of a ground-truth point form the truth region.
 * A false positive is a detected pixel outside it, a false negative an undetected pixel inside it, and
 * accuracy = (pixels - FP - FN) / pixels. Counts add up over images, so a set is scored by {@link #sum}.
 *
 * @param pixels         pixels scored (the image area)
 * @param truthPixels    pixels in the truth region
 * @param detectedPixels pixels marked as detected
 */
public record PixelAccuracy(long pixels, long truthPixels, long detectedPixels, long falsePositives,
        long falseNegatives) {

    public static final PixelAccuracy EMPTY = new PixelAccuracy(0, 0, 0, 0, 0);

    public static PixelAccuracy measure(BitMap detected, List<Point> truth, double radius) {
        BitMap region = new BitMap(detected.width(), detected.height());
        for (Point p : truth) {
            region.fillDisk(p, radius);
        }
        return new PixelAccuracy((long) detected.width() * detected.height(), region.count(), detected.count(),
                detected.countAndNot(region), region.countAndNot(detected));
    }

    public PixelAccuracy plus(PixelAccuracy o) {
        return new PixelAccuracy(pixels + o.pixels, truthPixels + o.truthPixels, detectedPixels + o.detectedPixels,
                falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
    }

    public static PixelAccuracy sum(Collection<PixelAccuracy> scores) {
        return scores.stream().reduce(EMPTY, PixelAccuracy::plus);
    }

    public double falsePositivePercent() {
        return percent(falsePositives, pixels);
    }

    public double falseNegativePercent() {
        return percent(falseNegatives, pixels);
    }

    /** 100 for no pixels (nothing could be wrong). */
    public double accuracyPercent() {
        return pixels == 0 ? 100 : 100 - percent(falsePositives + falseNegatives, pixels);
    }

    /**
     * The table's "Total Accuracy" over several feature classes scored on the same pixels: every class's FP and FN
     * pixels count as errors, e.g. 100 - (0.24 + 0.12 + 0.22 + 0.10 + ...) for the four shoot classes.
     */
    public static double totalAccuracyPercent(Collection<PixelAccuracy> perClass) {
        long pixels = perClass.isEmpty() ? 0 : perClass.iterator().next().pixels;
        long errors = 0;
        for (PixelAccuracy a : perClass) {
            if (a.pixels != pixels) {
                throw new IllegalArgumentException("classes were scored on different pixel counts: " + pixels
                        + " and " + a.pixels);
            }
            errors += a.falsePositives + a.falseNegatives;
        }
        return pixels == 0 ? 100 : 100 - percent(errors, pixels);
    }

    /** Supplementary Table 1 as Markdown: one row per class (in map order) and the total accuracy. */
    public static String toMarkdown(Map<String, PixelAccuracy> perClass) {
        StringBuilder sb = new StringBuilder(
                "| Feature | False Positive (%) | False Negative (%) | Feature Accuracy (%) |\n|---|---|---|---|\n");
        perClass.forEach((name, a) -> sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |\n", name,
                a.falsePositivePercent(), a.falseNegativePercent(), a.accuracyPercent())));
        return sb.append(String.format(Locale.ROOT, "\nTotal accuracy: %.2f%%\n",
                totalAccuracyPercent(perClass.values()))).toString();
    }

    private static double percent(long count, long of) {
        return of == 0 ? 0 : 100.0 * count / of;
    }
}
