package org.phenoloc.engine.patches;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.phenoloc.engine.annotations.AnnotatedImage;

/**
 * Train/test split by image, seeded. The paper split patches at random, which puts overlapping crops of the same
 * tip on both sides and inflates test accuracy; splitting by image keeps the test set honest.
 */
public record ImageSplit(List<AnnotatedImage> train, List<AnnotatedImage> test) {

    public static ImageSplit of(List<AnnotatedImage> images, double testFraction, long seed) {
        List<AnnotatedImage> shuffled = new ArrayList<>(images);
        Collections.shuffle(shuffled, new Random(seed));
        int nTest = images.size() < 2 ? 0 : Math.max(1, (int) Math.round(images.size() * testFraction));
        if (testFraction <= 0) {
            nTest = 0;
        }
        nTest = Math.min(nTest, images.size() - 1);
        return new ImageSplit(List.copyOf(shuffled.subList(nTest, shuffled.size())), List.copyOf(shuffled.subList(0, nTest)));
    }
}
