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
    public static final String DEFAULT_TEXT = "2 (half the cores on 6 or more, at most 4; 1 on a single core)";
    public static final int MAX = 256;

    private Workers() {}

    /**
     * The default for a machine with {@code cores} cores: 2, half the cores from 6 cores on, at most 4; 1 on a single
     * core. Measured on 2 cores ({@code benchmark scale}, docs/results/scale.md): 2 workers clearly beat 1 (decoding,
     * peaks and PNG encoding of one image overlap the other's scan), 3 gained little more while holding a third
     * image's buffers. Each worker's native ops already use every core, so on larger machines more workers mostly fill
     * the single-threaded gaps; the cap of 4 bounds memory (one image's scan buffers per worker) until measured there.
     */
    public static int defaultCount(int cores) {
        return cores <= 1 ? 1 : Math.max(2, Math.min(4, cores / 2));
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
