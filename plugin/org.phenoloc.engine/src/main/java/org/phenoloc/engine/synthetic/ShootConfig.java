package org.phenoloc.engine.synthetic;

import org.phenoloc.engine.io.BadInputException;

/**
 * Settings for one synthetic shoot image (side view of cereal/maize plants in an imaging booth).
 *
 * @param width          image width in pixels
 * @param height         image height in pixels
 * @param plants         number of plants, each in its own pot, side by side
 * @param leavesPerPlant leaves per plant (exactly this many, each gives one {@code leaf_base} and one
 *                       {@code leaf_tip})
 * @param earProbability chance that a plant carries an ear (a spike on top of its stem, giving one {@code ear_base}
 *                       and one {@code ear_tip}), 0..1
 * @param clutter        amount of non-plant clutter, 0..1: booth frame and rails, stakes, pot labels, specks and
 *                       fibres (0 = a plain backdrop with only the pots)
 * @param noise          camera noise level, 0..1 (the Gaussian pixel noise sigma is {@code 12 * noise} grey levels)
 * @param seed           random seed; the same config always gives the same pixels
 */
public record ShootConfig(int width, int height, int plants, int leavesPerPlant, double earProbability,
        double clutter, double noise, long seed) {

    /** Smallest image side: room for the feature margin on both sides, a pot and some plant. */
    public static final int MIN_SIZE = 256;
    /** Most leaves per plant in a large image, see {@link #maxLeaves(int)}. */
    public static final int MAX_LEAVES = 14;
    /** Each plant needs at least this much image width (its pot plus some room for leaves). */
    public static final int MIN_PLANT_SPACING = 80;

    public ShootConfig {
        if (width < MIN_SIZE || height < MIN_SIZE) {
            throw new BadInputException("synthetic shoot image size must be at least " + MIN_SIZE + "x" + MIN_SIZE
                    + ", got " + width + "x" + height);
        }
        if (plants < 1 || plants > maxPlants(width)) {
            throw new BadInputException("synthetic shoot plants must be between 1 and " + maxPlants(width)
                    + " for an image " + width + " px wide, got " + plants);
        }
        if (leavesPerPlant < 0 || leavesPerPlant > maxLeaves(height)) {
            throw new BadInputException("synthetic shoot leavesPerPlant must be between 0 and "
                    + maxLeaves(height) + " for an image " + height + " px high, got " + leavesPerPlant);
        }
        if (!unit(earProbability) || !unit(clutter) || !unit(noise)) {
            throw new BadInputException("synthetic shoot earProbability, clutter and noise must be in [0, 1], got "
                    + earProbability + ", " + clutter + ", " + noise);
        }
    }

    /** The most plants that fit side by side in an image {@code width} px wide. */
    public static int maxPlants(int width) {
        return Math.max(1, (width - 2 * ShootGenerator.MARGIN) / MIN_PLANT_SPACING);
    }

    /**
     * The most leaves per plant that fit on a stem in an image {@code height} px high: at most {@link #MAX_LEAVES},
     * and leaf bases need some 13 px of stem each.
     */
    public static int maxLeaves(int height) {
        return (int) Math.max(0, Math.min(MAX_LEAVES, Math.floor((0.5 * height - 52) / 14.2)));
    }

    /** A 768x640 image with two plants of seven leaves, ears on about half, moderate clutter and noise. */
    public static ShootConfig defaults() {
        return new ShootConfig(768, 640, 2, 7, 0.5, 0.5, 0.25, 1);
    }

    public ShootConfig withSeed(long newSeed) {
        return new ShootConfig(width, height, plants, leavesPerPlant, earProbability, clutter, noise, newSeed);
    }

    private static boolean unit(double v) {
        return v >= 0 && v <= 1;
    }
}
