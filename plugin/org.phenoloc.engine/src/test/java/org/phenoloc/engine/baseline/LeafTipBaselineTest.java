package org.phenoloc.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.synthetic.ShootConfig;
import org.phenoloc.engine.synthetic.ShootGenerator;
import org.phenoloc.engine.synthetic.SyntheticShootImage;

/** The classical leaf-tip variant: greenness, hysteresis, the stem's end dropped, the leaf grid. */
class LeafTipBaselineTest {
    private static final Point STEM_BASE = new Point(200, 380);
    private static final List<Point> LEAF_TIPS = List.of(new Point(70, 250), new Point(330, 230), new Point(215, 70));

    /** A stem from the pot up with three curved leaves, on a light booth wall, beside a dark frame bar. */
    private static BufferedImage plant(boolean faintFringe) {
        BufferedImage image = new BufferedImage(400, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(236, 234, 226)); // a warm white wall: greenness about -2
        g.fillRect(0, 0, 400, 420);
        g.setColor(new Color(28, 28, 30)); // the frame bar
        g.fillRect(360, 0, 20, 420);
        g.setColor(new Color(245, 245, 245)); // the pot
        g.fillRect(170, 380, 60, 40);
        g.setColor(new Color(60, 120, 45));
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.drawLine((int) STEM_BASE.x(), (int) STEM_BASE.y(), 205, 160);
        g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Double(202, 260, 110, 170, 70, 250));
        g.draw(new QuadCurve2D.Double(204, 220, 300, 140, 330, 230));
        g.drawLine(205, 160, 215, 70);
        if (faintFringe) { // a chromatic fringe along a frame edge: faintly green (14 levels) from top to bottom
            g.setColor(new Color(110, 126, 112));
            g.setStroke(new BasicStroke(4));
            g.drawLine(30, 10, 30, 410);
        }
        g.dispose();
        return image;
    }

    @Test
    void findsTheLeafTipsButNotTheStemsEndOrAFaintFringe() {
        List<Point> tips = new SkeletonTipDetector(SkeletonTipConfig.leafTipDefaults()).detect(plant(true));
        MatchResult m = PointMatcher.match(tips, LEAF_TIPS, 16);
        assertEquals(3, m.truePositives(), tips.toString());
        assertEquals(0, m.falsePositives(), "the stem's end and the fringe are not tips: " + tips);

        List<Point> withStem = new SkeletonTipDetector(SkeletonTipConfig.leafTipDefaults()
                .withSeedRule(SkeletonTipConfig.SeedRule.NONE)).detect(plant(false));
        assertEquals(4, withStem.size(), withStem.toString());
        assertTrue(withStem.stream().anyMatch(p -> p.distance(STEM_BASE) < 16), withStem.toString());

        // the fringe is greener than the level everywhere along it, so only the hysteresis drops it
        SkeletonTipDetector plain = new SkeletonTipDetector(SkeletonTipConfig.leafTipDefaults());
        SkeletonTipDetector.Prepared p = plain.prepare(plant(true));
        assertTrue(p.channel().get(15, 100) > SkeletonTipConfig.leafTipDefaults().sensitivity(),
                "fringe greenness " + p.channel().get(15, 100));
        boofcv.struct.image.GrayU8 kept = plain.segment(p);
        assertEquals(0, kept.get(15, 100), "the fringe is dropped (processing pixels)");
        assertTrue(countOn(kept) > 300, "the plant is kept: " + countOn(kept) + " px");
    }

    @Test
    void theWholeImageIsSearchedAtHalfResolution() {
        // the root defaults look for blue paper; the leaf variant needs none and searches the whole image
        BufferedImage image = plant(false);
        SkeletonTipDetector.Prepared p = new SkeletonTipDetector(SkeletonTipConfig.leafTipDefaults()).prepare(image);
        assertTrue(p.paper().contains(1, 1, 0) && p.paper().contains(p.channel().width - 2, p.channel().height - 2, 0));
        assertEquals(200, p.channel().width, "half resolution");
    }

    @Test
    void findsMostLeafTipsOfGeneratedShoots() {
        SkeletonTipDetector detector = new SkeletonTipDetector(SkeletonTipConfig.leafTipDefaults());
        List<MatchResult> results = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticShootImage s = ShootGenerator.generate(ShootConfig.defaults().withSeed(seed));
            List<Point> truth = s.features().stream()
                    .filter(f -> f.className().equals(SyntheticShootImage.LEAF_TIP)).map(Feature::point).toList();
            results.add(PointMatcher.match(detector.detect(s.image()), truth, 32));
        }
        MatchSummary sum = MatchSummary.of(results); // measured: precision 0.87, recall 0.93 (39 of 42 tips)
        assertTrue(sum.recall() >= 0.8, sum.toString());
        assertTrue(sum.precision() >= 0.75, sum.toString());
    }

    @Test
    void theLeafGridHas48DistinctValidCandidates() {
        List<SkeletonTipConfig> grid = SkeletonTipTuner.leafTipGrid(SkeletonTipConfig.leafTipDefaults());
        assertEquals(48, grid.size());
        assertEquals(48, new HashSet<>(grid).size());
        for (SkeletonTipConfig c : grid) {
            assertEquals(SkeletonTipConfig.Channel.GREENNESS, c.channel());
            assertEquals(SkeletonTipConfig.Region.IMAGE, c.region());
            assertEquals(c, SkeletonTipConfig.parse(c.toString()));
        }
    }

    private static long countOn(boofcv.struct.image.GrayU8 mask) {
        long n = 0;
        for (byte b : mask.data) {
            n += b;
        }
        return n;
    }
}
