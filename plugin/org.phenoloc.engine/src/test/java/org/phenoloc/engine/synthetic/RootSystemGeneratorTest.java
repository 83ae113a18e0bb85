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
import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.io.BadInputException;

class RootSystemGeneratorTest {
    private static final RootSystemConfig SMALL = new RootSystemConfig(320, 400, 2, 4, 0.8, 0.3, 7);

    @Test
    void sameSeedGivesIdenticalPixelsAndRoots() {
        SyntheticRootImage a = RootSystemGenerator.generate(RootSystemConfig.defaults());
        SyntheticRootImage b = RootSystemGenerator.generate(RootSystemConfig.defaults());
        assertArrayEquals(pixels(a.image()), pixels(b.image()));
        assertEquals(a.roots(), b.roots());
        assertEquals(a.parents(), b.parents());
    }

    @Test
    void differentSeedGivesDifferentImage() {
        SyntheticRootImage a = RootSystemGenerator.generate(SMALL);
        SyntheticRootImage b = RootSystemGenerator.generate(SMALL.withSeed(8));
        assertFalse(Arrays.equals(pixels(a.image()), pixels(b.image())));
        assertFalse(a.roots().equals(b.roots()));
    }

    @Test
    void imageHasConfiguredSizeAndBlueBackground() {
        SyntheticRootImage s = RootSystemGenerator.generate(RootSystemConfig.defaults());
        assertEquals(640, s.image().getWidth());
        assertEquals(800, s.image().getHeight());
        int c = s.image().getRGB(320, 780); // below the roots, away from any paper edge strip
        assertTrue((c & 0xff) > 2 * ((c >> 16) & 0xff), "paper should be blue: " + Integer.toHexString(c));
    }

    @Test
    void rootsAreWellFormedAndInsideTheMargin() {
        for (long seed = 1; seed <= 8; seed++) {
            RootSystemConfig config = RootSystemConfig.defaults().withSeed(seed);
            SyntheticRootImage s = RootSystemGenerator.generate(config);
            assertEquals(config.primaryRoots(), s.parents().stream().filter(p -> p < 0).count());
            assertTrue(s.roots().size() > config.primaryRoots(), "expected some laterals, seed " + seed);
            int maxDepth = 0;
            for (int i = 0; i < s.roots().size(); i++) {
                List<Point> root = s.roots().get(i);
                assertEquals(root.get(root.size() - 1), s.tips().get(i), "tip is the last point");
                assertTrue(length(root) >= 25, "roots are longer than half the 32 px window");
                for (Point p : root) {
                    assertTrue(p.x() >= 20 && p.x() <= config.width() - 20 && p.y() >= 20
                            && p.y() <= config.height() - 20, "outside margin: " + p);
                }
                int parent = s.parents().get(i);
                assertTrue(parent < i, "parents come first");
                if (parent >= 0) {
                    // A lateral starts on its parent's centre line.
                    assertTrue(root.get(0).distanceTo(s.roots().get(parent)) < 1.5, "lateral base off its parent");
                }
                int depth = 1;
                for (int p = parent; p >= 0; p = s.parents().get(p)) {
                    depth++;
                }
                maxDepth = Math.max(maxDepth, depth);
                assertTrue(depth <= 3);
            }
            assertTrue(maxDepth >= 2);
        }
    }

    @Test
    void laterLevelLateralsAppearSomewhere() {
        boolean third = false;
        for (long seed = 1; seed <= 8 && !third; seed++) {
            SyntheticRootImage s = RootSystemGenerator.generate(RootSystemConfig.defaults().withSeed(seed));
            for (int p : s.parents()) {
                third |= p >= 0 && s.parents().get(p) >= 0;
            }
        }
        assertTrue(third, "no third-order root in 8 images");
    }

