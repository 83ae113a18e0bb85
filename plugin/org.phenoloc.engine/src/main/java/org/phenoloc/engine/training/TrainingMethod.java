package org.phenoloc.engine.training;

import org.phenoloc.engine.io.BadInputException;

/** How the classifier is trained. */
public enum TrainingMethod {
    /**
     * Fully convolutional training on random crops of the annotated images (every window a sample), model selection and
     * threshold calibration by localisation F1 on held-out images. The default.
     */
    DENSE("dense"),
    /** The paper's recipe: fixed patches around features and sampled negatives, selection by patch accuracy. */
    PATCHES("patches");

    private final String id;

    TrainingMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static TrainingMethod parse(String s) {
        for (TrainingMethod m : values()) {
            if (m.id.equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new BadInputException("unknown training method '" + s + "' (available: dense, patches)");
    }
}
