package org.phenoloc.engine.patches;

import org.phenoloc.engine.io.BadInputException;

/**
 * How training patches are cut from annotated images (the paper's Online Methods).
 *
 * @param window            network input side (32 roots, 64 shoots)
 * @param crop              side cut from the source image around each point, before scaling (42 roots, 128 shoots)
 * @param scale             scale applied to the crop (1 roots, 0.5 shoots)
 * @param negativeRatio     negatives per positive (2 roots, 1 shoots)
 * @param hardNegativeShare share of hard negatives: on the annotated structure when the annotation has one (roots:
 *                          0.5 on the root system), otherwise at Harris corners of the image (shoots: 0.8)
 * @param exclusionRadius   negatives are at least this far (source pixels) from every annotated feature
 */
public record PatchRecipe(int window, int crop, double scale, double negativeRatio, double hardNegativeShare,
        double exclusionRadius) {

    public PatchRecipe {
        if (window < 4) {
            throw new BadInputException("window must be at least 4 px, was " + window);
        }
        if (scale <= 0 || scale > 1) {
            throw new BadInputException("scale must be in (0, 1], was " + scale);
        }
        if (Math.round(crop * scale) < window) {
            throw new BadInputException("crop " + crop + " scaled by " + scale + " is smaller than the window " + window);
        }
        if (negativeRatio < 0 || hardNegativeShare < 0 || hardNegativeShare > 1 || exclusionRadius < 0) {
            throw new BadInputException("negative ratio, hard-negative share (0..1) and exclusion radius must be >= 0");
        }
    }

    /** Roots: 42x42 crops, random 32x32 at training time, 2 negatives per tip, half of them on the roots. */
    public static PatchRecipe paperRoots() {
        return new PatchRecipe(32, 42, 1.0, 2.0, 0.5, 16);
    }

    /**
     * Shoots: 128x128 crops scaled by half to 64x64, as many negatives as features, most at Harris corners (clutter
     * and plant material), the rest at random points so plain background is represented.
     */
    public static PatchRecipe paperShoots() {
        return new PatchRecipe(64, 128, 0.5, 1.0, 0.8, 32);
    }

    /**
     * The same recipe on images scaled by {@code imageScale} instead of {@link #scale()}: the window and the stored
     * crop keep their size in scaled pixels, so the crop and the exclusion radius grow in source pixels (roots at 0.5:
     * 84 px crops halved to 42, negatives 32 px from every tip).
     */
    public PatchRecipe atScale(double imageScale) {
        if (!(imageScale > 0) || imageScale > 1) {
            throw new BadInputException("image scale must be in (0, 1], was " + imageScale
                    + " (1 = the images as they are, 0.5 = halved)");
        }
        if (imageScale == scale) {
            return this;
        }
        return new PatchRecipe(window, (int) Math.round(storedSize() / imageScale), imageScale, negativeRatio,
                hardNegativeShare, exclusionRadius * scale / imageScale);
    }

    /** Side of the stored (scaled) crop. */
    public int storedSize() {
        return (int) Math.round(crop * scale);
    }
}
