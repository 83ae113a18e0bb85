package org.phenoloc.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.evaluation.PatchReport;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchSampler;
import org.phenoloc.engine.patches.PatchClassifier;

/** Cuts patches from annotated images with the model's own recipe and classifies them (Table 1). */
public final class PatchEvaluation {
    /** Patches, their class probabilities and the report. */
    public record Result(List<Patch> patches, float[][] probabilities, PatchReport report) {}

    private PatchEvaluation() {}

    public static Result run(PhenolocModel model, List<AnnotatedImage> images, long seed) {
        var m = model.metadata();
        PatchSampler sampler = new PatchSampler(m.recipe(), m.classes(), m.architecture().channels());
        Random random = new Random(seed);
        List<Patch> patches = new ArrayList<>();
        for (AnnotatedImage a : images) {
            patches.addAll(sampler.sample(a, ImageFiles.readRgb(a.image()), random));
        }
        return of(model, patches);
    }

    public static Result of(PhenolocModel model, List<Patch> patches) {
        float[][] p = model.probabilities(patches);
        int[] truth = new int[patches.size()];
        int[] predicted = new int[patches.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = patches.get(i).label();
            predicted[i] = PatchClassifier.argMax(p[i]);
        }
        return new Result(patches, p, PatchReport.of(model.metadata().classes(), truth, predicted));
    }
}
