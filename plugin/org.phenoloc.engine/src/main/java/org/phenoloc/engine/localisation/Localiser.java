package org.phenoloc.engine.localisation;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;

/**
 * Scans images with a trained model and extracts per-class peaks: the engine's localisation entry point. Keeps the
 * scanner's native buffers between images; {@link #close()} frees them (otherwise they go with the garbage collector).
 */
public final class Localiser implements AutoCloseable {
    private final PhenolocModel model;
    private final LocaliserConfig config;
    private final Scanner scanner;
    private final boolean flipAveraging;
    private final Map<String, Double> thresholds = new LinkedHashMap<>();

    public Localiser(PhenolocModel model, LocaliserConfig config) {
        this.model = model;
        this.config = config;
        ModelMetadata m = model.metadata();
        for (String cls : config.thresholds().keySet()) {
            if (!cls.equals("*") && !m.featureClasses().contains(cls)) {
                throw new BadInputException("threshold given for unknown class '" + cls + "'; the model's classes are "
                        + m.featureClasses());
            }
        }
        for (String cls : m.featureClasses()) {
            if (m.untrainedClasses().contains(cls)) {
                continue; // no training examples: no detections, no threshold invented
            }
            Double all = config.thresholds().get("*");
            thresholds.put(cls, config.thresholds().getOrDefault(cls, all != null ? all : m.thresholds().getOrDefault(cls, 0.99)));
        }
        Scanner one = config.dense() ? new DenseScanner(model.network(), m.architecture())
                : new NaiveScanner(model.network(), m.architecture());
        this.flipAveraging = config.flips() == LocaliserConfig.Flips.ON
                || config.flips() == LocaliserConfig.Flips.MODEL && m.flipAveraging();
        this.scanner = flipAveraging ? new FlipAveragingScanner(one, m.architecture().window()) : one;
    }

    /** Whether each image is scanned four times (plain and mirrored) and the probabilities averaged. */
    public boolean flipAveraging() {
        return flipAveraging;
    }

    /** Thresholds in use for the trained classes: the configured ones, else the model's (calibrated) defaults. */
    public Map<String, Double> thresholds() {
        return java.util.Collections.unmodifiableMap(thresholds);
    }

    /**
     * Peak-suppression radius in original-image pixels: the configured one, else the model's calibrated one, else half
     * the window.
     */
    public double suppressionRadius() {
        ModelMetadata m = model.metadata();
        if (config.suppressionRadius() > 0) {
            return config.suppressionRadius();
        }
        return m.suppressionRadius() > 0 ? m.suppressionRadius() : m.halfWindowPixels();
    }

    /**
     * Whether {@code image} is greyscale ({@link ImageFiles#looksGrey}) while this model was trained on colour images:
     * such a model has learnt colours a grey image lacks (the OSR roots against blue paper) and may find little or
     * nothing in it, silently. Callers warn with {@link #greyImagesWarning}.
     */
    public boolean greyForColourModel(BufferedImage image) {
        return greyForColourModel(model.metadata(), image);
    }

    /** As {@link #greyForColourModel(BufferedImage)}, for the model described by {@code m}. */
    public static boolean greyForColourModel(ModelMetadata m, BufferedImage image) {
        return m.architecture().channels() == 3 && ImageFiles.looksGrey(image);
    }

    /**
     * The warning for images that {@link #greyForColourModel} flagged, naming up to five of them: how many, why it
     * matters and what to do.
     */
    public static String greyImagesWarning(List<String> names, int total) {
        String listed = String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? ", ..." : "");
        return names.size() + " of " + total + " image(s) are greyscale, but the model was trained on colour images, so"
                + " it may find few or no features in them (" + listed + "); for such a camera train a model on"
                + " greyscale images like them";
    }

    public LocalisationResult localise(Path file, Progress progress) {
        BufferedImage image = ImageFiles.readRgb(file);
        try {
            return localise(image, file.getFileName().toString(), progress);
        } catch (BadInputException e) {
            if (e.file() == null || e.file().toString().equals("image")) {
                throw new BadInputException(file, e.getMessage().replaceFirst("^image: ", ""), e);
            }
            throw e;
        }
    }

    public LocalisationResult localise(BufferedImage original, String name, Progress progress) {
        ModelMetadata m = model.metadata();
        BufferedImage scanned = ImageScaling.scale(original, m.imageScale());
        long t0 = System.nanoTime();
        ProbabilityGrid grid = scanner.scan(scanned, config.stride(), progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double radius = suppressionRadius() * m.imageScale();
        List<Detection> detections = new ArrayList<>();
        List<String> classes = m.featureClasses();
        for (int c = 0; c < classes.size(); c++) {
            if (!thresholds.containsKey(classes.get(c))) {
                continue;
            }
            detections.addAll(PeakFinder.find(grid, c, classes.get(c), thresholds.get(classes.get(c)), radius, m.imageScale()));
        }
        return new LocalisationResult(name, original.getWidth(), original.getHeight(), m.imageScale(), grid,
                Map.copyOf(thresholds), detections, seconds);
    }

    @Override
    public void close() {
        scanner.close();
    }
}
