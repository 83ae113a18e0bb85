package org.phenoloc.engine.cli;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.ScoredPoint;
import org.phenoloc.engine.evaluation.TipPlacement;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.Detection;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.report.MethodComparison;

/** Runs each compared method on the evaluation images, for the benchmark's side-by-side table. */
final class MethodRuns {
    private MethodRuns() {}

    /** Annotated points of one class per image. */
    static List<List<Point>> truth(List<AnnotatedImage> images, String cls) {
        return images.stream().map(a -> a.features().stream().filter(f -> f.className().equals(cls))
                .map(Feature::point).toList()).toList();
    }

    /**
     * A trained model at its default operating point (calibrated or fixed thresholds, the model's suppression radius),
     * with every peak down to a low threshold kept for the precision-recall curve.
     *
     * @param trainingMinutes NaN when the model was trained in another run (its provenance's time is shown then)
     */
    static MethodComparison.Method cnn(String name, PhenolocModel model, List<AnnotatedImage> images, String cls,
            int stride, double trainingMinutes) {
        double threshold;
        double radius;
        Map<String, Double> low = new LinkedHashMap<>();
        try (Localiser operating = new Localiser(model, new LocaliserConfig(stride, Map.of(), 0, true))) {
            threshold = operating.thresholds().getOrDefault(cls, Double.NaN);
            radius = operating.suppressionRadius();
            operating.thresholds().forEach((c, t) -> low.put(c, Math.min(0.3, t)));
        }
        List<List<ScoredPoint>> out = new ArrayList<>();
        double seconds = 0;
        double mp = 0;
        try (Localiser sweep = new Localiser(model, new LocaliserConfig(stride, low, radius, true))) {
            for (AnnotatedImage a : images) {
                BufferedImage img = ImageFiles.readRgb(a.image());
                LocalisationResult r = sweep.localise(img, a.image().getFileName().toString(), Progress.NONE);
                seconds += r.seconds();
                mp += img.getWidth() * (double) img.getHeight() / 1e6;
                out.add(scored(r.detections(), cls));
            }
        }
        double minutes = Double.isNaN(trainingMinutes) ? model.metadata().training().seconds() / 60 : trainingMinutes;
        return new MethodComparison.Method(name, out, threshold, minutes, seconds / mp);
    }

    /** Where the annotated tips lie against the images' other annotated lines, and which of them the method found. */
    static TipPlacement.Tally placements(MethodComparison.Method m, List<AnnotatedImage> images, List<List<Point>> truth,
            double radius) {
        TipPlacement.Tally tally = new TipPlacement.Tally();
        for (int i = 0; i < images.size(); i++) {
            tally.add(images.get(i).image().getFileName().toString(), truth.get(i), images.get(i).structures(),
                    m.image(i, truth.get(i), radius), radius);
        }
        return tally;
    }

    static List<ScoredPoint> scored(List<Detection> detections, String cls) {
        return detections.stream().filter(d -> d.className().equals(cls))
                .map(d -> new ScoredPoint(new Point(d.x(), d.y()), d.score())).toList();
    }
}
