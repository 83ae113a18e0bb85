package org.phenoloc.engine.synthetic;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;

/**
 * A generated shoot image with its exact ground truth.
 *
 * @param image    the RGB image
 * @param features every leaf's {@value #LEAF_BASE} and {@value #LEAF_TIP} and every ear's {@value #EAR_BASE} and
 *                 {@value #EAR_TIP}, in image pixels rounded to 0.001 px; plant by plant, for each plant its ear
 *                 (if any) first, then its leaves from the bottom up, base before tip
 * @param organs   the drawn plant organs (stems, leaves, ears) with their centre lines, in the order of
 *                 {@code features}, stems included (a stem comes first in its plant)
 */
public record SyntheticShootImage(BufferedImage image, List<Feature> features, List<Organ> organs) {

    public static final String LEAF_TIP = "leaf_tip";
    public static final String LEAF_BASE = "leaf_base";
    public static final String EAR_TIP = "ear_tip";
    public static final String EAR_BASE = "ear_base";
    /** The feature classes this generator produces. */
    public static final List<String> CLASSES = List.of(LEAF_TIP, LEAF_BASE, EAR_TIP, EAR_BASE);

    /** What an organ is. */
    public enum Kind {
        /** A stem from the soil up; with an ear it ends at the ear's base (the stalk is part of the stem). */
        STEM,
        /** A leaf blade: its centre line runs from the leaf base on the stem's edge to the leaf tip. */
        LEAF,
        /** A spike: its centre line runs from the ear base (top of the stalk) to the ear tip. */
        EAR
    }

    /**
     * One drawn organ.
     *
     * @param kind       stem, leaf or ear
     * @param plant      index of the plant (0 = leftmost)
     * @param centreLine centre line in about 1 px steps, base first; for leaves and ears the first point is the
     *                   base feature and the last the tip feature, and the drawn organ ends in a round cap of
     *                   radius {@code halfWidths.get(last)} centred on the tip
     * @param halfWidths the drawn half width at each centre line point
     */
    public record Organ(Kind kind, int plant, List<Point> centreLine, List<Double> halfWidths) {
        public Organ {
            centreLine = List.copyOf(centreLine);
            halfWidths = List.copyOf(halfWidths);
            if (centreLine.size() < 2 || halfWidths.size() != centreLine.size()) {
                throw new IllegalArgumentException("an organ needs a centre line of 2+ points with one half width"
                        + " per point");
            }
        }

        public Point base() {
            return centreLine.get(0);
        }

        public Point tip() {
            return centreLine.get(centreLine.size() - 1);
        }
    }

    public SyntheticShootImage {
        features = List.copyOf(features);
        organs = List.copyOf(organs);
    }

    /** The organ centre lines, e.g. as structures on which to draw hard negatives. */
    public List<List<Point>> structures() {
        return organs.stream().map(Organ::centreLine).toList();
    }

    /** This image's ground truth as an annotated image, for when it is saved as {@code imageFile}. */
    public AnnotatedImage annotated(Path imageFile, Path annotationFile) {
        return new AnnotatedImage(imageFile, annotationFile, features, structures());
    }
}
