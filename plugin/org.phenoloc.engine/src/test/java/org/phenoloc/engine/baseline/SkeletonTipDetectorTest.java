package org.phenoloc.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.evaluation.ScoredPoint;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.engine.synthetic.SyntheticRootImage;

class SkeletonTipDetectorTest {
    @Test
    void findsMostTipsOfGeneratedRootSystems() {
        SkeletonTipDetector detector = new SkeletonTipDetector(SkeletonTipConfig.defaults());
        List<MatchResult> results = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticRootImage s = RootSystemGenerator.generate(RootSystemConfig.defaults().withSeed(seed));
            List<ScoredPoint> found = detector.detectScored(s.image());
            for (int i = 1; i < found.size(); i++) {
                assertTrue(found.get(i).score() <= found.get(i - 1).score(), "longest branch first");
            }
            results.add(PointMatcher.match(found.stream().map(ScoredPoint::point).toList(), s.tips(), 16));
        }
        // measured with the defaults: precision 0.78, recall 0.63 (tips ending on crossing roots are lost)
        MatchSummary sum = MatchSummary.of(results);
        assertTrue(sum.precision() >= 0.65, "precision " + sum.precision() + " " + sum);
        assertTrue(sum.recall() >= 0.5, "recall " + sum.recall() + " " + sum);
    }

    @Test
    void halfScaleReportsOriginalPixels() {
        SyntheticRootImage s = RootSystemGenerator.generate(RootSystemConfig.defaults().withSeed(2));
        List<Point> found = new SkeletonTipDetector(SkeletonTipConfig.defaults().withScale(0.5)).detect(s.image());
        MatchResult m = PointMatcher.match(found, s.tips(), 16);
        // measured: 12 of 14 tips found with 15 detections
        assertTrue(m.recall() >= 0.6 && m.precision() >= 0.6, m.toString());
    }

    @Test
    void oneRootGivesOneTipAndTheSeedIsDropped() {
        BufferedImage image = paper(200, 360, 3);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(225, 222, 210));
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(100, 60, 110, 300);
        g.dispose();
        List<Point> tips = new SkeletonTipDetector(SkeletonTipConfig.defaults()).detect(image);
        assertEquals(1, tips.size(), tips.toString());
        assertTrue(tips.get(0).distance(new Point(110, 300)) < 6, tips.toString());
        List<Point> both = new SkeletonTipDetector(SkeletonTipConfig.defaults()
                .withSeedRule(SkeletonTipConfig.SeedRule.NONE)).detect(image);
        assertEquals(2, both.size(), both.toString());
        assertTrue(both.stream().anyMatch(p -> p.distance(new Point(100, 60)) < 6), both.toString());
    }

    @Test
    void emptyPaperAndFrameGiveNoTips() {
        BufferedImage image = paper(300, 300, 5);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 230, 230)); // a pale frame strip and a dark strip above the paper
        g.fillRect(0, 0, 20, 300);
        g.setColor(new Color(20, 20, 25));
        g.fillRect(0, 0, 300, 30);
        g.dispose();
        for (SkeletonTipConfig.Threshold t : SkeletonTipConfig.Threshold.values()) {
            List<Point> tips = new SkeletonTipDetector(SkeletonTipConfig.defaults().withThreshold(t)).detect(image);
            assertTrue(tips.size() <= 1, t + ": " + tips);
        }
    }

    @Test
    void aThresholdThatMarksMostOfThePaperSegmentsNothing() {
        // grey paper with a pale region over two thirds of it: Otsu's threshold splits the paper, not roots from it
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, 300, 300);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        SkeletonTipDetector otsu = new SkeletonTipDetector(SkeletonTipConfig.defaults()
                .withThreshold(SkeletonTipConfig.Threshold.OTSU));
        SkeletonTipDetector.Prepared p = otsu.prepare(image);
        boofcv.struct.image.GrayU8 segmented = otsu.segment(p);
        long marked = 0;
        for (byte b : segmented.data) {
            marked += b;
        }
        assertEquals(0, marked, "a mask over most of the paper is dropped");
        assertTrue(otsu.detect(image).isEmpty());
        // a thin pale stroke on the same paper (a root) is still segmented
        BufferedImage roots = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        g = roots.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, 300, 300);
        g.setColor(new Color(200, 200, 200));
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(150, 40, 160, 260);
        g.dispose();
        SkeletonTipDetector.Prepared q = otsu.prepare(roots);
        long rootPixels = 0;
        for (byte b : otsu.segment(q).data) {
            rootPixels += b;
        }
        assertTrue(rootPixels > 500 && rootPixels < 3000, "the stroke is segmented: " + rootPixels + " px");
    }

    /** Blue germination paper with Gaussian noise. */
    static BufferedImage paper(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = (int) Math.round(6 * r.nextGaussian());
                image.setRGB(x, y, new Color(clamp(45 + n), clamp(60 + n), clamp(190 + n)).getRGB());
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
