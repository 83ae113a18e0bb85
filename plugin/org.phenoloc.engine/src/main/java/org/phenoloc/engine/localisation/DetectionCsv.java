package org.phenoloc.engine.localisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the command line's {@code detections.csv} and {@code counts.csv}, as text: every writer of these files
 * (the CLI, the Spark job) formats them here, so their bytes agree.
 */
public final class DetectionCsv {
    public static final List<String> DETECTIONS_HEADER = List.of("image", "class", "x", "y", "score");
    public static final List<String> COUNTS_HEADER = List.of("image", "class", "count");

    private DetectionCsv() {}

    /** An image's detection rows: image, class, x and y (0.1 px), score (5 decimals). */
    public static List<String[]> rows(LocalisationResult r) {
        List<String[]> rows = new ArrayList<>();
        for (Detection d : r.detections()) {
            rows.add(new String[] {r.image(), d.className(), coordinate(d.x()), coordinate(d.y()), score(d.score())});
        }
        return rows;
    }

    /** An image's count rows, one per class of the model (0 when none was found), from its detection rows. */
    public static List<String[]> counts(String image, List<String> classes, List<String[]> detectionRows) {
        List<String[]> rows = new ArrayList<>();
        for (String c : classes) {
            long n = detectionRows.stream().filter(d -> d[1].equals(c)).count();
            rows.add(new String[] {image, c, Long.toString(n)});
        }
        return rows;
    }

    public static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public static String score(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}
