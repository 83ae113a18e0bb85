package org.phenoloc.engine.evaluation;

import java.util.List;

/**
 * Point detection scores over a set of images: counts are summed before precision, recall and F1 are computed
 * (micro-averaging, so images with many tips weigh more), with {@link MatchResult}'s conventions for empty
 * denominators.
 *
 * @param meanError              mean distance over all matched pairs of all images; NaN when nothing matched
 * @param meanAbsoluteCountError mean over images of |detections - truth|; 0 for no images
 * @param meanCountError         mean over images of (detections - truth), i.e. the counting bias; 0 for no images
 */
public record MatchSummary(int images, int truePositives, int falsePositives, int falseNegatives, double precision,
        double recall, double f1, double meanError, double meanAbsoluteCountError, double meanCountError) {

    public static MatchSummary of(List<MatchResult> perImage) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        double totalError = 0;
        long absCount = 0;
        long count = 0;
        for (MatchResult r : perImage) {
            tp += r.truePositives();
            fp += r.falsePositives();
            fn += r.falseNegatives();
            if (r.truePositives() > 0) {
                totalError += r.meanError() * r.truePositives();
            }
            absCount += Math.abs(r.countError());
            count += r.countError();
        }
        double precision = MatchResult.ratio(tp, tp + fp);
        double recall = MatchResult.ratio(tp, tp + fn);
        int n = perImage.size();
        return new MatchSummary(n, tp, fp, fn, precision, recall, MatchResult.f1(precision, recall),
                tp == 0 ? Double.NaN : totalError / tp, n == 0 ? 0 : (double) absCount / n,
                n == 0 ? 0 : (double) count / n);
    }
}
