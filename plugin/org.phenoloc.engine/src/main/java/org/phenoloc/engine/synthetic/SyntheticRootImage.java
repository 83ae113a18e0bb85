package org.phenoloc.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.List;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;

/**
 * A generated root image with its exact ground truth.
 *
 * @param image   the RGB image
 * @param roots   root centre lines, base to tip, in pixel coordinates rounded to 0.001 px; parents come before
 *                their laterals
 * @param tips    the tip of every root, in the order of {@code roots}: the last point of its root and the centre of
 *                the root's rounded end, so the drawn root stops within the tip radius (0.8-1.8 px) past it
 * @param parents for each root the index of its parent root in {@code roots}, or -1 for a primary root
 */
public record SyntheticRootImage(BufferedImage image, List<List<Point>> roots, List<Point> tips,
        List<Integer> parents) {

    /** Class name of the tip features, as used in the project's annotations. */
    public static final String TIP_CLASS = "root_tip";

    public SyntheticRootImage {
        roots = roots.stream().map(List::copyOf).toList();
        tips = List.copyOf(tips);
        parents = List.copyOf(parents);
        if (tips.size() != roots.size() || parents.size() != roots.size()) {
            throw new IllegalArgumentException("roots, tips and parents must have the same length");
        }
    }

    /** The tips as {@value #TIP_CLASS} features. */
    public List<Feature> features() {
        return tips.stream().map(p -> new Feature(TIP_CLASS, p.x(), p.y())).toList();
    }
}