    /** The tip pixel is root (brighter than the local paper); a few pixels further along the root is paper. */
    @Test
    void rootEndsExactlyAtTheTip() {
        int checkedTips = 0;
        int checkedBeyond = 0;
        int tips = 0;
        for (long seed = 1; seed <= 6; seed++) {
            SyntheticRootImage s = RootSystemGenerator.generate(RootSystemConfig.defaults().withSeed(seed));
            BufferedImage img = s.image();
            for (int i = 0; i < s.roots().size(); i++) {
                tips++;
                List<Point> root = s.roots().get(i);
                Point tip = s.tips().get(i);
                double background = localBackground(img, s.roots(), tip);
                if (Double.isNaN(background)) {
                    continue;
                }
                checkedTips++;
                int tipValue = value(img, (int) tip.x(), (int) tip.y());
                assertTrue(tipValue - background >= 40, "tip pixel not root-coloured: seed " + seed + " root " + i
                        + " tip " + tip + " value " + tipValue + " background " + background);

                Point before = root.get(root.size() - 2);
                double len = tip.distance(before);
                double dx = (tip.x() - before.x()) / len;
                double dy = (tip.y() - before.y()) / len;
                double sum = 0;
                boolean clear = true;
                for (int step = 5; step <= 7; step++) {
                    Point probe = new Point(tip.x() + step * dx, tip.y() + step * dy);
                    for (int j = 0; j < s.roots().size(); j++) {
                        clear &= j == i || probe.distanceTo(s.roots().get(j)) > 14; // other roots and their hairs
                    }
                    sum += value(img, (int) probe.x(), (int) probe.y());
                }
                if (clear) {
                    checkedBeyond++;
                    double beyond = sum / 3;
                    assertTrue(Math.abs(beyond - background) <= 35, "root continues past its tip: seed " + seed
                            + " root " + i + " beyond " + beyond + " background " + background);
                }
            }
        }
        assertTrue(checkedTips >= 0.8 * tips, "too few tips with paper around: " + checkedTips + "/" + tips);
        assertTrue(checkedBeyond >= tips / 3, "too few isolated tips to check: " + checkedBeyond + "/" + tips);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(BadInputException.class, () -> new RootSystemConfig(50, 800, 1, 1, 1, 0.1, 1));
        assertThrows(BadInputException.class, () -> new RootSystemConfig(640, 800, 0, 1, 1, 0.1, 1));
        assertThrows(BadInputException.class, () -> new RootSystemConfig(640, 800, 1, -1, 1, 0.1, 1));
        assertThrows(BadInputException.class, () -> new RootSystemConfig(640, 800, 1, 1, 1, 2, 1));
        assertThrows(BadInputException.class, () -> new RootSystemConfig(640, 800, 1, Double.NaN, 1, 0.1, 1));
    }

    @Test
    void smallImagesStillWork() {
        RootSystemConfig tiny = new RootSystemConfig(RootSystemConfig.MIN_SIZE, RootSystemConfig.MIN_SIZE, 3, 5, 1,
                0.3, 3);
        SyntheticRootImage s = RootSystemGenerator.generate(tiny);
        assertEquals(3, s.parents().stream().filter(p -> p < 0).count());
        for (Point t : s.tips()) {
            assertTrue(t.x() >= 20 && t.x() <= 108 && t.y() >= 20 && t.y() <= 108, "tip " + t);
        }
    }

    // ---- helpers ----

    /** Brightness without the blue channel: roots are pale, the paper is blue with little red and green. */
    static int value(BufferedImage img, int x, int y) {
        int c = img.getRGB(x, y);
        return ((c >> 16) & 0xff) + ((c >> 8) & 0xff);
    }

    /** Median value of the paper 10-16 px around {@code at}, away from every root. */
    private static double localBackground(BufferedImage img, List<List<Point>> roots, Point at) {
        List<Integer> values = new ArrayList<>();
        for (int y = (int) at.y() - 16; y <= at.y() + 16; y++) {
            for (int x = (int) at.x() - 16; x <= at.x() + 16; x++) {
                Point p = new Point(x + 0.5, y + 0.5);
                double d = p.distance(at);
                if (d >= 10 && d <= 16 && x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight()
                        && roots.stream().allMatch(r -> p.distanceTo(r) > 8)) {
                    values.add(value(img, x, y));
                }
            }
        }
        if (values.size() < 20) {
            return Double.NaN; // crowded by other roots
        }
        values.sort(null);
        return values.get(values.size() / 2);
    }

    private static double length(List<Point> line) {
        double sum = 0;
        for (int i = 1; i < line.size(); i++) {
            sum += line.get(i).distance(line.get(i - 1));
        }
        return sum;
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
