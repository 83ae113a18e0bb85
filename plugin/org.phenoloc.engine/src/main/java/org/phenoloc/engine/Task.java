package org.phenoloc.engine;

import java.util.List;
import java.util.Map;

import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.patches.PatchRecipe;

/**
 * The phenotyping tasks of the paper with their defaults. Roots: 32x32 windows, 2 classes, threshold 0.99.
 * (Shoots, 64x64 windows of the halved image and 5 classes, follow in the shoot issue.)
 */
public enum Task {
    ROOTS("roots", List.of("root_tip", "negative"), 1.0, Map.of("root_tip", 0.99));

    private final String id;
    private final List<String> classes;
    private final double imageScale;
    private final Map<String, Double> thresholds;

    Task(String id, List<String> classes, double imageScale, Map<String, Double> thresholds) {
        this.id = id;
        this.classes = classes;
        this.imageScale = imageScale;
        this.thresholds = thresholds;
    }

    public String id() {
        return id;
    }

    /** Class names; the negative class is last. */
    public List<String> classes() {
        return classes;
    }

    /** Feature class names (without the negative class), for messages. */
    public List<String> featureClassList() {
        return classes.subList(0, classes.size() - 1);
    }

    public double imageScale() {
        return imageScale;
    }

    public Map<String, Double> defaultThresholds() {
        return thresholds;
    }

    public PatchRecipe recipe() {
        return PatchRecipe.paperRoots();
    }

    public Architecture architecture(int channels) {
        return Architecture.paperRoot(channels);
    }

    public static Task parse(String s) {
        for (Task t : values()) {
            if (t.id.equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new BadInputException("unknown task '" + s + "' (available: roots)");
    }
}
