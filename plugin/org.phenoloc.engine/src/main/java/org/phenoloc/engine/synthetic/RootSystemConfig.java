package org.phenoloc.engine.synthetic;

import org.phenoloc.engine.io.BadInputException;

/**
 * Settings for one synthetic root image.
 *
 * @param width              image width in pixels
 * @param height             image height in pixels
 * @param primaryRoots       number of primary (seminal) roots, all from one seed near the top
 * @param lateralsPerPrimary mean number of first-order laterals per primary (Poisson); second-order laterals scale
 *                           with it
 * @param hairDensity        mean root hairs per pixel of mature root length (0 = none)
 * @param noise              camera noise level, 0..1 (the Gaussian pixel noise sigma is {@code 20 * noise} grey
 *                           levels)
 * @param seed               random seed; the same config always gives the same pixels
 */
public record RootSystemConfig(int width, int height, int primaryRoots, double lateralsPerPrimary,
        double hairDensity, double noise, long seed) {

    /** Smallest image side: room for the 24 px margin on both sides plus some root. */
    public static final int MIN_SIZE = 128;

    public RootSystemConfig {
        if (width < MIN_SIZE || height < MIN_SIZE) {
            throw new BadInputException("synthetic image size must be at least " + MIN_SIZE + "x" + MIN_SIZE
                    + ", got " + width + "x" + height);
        }
        if (primaryRoots < 1) {
            throw new BadInputException("synthetic primaryRoots must be at least 1, got " + primaryRoots);
        }
        if (!(lateralsPerPrimary >= 0) || !(hairDensity >= 0) || !(noise >= 0 && noise <= 1)) {
            throw new BadInputException("synthetic lateralsPerPrimary and hairDensity must be >= 0 and noise in"
                    + " [0, 1], got " + lateralsPerPrimary + ", " + hairDensity + ", " + noise);
        }
    }

    /** A 640x800 image with three primaries, about five laterals each, moderate hairs and noise. */
    public static RootSystemConfig defaults() {
        return new RootSystemConfig(640, 800, 3, 5, 0.8, 0.3, 1);
    }

    public RootSystemConfig withSeed(long newSeed) {
        return new RootSystemConfig(width, height, primaryRoots, lateralsPerPrimary, hairDensity, noise, newSeed);
    }
}
