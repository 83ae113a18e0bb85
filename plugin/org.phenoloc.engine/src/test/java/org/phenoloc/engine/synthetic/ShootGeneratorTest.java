package org.phenoloc.engine.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.synthetic.SyntheticShootImage.Kind;
import org.phenoloc.engine.synthetic.SyntheticShootImage.Organ;

class ShootGeneratorTest {
    /** The scanner ignores a 64 px border of the original image; the generator promises 48, we test 40. */
    private static final double BORDER = 40;
    /** Small, crowded and cluttered, to make overlaps likely. */
    private static final ShootConfig BUSY = new ShootConfig(512, 448, 3, 8, 0.6, 1, 0.3, 21);

    private static List<ShootConfig> configs() {
        List<ShootConfig> configs = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            configs.add(ShootConfig.defaults().withSeed(seed));
            configs.add(BUSY.withSeed(seed));
        }
        configs.add(new ShootConfig(256, 256, 2, ShootConfig.maxLeaves(256), 1, 0.5, 0.25, 3));
        return configs;
    }

    @Test
    void sameSeedGivesIdenticalPixelsAndFeatures() {
        SyntheticShootImage a = ShootGenerator.generate(ShootConfig.defaults());
        SyntheticShootImage b = ShootGenerator.generate(ShootConfig.defaults());
        assertArrayEquals(pixels(a.image()), pixels(b.image()));
        assertEquals(a.features(), b.features());
        assertEquals(a.organs(), b.organs());
    }

    @Test
    void differentSeedGivesDifferentImage() {
        SyntheticShootImage a = ShootGenerator.generate(BUSY);
        SyntheticShootImage b = ShootGenerator.generate(BUSY.withSeed(BUSY.seed() + 1));
        assertFalse(Arrays.equals(pixels(a.image()), pixels(b.image())));
        assertFalse(a.features().equals(b.features()));
    }

    @Test
    void noiseLevelChangesPixelsButNotPlants() {
        ShootConfig quiet = new ShootConfig(512, 448, 2, 6, 0.5, 0.5, 0, 5);
        ShootConfig noisy = new ShootConfig(512, 448, 2, 6, 0.5, 0.5, 0.8, 5);
        SyntheticShootImage a = ShootGenerator.generate(quiet);
        SyntheticShootImage b = ShootGenerator.generate(noisy);
        assertEquals(a.features(), b.features());
        assertFalse(Arrays.equals(pixels(a.image()), pixels(b.image())));
    }

    @Test
    void imageHasConfiguredSizeAndLightBackdrop() {
        ShootConfig c = ShootConfig.defaults();
        SyntheticShootImage s = ShootGenerator.generate(c);
        assertEquals(c.width(), s.image().getWidth());
        assertEquals(c.height(), s.image().getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, s.image().getType());
        // most of the image is the light backdrop
        int light = 0;
        int[] px = pixels(s.image());
        for (int v : px) {
            if (luminance(v) > 190 && Math.abs(greenness(v)) < 15) {
                light++;
            }
        }
        assertTrue(light > 0.6 * px.length, "light backdrop fraction " + (double) light / px.length);
    }

    @Test
    void countsPerClassAreAsConfigured() {
        for (long seed = 1; seed <= 3; seed++) {
            ShootConfig all = new ShootConfig(640, 512, 3, 5, 1, 0.5, 0.2, seed);
            assertEquals(Map.of("leaf_tip", 15L, "leaf_base", 15L, "ear_tip", 3L, "ear_base", 3L),
                    countByClass(ShootGenerator.generate(all)));
            ShootConfig none = new ShootConfig(640, 512, 2, 9, 0, 0.5, 0.2, seed);
            assertEquals(Map.of("leaf_tip", 18L, "leaf_base", 18L), countByClass(ShootGenerator.generate(none)));
        }
        ShootConfig bare = new ShootConfig(300, 300, 1, 0, 1, 0, 0, 4);
        assertEquals(Map.of("ear_tip", 1L, "ear_base", 1L), countByClass(ShootGenerator.generate(bare)));

        // with probability 0.5, ears come and go per plant; leaves and organs always match the features
        int ears = 0;
        for (long seed = 1; seed <= 8; seed++) {
            SyntheticShootImage s = ShootGenerator.generate(ShootConfig.defaults().withSeed(seed));
            Map<String, Long> counts = countByClass(s);
            assertEquals(14L, counts.get("leaf_tip"));
            assertEquals(14L, counts.get("leaf_base"));
            assertEquals(counts.get("ear_tip"), counts.get("ear_base"));
            assertEquals(2, s.organs().stream().filter(o -> o.kind() == Kind.STEM).count());
            assertEquals(s.features().size(), 2 * s.organs().stream().filter(o -> o.kind() != Kind.STEM).count());
            ears += counts.getOrDefault("ear_tip", 0L).intValue();
        }
        assertTrue(ears > 2 && ears < 14, "ears on 16 plants with probability 0.5: " + ears);
    }

    @Test
    void featuresAreTheOrganEndsAndInsideTheMargin() {
        for (ShootConfig c : configs()) {
            SyntheticShootImage s = ShootGenerator.generate(c);
            List<Feature> expected = new ArrayList<>();
            for (Organ o : s.organs()) {
                String kind = o.kind() == Kind.LEAF ? "leaf" : o.kind() == Kind.EAR ? "ear" : null;
                if (kind != null) {
                    expected.add(new Feature(kind + "_base", o.base().x(), o.base().y()));
                    expected.add(new Feature(kind + "_tip", o.tip().x(), o.tip().y()));
                }
            }
            assertEquals(expected, s.features(), "features are the organs' ends, in organ order");
            for (Feature f : s.features()) {
                assertTrue(f.x() >= BORDER && f.x() <= c.width() - BORDER && f.y() >= BORDER
                        && f.y() <= c.height() - BORDER, "feature too close to the border: " + f + " in " + c);
                assertTrue(SyntheticShootImage.CLASSES.contains(f.className()));
            }
            for (int i = 0; i < s.features().size(); i++) {
                for (int j = i + 1; j < s.features().size(); j++) {
                    Point p = s.features().get(i).point();
                    Point q = s.features().get(j).point();
                    assertTrue(p.distance(q) >= ShootGenerator.MIN_FEATURE_DISTANCE - 1e-6,
                            "features too close: " + p + " " + q + " in " + c);
                }
            }
        }
    }

    @Test
    void tipsAreVisibleAndOnlyBackdropLiesAhead() {
        int tips = 0;
        for (ShootConfig c : configs()) {
            SyntheticShootImage s = ShootGenerator.generate(c);
            BufferedImage img = s.image();
            for (Organ o : s.organs()) {
                if (o.kind() == Kind.STEM) {
                    continue;
                }
                List<Point> line = o.centreLine();
                Point tip = o.tip();
                Point before = line.get(line.size() - 4);
                double len = tip.distance(before);
                double dx = (tip.x() - before.x()) / len;
                double dy = (tip.y() - before.y()) / len;
                String where = o.kind() + " tip " + tip + " of plant " + o.plant() + " in " + c;

                int atTip = rgb(img, tip.x(), tip.y());
                int ahead = rgb(img, tip.x() + 6 * dx, tip.y() + 6 * dy);
                int behind = rgb(img, tip.x() - 3 * dx, tip.y() - 3 * dy);
                // the tip pixel is the organ: green-ish and much darker than just ahead of it
                assertTrue(greenness(atTip) >= 15, where + ": tip pixel not plant-coloured " + hex(atTip));
                assertTrue(greenness(behind) >= 15, where + ": pixel behind the tip not plant-coloured");
                assertTrue(luminance(ahead) - luminance(atTip) >= 30, where + ": tip " + hex(atTip)
                        + " hardly differs from the backdrop ahead " + hex(ahead));
                assertTrue(colourDistance(atTip, ahead) >= 60, where + ": tip colour too close to backdrop");
                // a few px ahead lies only the (light, grey) backdrop
                assertTrue(greenness(ahead) < 20 && luminance(ahead) > 160, where + ": not backdrop 6 px ahead "
                        + hex(ahead));
                double meanGreen = 0;
                double minLum = 255;
                for (int oy = -1; oy <= 1; oy++) {
                    for (int ox = -1; ox <= 1; ox++) {
                        int v = rgb(img, tip.x() + 9 * dx + ox, tip.y() + 9 * dy + oy);
                        meanGreen += greenness(v) / 9;
                        minLum = Math.min(minLum, luminance(v));
                    }
                }
                assertTrue(meanGreen < 12 && minLum > 150, where + ": not backdrop 9 px ahead (greenness "
                        + meanGreen + ", min luminance " + minLum + ")");
                tips++;
            }
        }
        assertTrue(tips > 100, "tested " + tips + " tips");
    }

    @Test
    void leafBasesAreOnTheEdgeOfTheirStemAndEarsOnTop() {
        for (ShootConfig c : configs()) {
            SyntheticShootImage s = ShootGenerator.generate(c);
            Map<Integer, Organ> stems = s.organs().stream().filter(o -> o.kind() == Kind.STEM)
                    .collect(Collectors.toMap(Organ::plant, Function.identity()));
            assertEquals(c.plants(), stems.size());
            for (Organ o : s.organs()) {
                Organ stem = stems.get(o.plant());
                if (o.kind() == Kind.LEAF) {
                    int nearest = nearest(stem.centreLine(), o.base());
                    double d = o.base().distanceTo(stem.centreLine());
                    double hw = stem.halfWidths().get(nearest);
                    assertTrue(Math.abs(d - hw) <= 1, "leaf base " + o.base() + " is " + d
                            + " px from the stem centre, stem half width " + hw + " in " + c);
                    assertTrue(o.base().y() < stem.base().y() && o.base().y() > stem.tip().y() - 1,
                            "leaf base beside the stem, not below or above it");
                    int v = rgb(s.image(), o.base().x(), o.base().y());
                    assertTrue(greenness(v) >= 15 && luminance(v) < 170, "leaf base pixel is not plant: " + hex(v));
                } else if (o.kind() == Kind.EAR) {
                    assertTrue(o.base().distance(stem.tip()) < 0.01, "the ear sits on top of its stem");
                    assertTrue(o.tip().y() < o.base().y(), "ears point up");
                }
            }
        }
    }

    @Test
    void leavesAreLongerThanWideAndTaperToTheTip() {
        for (ShootConfig c : configs()) {
            for (Organ o : ShootGenerator.generate(c).organs()) {
                if (o.kind() != Kind.LEAF) {
                    continue;
                }
                double max = o.halfWidths().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                double tip = o.halfWidths().get(o.halfWidths().size() - 1);
                assertEquals(ShootGenerator.LEAF_TIP_RADIUS, tip, 1e-9);
                assertTrue(o.centreLine().size() >= 12, "leaf too short");
                assertTrue(max >= tip, "leaf narrower than its tip");
                for (int i = 1; i < o.centreLine().size(); i++) {
                    double step = o.centreLine().get(i).distance(o.centreLine().get(i - 1));
                    assertTrue(step > 0.99 && step < 1.01, "centre line in 1 px steps");
                }
            }
        }
    }

    @Test
    void rejectsBadConfigs() {
        assertThrows(BadInputException.class, () -> new ShootConfig(255, 640, 1, 5, 0.5, 0.5, 0.2, 1));
        assertThrows(BadInputException.class, () -> new ShootConfig(768, 200, 1, 5, 0.5, 0.5, 0.2, 1));
        assertThrows(BadInputException.class, () -> new ShootConfig(768, 640, 0, 5, 0.5, 0.5, 0.2, 1));
        assertThrows(BadInputException.class,
                () -> new ShootConfig(768, 640, ShootConfig.maxPlants(768) + 1, 5, 0.5, 0.5, 0.2, 1));
        assertThrows(BadInputException.class, () -> new ShootConfig(768, 640, 1, -1, 0.5, 0.5, 0.2, 1));
        assertThrows(BadInputException.class,
                () -> new ShootConfig(768, 256, 1, ShootConfig.maxLeaves(256) + 1, 0.5, 0.5, 0.2, 1));
        assertThrows(BadInputException.class, () -> new ShootConfig(768, 640, 1, 5, 1.5, 0.5, 0.2, 1));
        assertThrows(BadInputException.class, () -> new ShootConfig(768, 640, 1, 5, 0.5, -0.1, 0.2, 1));
        assertThrows(BadInputException.class, () -> new ShootConfig(768, 640, 1, 5, 0.5, 0.5, Double.NaN, 1));
        assertEquals(ShootConfig.MAX_LEAVES, ShootConfig.maxLeaves(640));
        assertTrue(ShootConfig.maxLeaves(256) >= 3);
        new ShootConfig(256, 256, ShootConfig.maxPlants(256), ShootConfig.maxLeaves(256), 1, 1, 1, 1); // valid
    }

    @Test
    void largestConfigurationsStillLayOut() {
        ShootConfig c = new ShootConfig(768, 640, ShootConfig.maxPlants(768), ShootConfig.MAX_LEAVES, 1, 1, 0.2, 2);
        SyntheticShootImage s = ShootGenerator.generate(c);
        assertEquals(2L * c.plants() * (c.leavesPerPlant() + 1), s.features().size());
    }

    // ---- helpers ----

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static Map<String, Long> countByClass(SyntheticShootImage s) {
        return s.features().stream().collect(Collectors.groupingBy(Feature::className, Collectors.counting()));
    }

    private static int rgb(BufferedImage img, double x, double y) {
        return img.getRGB((int) Math.floor(x), (int) Math.floor(y));
    }

    private static double greenness(int v) {
        return ((v >> 8) & 0xff) - (((v >> 16) & 0xff) + (v & 0xff)) / 2.0;
    }

    private static double luminance(int v) {
        return 0.299 * ((v >> 16) & 0xff) + 0.587 * ((v >> 8) & 0xff) + 0.114 * (v & 0xff);
    }

    private static double colourDistance(int a, int b) {
        double sum = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double d = ((a >> shift) & 0xff) - ((b >> shift) & 0xff);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static String hex(int v) {
        return String.format("#%06x", v & 0xffffff);
    }

    private static int nearest(List<Point> line, Point p) {
        int best = 0;
        for (int i = 1; i < line.size(); i++) {
            if (line.get(i).distance(p) < line.get(best).distance(p)) {
                best = i;
            }
        }
        return best;
    }
}
