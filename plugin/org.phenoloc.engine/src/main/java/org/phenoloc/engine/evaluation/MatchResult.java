package org.phenoloc.engine.evaluation;

import java.util.List;

/**
 * Point detection scores for one image (see {@link PointMatcher}).
 *
 * <p>Conventions for empty denominators: precision is 1 when there are no detections (nothing claimed, nothing
 * wrong), recall is 1 when there is no ground truth (nothing to find), F1 is 0 when precision and recall are both 0.
 * So an image with neither detections nor truth scores 1/1/1, and missing every tip scores precision 1, recall 0.
 *
 * @param meanError mean Euclidean distance of the matched pairs in pixels; NaN when nothing matched
 * @param pairs     matched {detection index, truth index} pairs, ordered by detection index
 */
public record MatchResult(int truePositives, int falsePositives, int falseNegatives, double precision,
        double recall, double f1, double meanError, List<int[]> pairs) {

    public MatchResult {
        pairs = pairs.stream().map(int[]::clone).toList();
    }

    /** Derives precision, recall, F1 and mean error from the counts and the summed pair distances. */
    public static MatchResult of(int truePositives, int falsePositives, int falseNegatives, double totalError,
            List<int[]> pairs) {
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        return new MatchResult(truePositives, falsePositives, falseNegatives, precision, recall,
                f1(precision, recall), truePositives == 0 ? Double.NaN : totalError / truePositives, pairs);
    }

    /** Detections minus ground truth points: positive means over-counting. */
    public int countError() {
        return falsePositives - falseNegatives;
    }

    /** {@code part / whole}, or 1 when {@code whole} is 0 (see the class comment). */
    static double ratio(long part, long whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
