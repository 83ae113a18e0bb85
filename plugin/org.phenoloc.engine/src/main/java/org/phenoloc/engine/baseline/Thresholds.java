package org.phenoloc.engine.baseline;

import boofcv.alg.filter.binary.GThresholdImageOps;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayU8;

/** Thresholds derived from an image: Otsu's, and a robust noise level. */
final class Thresholds {
    /** Histogram bins per grey level: values are binned at 1/4 grey level over -256..256. */
    private static final int BINS_PER_LEVEL = 4;
    private static final int LOW = -256;
    private static final int HIGH = 256;

    private Thresholds() {}

    /**
     * Otsu's threshold (BoofCV's) of the values where {@code mask} is non-zero (all values for a null mask), as a
     * value: a pixel is above the threshold when it is strictly greater.
     */
    static double otsu(GrayF32 values, GrayU8 mask) {
        int[] hist = new int[(HIGH - LOW) * BINS_PER_LEVEL + 1];
        int total = 0;
        for (int i = 0; i < values.width * values.height; i++) {
            if (mask == null || mask.data[i] != 0) {
                hist[bin(values.data[i])]++;
                total++;
            }
        }
        if (total == 0) {
            return Double.POSITIVE_INFINITY;
        }
        int t = GThresholdImageOps.computeOtsu(hist, hist.length, total);
        return LOW + (t + 0.5) / BINS_PER_LEVEL;
    }

    /**
     * A robust standard deviation of the values where {@code mask} is non-zero: 1.4826 times the median absolute
     * deviation from the median, so sparse bright roots do not inflate it. Never below 1/4 grey level.
     */
    static double robustSigma(GrayF32 values, GrayU8 mask) {
        int[] hist = new int[(HIGH - LOW) * BINS_PER_LEVEL + 1];
        int total = 0;
        for (int i = 0; i < values.width * values.height; i++) {
            if (mask == null || mask.data[i] != 0) {
                hist[bin(values.data[i])]++;
                total++;
            }
        }
        if (total == 0) {
            return 1;
        }
        double median = value(quantileBin(hist, total, 0.5));
        int[] dev = new int[hist.length];
        for (int b = 0; b < hist.length; b++) {
            dev[bin((float) Math.abs(value(b) - median) + LOW)] += hist[b];
        }
        double mad = value(quantileBin(dev, total, 0.5)) - LOW;
        return Math.max(1.4826 * mad, 1.0 / BINS_PER_LEVEL);
    }

    private static int quantileBin(int[] hist, int total, double q) {
        long need = (long) Math.ceil(q * total);
        long seen = 0;
        for (int b = 0; b < hist.length; b++) {
            seen += hist[b];
            if (seen >= need) {
                return b;
            }
        }
        return hist.length - 1;
    }

    private static int bin(float v) {
        int b = Math.round((v - LOW) * BINS_PER_LEVEL);
        return Math.max(0, Math.min((HIGH - LOW) * BINS_PER_LEVEL, b));
    }

    private static double value(int bin) {
        return LOW + (double) bin / BINS_PER_LEVEL;
    }
}
