package org.phenoloc.engine.localisation;

import java.util.Map;

import org.phenoloc.engine.io.BadInputException;

/**
 * Localisation settings.
 *
 * @param stride           window step in scanned-image pixels (4, the paper's)
 * @param thresholds       per-class probability thresholds (classes not named use the model's defaults)
 * @param suppressionRadius non-maximum suppression radius in original-image pixels (0 = half the window)
 * @param dense            use the dense fully convolutional scan (false = the naive window-by-window reference)
 * @param flips            average the scans of the image and its mirror images: as the model was calibrated
 *                         ({@link Flips#MODEL}), always, or never
 */
public record LocaliserConfig(int stride, Map<String, Double> thresholds, double suppressionRadius, boolean dense,
        Flips flips) {

    /** Test-time flip averaging ({@link FlipAveragingScanner}). */
    public enum Flips {
        /** as the model's thresholds were calibrated */
        MODEL,
        /** four scans averaged (4x the time) */
        ON,
        /** one scan */
        OFF;

        /** The setting's name in the command line and the KNIME node: model, on or off. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Parses {@link #id()} (any case). */
        public static Flips parse(String text) {
            for (Flips f : values()) {
                if (f.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return f;
                }
            }
            throw new BadInputException("flip averaging '" + text + "': use model (as the model was calibrated), on or off");
        }
    }

    public LocaliserConfig {
        thresholds = Map.copyOf(thresholds);
        if (stride < 1) {
            throw new BadInputException("stride must be >= 1, was " + stride);
        }
        thresholds.forEach((k, v) -> {
            if (!(v > 0 && v < 1)) {
                throw new BadInputException("threshold for " + k + " must be in (0, 1), was " + v);
            }
        });
        if (suppressionRadius < 0) {
            throw new BadInputException("suppression radius must be >= 0, was " + suppressionRadius);
        }
        java.util.Objects.requireNonNull(flips, "flips");
    }

    /** Flip averaging as the model was calibrated. */
    public LocaliserConfig(int stride, Map<String, Double> thresholds, double suppressionRadius, boolean dense) {
        this(stride, thresholds, suppressionRadius, dense, Flips.MODEL);
    }

    public LocaliserConfig withFlips(Flips f) {
        return new LocaliserConfig(stride, thresholds, suppressionRadius, dense, f);
    }

    /** Command-line threshold specs: "0.9" applies to every class ("*"), "leaf_tip=0.99" to one. */
    public static Map<String, Double> parseThresholds(java.util.List<String> specs) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String s : specs) {
            String[] kv = s.split("=", 2);
            String key = kv.length == 2 ? kv[0].trim() : "*";
            String value = kv.length == 2 ? kv[1] : kv[0];
            try {
                out.put(key, Double.parseDouble(value.trim()));
            } catch (NumberFormatException e) {
                throw new BadInputException("--threshold " + s + ": '" + value + "' is not a number");
            }
        }
        return out;
    }

    public static LocaliserConfig defaults() {
        return new LocaliserConfig(4, Map.of(), 0, true);
    }
}
