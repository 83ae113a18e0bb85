package org.phenoloc.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.AnnotationLoader;
import org.phenoloc.engine.annotations.ClassMapping;
import org.phenoloc.engine.annotations.PointAnnotations;
import org.phenoloc.engine.annotations.RsmlReader;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.patches.PatchRecipe;

/**
 * The phenotyping tasks of the paper with their defaults (Online Methods).
 * <ul>
 * <li>Roots: 32x32 windows at full resolution, 2 classes, threshold 0.99, 16 px border.</li>
 * <li>Shoots: 64x64 windows of the image halved (128x128 crops scaled by half), 5 classes, thresholds 0.99 for
 * tips and 0.90 for bases, 32 px border in the halved image.</li>
 * </ul>
 */
public enum Task {
    ROOTS("roots", List.of("root_tip", "negative"), 1.0, Map.of("root_tip", 0.99), new double[] {8, 16, 32}),
    SHOOTS("shoots", List.of("leaf_tip", "leaf_base", "ear_tip", "ear_base", "negative"), 0.5,
            Map.of("leaf_tip", 0.99, "leaf_base", 0.90, "ear_tip", 0.99, "ear_base", 0.90), new double[] {16, 32, 64});

    private final String id;
    private final List<String> classes;
    private final double imageScale;
    private final Map<String, Double> thresholds;
    private final double[] radii;

    Task(String id, List<String> classes, double imageScale, Map<String, Double> thresholds, double[] radii) {
        this.id = id;
        this.classes = classes;
        this.imageScale = imageScale;
        this.thresholds = thresholds;
        this.radii = radii;
    }

    public String id() {
        return id;
    }

    /** Class names; the negative class is last. */
    public List<String> classes() {
        return classes;
    }

    /** Feature class names (without the negative class). */
    public List<String> featureClassList() {
        return classes.subList(0, classes.size() - 1);
    }

    public double imageScale() {
        return imageScale;
    }

    public Map<String, Double> defaultThresholds() {
        return thresholds;
    }

    /** Matching radii (original-image pixels) at which localisation is reported. */
    public double[] evaluationRadii() {
        return radii.clone();
    }

    public PatchRecipe recipe() {
        return this == ROOTS ? PatchRecipe.paperRoots() : PatchRecipe.paperShoots();
    }

    public Architecture architecture(int channels) {
        return this == ROOTS ? Architecture.paperRoot(channels) : Architecture.paperShoot(channels);
    }

    /**
     * Reads a folder of annotated images for this task. Roots: RSML (or CSV) beside each image. Shoots: any
     * supported point format (CSV, COCO keypoints, LabelMe, CVAT XML, the maize TSV), class names mapped by
     * {@code mapping} (null = the built-in aliases); unknown classes and duplicates are reported to {@code warn}.
     */
    public List<AnnotatedImage> load(Path dir, ClassMapping mapping, Consumer<String> warn) {
        if (this == ROOTS && mapping == null) {
            return AnnotationLoader.loadFolder(dir, RsmlReader.PAPER_MIN_ROOT_LENGTH, featureClassList(), warn);
        }
        ClassMapping m = (mapping == null ? ClassMapping.defaults() : mapping).restrictTo(featureClassList());
        PointAnnotations.Result r = PointAnnotations.loadFolder(dir, m, false);
        r.warnings().forEach(warn);
        return r.images();
    }

    public static Task parse(String s) {
        for (Task t : values()) {
            if (t.id.equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new BadInputException("unknown task '" + s + "' (available: roots, shoots)");
    }
}
