package org.phenoloc.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Point;

class PixelAccuracyTest {
    @Test
    void diskCoversPixelCentresWithinRadius() {
        BitMap corner = new BitMap(20, 20);
        corner.fillDisk(new Point(10, 10), 2); // centres at offsets +-0.5, +-1.5: 4 + 8 pixels
        assertEquals(12, corner.count());
        assertTrue(corner.get(9, 8) && corner.get(10, 11) && !corner.get(8, 8));

        BitMap centre = new BitMap(20, 20);
        centre.fillDisk(new Point(10.5, 10.5), 1); // the pixel and its 4 neighbours, inclusive at distance 1
        assertEquals(5, centre.count());
        assertTrue(centre.get(10, 9) && !centre.get(9, 9));
    }

    @Test
    void handMadeMap() {
        // Truth region of (5,5) with radius 1.5: pixels (4,4), (5,4), (4,5), (5,5).
        boolean[] pixels = new boolean[100];
        pixels[5 * 10 + 5] = true; // hit
        pixels[4 * 10 + 5] = true; // hit
        pixels[0] = true; // far away: false positive
        PixelAccuracy a = PixelAccuracy.measure(BitMap.of(pixels, 10, 10), List.of(new Point(5, 5)), 1.5);
        assertEquals(new PixelAccuracy(100, 4, 3, 1, 2), a);
        assertEquals(1.0, a.falsePositivePercent(), 1e-12);
        assertEquals(2.0, a.falseNegativePercent(), 1e-12);
        assertEquals(97.0, a.accuracyPercent(), 1e-12);
    }

    @Test
    void overlappingDisksAndBordersCountEachPixelOnce() {
        BitMap none = new BitMap(8, 8);
        // Two overlapping disks partly outside the image; nothing detected, so FN = truth region.
        PixelAccuracy a = PixelAccuracy.measure(none, List.of(new Point(0, 0), new Point(1, 0)), 2);
        assertEquals(bruteForce(none, List.of(new Point(0, 0), new Point(1, 0)), 2), a);
        assertEquals(a.truthPixels(), a.falseNegatives());
        assertEquals(0, a.falsePositives());
    }

    @Test
    void agreesWithPerPixelLoopOnRandomMaps() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 200; trial++) {
            int w = 1 + rnd.nextInt(60);
            int h = 1 + rnd.nextInt(60);
            BitMap map = new BitMap(w, h);
            double density = rnd.nextDouble();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    map.set(x, y, rnd.nextDouble() < density * 0.3);
                }
            }
            List<Point> truth = new ArrayList<>();
            int n = rnd.nextInt(6);
            for (int i = 0; i < n; i++) {
                // Quarter-pixel positions (also outside the image) make exact boundary cases common.
                truth.add(new Point((rnd.nextInt(4 * w + 40) - 20) / 4.0, (rnd.nextInt(4 * h + 40) - 20) / 4.0));
            }
            double radius = rnd.nextInt(4 * 12 + 1) / 4.0;
            assertEquals(bruteForce(map, truth, radius), PixelAccuracy.measure(map, truth, radius),
                    "trial " + trial);
        }
    }

    @Test
    void fiveMegapixelImageWithPaperRadius() {
        int w = 1916;
        int h = 2500;
        BitMap detected = new BitMap(w, h);
        List<Point> truth = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            truth.add(new Point(100 + 40 * i, 200 + 50 * i)); // disks 64 px apart never overlap
        }
        long t0 = System.nanoTime();
        PixelAccuracy a = PixelAccuracy.measure(detected, truth, 16);
        BitMap one = new BitMap(64, 64);
        one.fillDisk(new Point(32, 32), 16);
        assertEquals(40 * one.count(), a.falseNegatives());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "should not loop over points per pixel");
    }

    @Test
    void sumsOverImagesAndTotalsOverClasses() {
        PixelAccuracy a = new PixelAccuracy(1000, 50, 40, 2, 8);
        PixelAccuracy b = new PixelAccuracy(3000, 60, 70, 10, 0);
        PixelAccuracy sum = PixelAccuracy.sum(List.of(a, b));
        assertEquals(new PixelAccuracy(4000, 110, 110, 12, 8), sum);
        assertEquals(99.5, sum.accuracyPercent(), 1e-12);
        assertEquals(100.0, PixelAccuracy.EMPTY.accuracyPercent());

        // Supplementary Table 1's shoot rows: the total is 100 minus every class's FP% and FN%.
        Map<String, PixelAccuracy> shoots = new LinkedHashMap<>();
        shoots.put("Leaf Tip", new PixelAccuracy(10000, 0, 0, 24, 12));
        shoots.put("Leaf Base", new PixelAccuracy(10000, 0, 0, 22, 10));
        shoots.put("Ear Tip", new PixelAccuracy(10000, 0, 0, 8, 2));
        shoots.put("Ear Base", new PixelAccuracy(10000, 0, 0, 11, 5));
        assertEquals(99.06, PixelAccuracy.totalAccuracyPercent(shoots.values()), 1e-9);
        String table = PixelAccuracy.toMarkdown(shoots);
        assertTrue(table.contains("| Leaf Tip | 0.24 | 0.12 | 99.64 |"), table);
        assertTrue(table.contains("Total accuracy: 99.06%"), table);
        assertThrows(IllegalArgumentException.class,
                () -> PixelAccuracy.totalAccuracyPercent(List.of(a, b)));
    }

    @Test
    void thresholdMarksValuesAtOrAbove() {
        BitMap map = BitMap.threshold(new float[] {0.5f, 0.99f, 0.995f, 1f}, 2, 2, 0.99f);
        assertFalse(map.get(0, 0));
        assertTrue(map.get(1, 0) && map.get(0, 1) && map.get(1, 1));
        assertThrows(IllegalArgumentException.class, () -> BitMap.threshold(new float[3], 2, 2, 0.5));
    }

    private static PixelAccuracy bruteForce(BitMap detected, List<Point> truth, double radius) {
        long truthPixels = 0;
        long detectedPixels = 0;
        long fp = 0;
        long fn = 0;
        for (int y = 0; y < detected.height(); y++) {
            for (int x = 0; x < detected.width(); x++) {
                boolean near = false;
                for (Point p : truth) {
                    double dx = x + 0.5 - p.x();
                    double dy = y + 0.5 - p.y();
                    near |= dx * dx + dy * dy <= radius * radius;
                }
                boolean marked = detected.get(x, y);
                truthPixels += near ? 1 : 0;
                detectedPixels += marked ? 1 : 0;
                fp += marked && !near ? 1 : 0;
                fn += near && !marked ? 1 : 0;
            }
        }
        return new PixelAccuracy((long) detected.width() * detected.height(), truthPixels, detectedPixels, fp, fn);
    }
}
