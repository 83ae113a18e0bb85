package org.phenoloc.engine.localisation;

import org.phenoloc.engine.io.BadInputException;

/**
 * How many images to scan at once. Each worker scans with all cores (ND4J's native threads, {@code OMP_NUM_THREADS}),
 * so more workers mainly fill the gaps a single one leaves (decoding, peak finding, PNG encoding, Java code between
 * the native calls); each worker also holds one image's scan buffers. The default comes from measurement
 * ({@code phenoloc benchmark scale}, docs/results/scale.md): see {@link #defaultCount(int)}.
 */
public final class Workers {
    /** The default in words, for help texts and node descriptions. */
    public static final String DEFAULT_TEXT = "half the cores, at least 1 and at most 4";
    public static final int MAX = 256;

    private Workers() {}

    /** The measured default for a machine with {@code cores} cores: half the cores, at least 1, at most 4. */
    public static int defaultCount(int cores) {
        return Math.max(1, Math.min(4, cores / 2));
    }

    /** The default for this machine. */
    public static int defaultCount() {
        return defaultCount(Runtime.getRuntime().availableProcessors());
    }

    /** A requested count, checked; null gives the default. */
    public static int resolve(Integer requested) {
        if (requested == null) {
            return defaultCount();
        }
        if (requested < 1 || requested > MAX) {
            throw new BadInputException("--workers " + requested + ": must be 1.." + MAX + " (each worker holds one"
                    + " image's scan buffers; the default here is " + defaultCount() + ")");
        }
        return requested;
    }
}
