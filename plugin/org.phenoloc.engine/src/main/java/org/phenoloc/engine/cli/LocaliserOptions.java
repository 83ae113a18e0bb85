package org.phenoloc.engine.cli;

import java.util.List;
import java.util.Map;

import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.model.PhenolocModel;

import picocli.CommandLine.Option;

/** Localisation options shared by localise, evaluate, demo and benchmark. */
final class LocaliserOptions {
    @Option(names = "--stride", description = "window step in pixels (default ${DEFAULT-VALUE}, the paper's)")
    int stride = 4;

    @Option(names = "--threshold", description = "probability threshold: P for all classes or CLASS=P (repeatable; default: the model's, 0.99 for root tips)")
    List<String> thresholds = List.of();

    @Option(names = "--radius", description = "peak suppression radius in pixels, > 0 (default: half the window)")
    Double radius;

    @Option(names = "--flips", description = "average the scans of the image and its three mirror images: model (as the"
            + " model was calibrated, the default), on (4x the scan time) or off")
    String flips = "model";

    @Option(names = "--naive", description = "classify every window on its own (the slow reference) instead of the dense scan")
    boolean naive;

    /** The settings checked on their own; the engine's 0 radius means "half the window". */
    LocaliserConfig config() {
        if (radius != null && !(radius > 0)) {
            throw new BadInputException("--radius " + radius + ": must be > 0 (leave it out for the default, half the"
                    + " window; peaks closer than the radius are merged, suppression cannot be turned off)");
        }
        return new LocaliserConfig(stride, parse(thresholds), radius == null ? 0 : radius, !naive, flips());
    }

    private LocaliserConfig.Flips flips() {
        try {
            return LocaliserConfig.Flips.parse(flips);
        } catch (BadInputException e) {
            throw new BadInputException("--flips " + flips + ": use model (as calibrated), on or off");
        }
    }

    /** The settings checked against the model: a stride beyond the window would leave image parts unscanned. */
    LocaliserConfig config(PhenolocModel model) {
        int window = model.metadata().recipe().window();
        if (stride > window) {
            throw new BadInputException("--stride " + stride + ": larger than the model's " + window + " px window, so"
                    + " parts of the image would never be scanned; use 1.." + window + " (the paper's is 4)");
        }
        return config();
    }

    /** "0.9" applies to every class ("*"); "leaf_tip=0.99" to one. */
    static Map<String, Double> parse(List<String> specs) {
        return LocaliserConfig.parseThresholds(specs);
    }
}
