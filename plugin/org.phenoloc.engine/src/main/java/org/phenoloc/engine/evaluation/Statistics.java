package org.phenoloc.engine.evaluation;

import java.util.Arrays;

/**
 * Order statistics of samples (timings, widths, scores). The arguments are never modified; values sort as
 * {@link Arrays#sort(double[])} sorts them ({@code -0.0} before {@code 0.0}, NaN last).
 */
public final class Statistics {
    private Statistics() {}

    /**
     * The median: the middle of the sorted values, for an even count the mean of the two middle ones.
     *
     * @return the median, or NaN for no values
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = sorted(values);
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }

    /**
     * The upper median: the value at index {@code n / 2} of the sorted values, so the median for an odd count and
     * the upper of the two middle values for an even one. Unlike {@link #median} it is always one of the values
     * (e.g. the median image's timing).
     *
     * @return the upper median, or NaN for no values
     */
    public static double upperMedian(double[] values) {
        return values.length == 0 ? Double.NaN : sorted(values)[values.length / 2];
    }

    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }
}
