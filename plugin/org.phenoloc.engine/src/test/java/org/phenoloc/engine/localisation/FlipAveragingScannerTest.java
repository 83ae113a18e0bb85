package org.phenoloc.engine.localisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.io.Progress;

/** Flip averaging: every window gets the mean of its four mirror-image answers, on any image size. */
class FlipAveragingScannerTest {
    static final int WINDOW = 8;

    /** A "network" that answers with the blue value of the window's top-left pixel: not mirror-symmetric. */
    static final class TopLeftScanner implements Scanner {
        int scans;

        @Override
        public ProbabilityGrid scan(BufferedImage image, int stride, Progress progress) {
            scans++;
            int rows = ScanGeometry.count(image.getHeight(), WINDOW, stride);
            int cols = ScanGeometry.count(image.getWidth(), WINDOW, stride);
            ProbabilityGrid g = ProbabilityGrid.empty(rows, cols, stride, WINDOW / 2, 1);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    g.set(i, j, 0, (image.getRGB(j * stride, i * stride) & 0xff) / 255f);
                }
            }
            progress.update(1, "done");
            return g;
        }
    }

    static BufferedImage noise(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return img;
    }

    @Test
    void eachWindowAveragesItsFourCornersOnAnUnalignedImage() {
        int stride = 3;
        BufferedImage img = noise(31, 26, 7); // (31-8) % 3 = 2 and (26-8) % 3 = 0: one axis unaligned
        TopLeftScanner inner = new TopLeftScanner();
        ProbabilityGrid g = new FlipAveragingScanner(inner, WINDOW).scan(img, stride, Progress.NONE);
        assertEquals(4, inner.scans);
        assertEquals(ScanGeometry.count(26, WINDOW, stride), g.rows());
        assertEquals(ScanGeometry.count(31, WINDOW, stride), g.cols());
        for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < g.cols(); j++) {
                int x0 = j * stride;
                int y0 = i * stride;
                int x1 = x0 + WINDOW - 1;
                int y1 = y0 + WINDOW - 1;
                float expected = (blue(img, x0, y0) + blue(img, x1, y0) + blue(img, x0, y1) + blue(img, x1, y1)) / 4f;
                assertEquals(expected, g.get(i, j, 0), 1e-6, "window " + i + "," + j);
            }
        }
    }

    @Test
    void aMirrorSymmetricAnswerIsUnchanged() {
        Scanner symmetric = (image, stride, progress) -> {
            int rows = ScanGeometry.count(image.getHeight(), WINDOW, stride);
            int cols = ScanGeometry.count(image.getWidth(), WINDOW, stride);
            ProbabilityGrid g = ProbabilityGrid.empty(rows, cols, stride, WINDOW / 2, 2);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    float sum = 0;
                    for (int y = 0; y < WINDOW; y++) {
                        for (int x = 0; x < WINDOW; x++) {
                            sum += blue(image, j * stride + x, i * stride + y);
                        }
                    }
                    g.set(i, j, 0, sum / (WINDOW * WINDOW));
                    g.set(i, j, 1, 1 - sum / (WINDOW * WINDOW));
                }
            }
            return g;
        };
        BufferedImage img = noise(40, 33, 3);
        ProbabilityGrid plain = symmetric.scan(img, 4, Progress.NONE);
        ProbabilityGrid flipped = new FlipAveragingScanner(symmetric, WINDOW).scan(img, 4, Progress.NONE);
        assertEquals(0, plain.maxAbsDifference(flipped), 1e-5);
    }

    @Test
    void progressCoversTheFourScansInOrderAndCancelStops() {
        List<Double> seen = new ArrayList<>();
        Progress p = new Progress() {
            @Override
            public void update(double fraction, String message) {
                seen.add(fraction);
            }
        };
        new FlipAveragingScanner(new TopLeftScanner(), WINDOW).scan(noise(20, 20, 1), 4, p);
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), seen);
        TopLeftScanner inner = new TopLeftScanner();
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return inner.scans >= 1;
            }
        };
        assertThrows(Progress.CancelledException.class,
                () -> new FlipAveragingScanner(inner, WINDOW).scan(noise(20, 20, 1), 4, cancelled));
        assertEquals(1, inner.scans);
    }

    @Test
    void mirrorFlipsPixels() {
        int[] px = {1, 2, 3, 4, 5, 6}; // 3 wide, 2 high
        BufferedImage both = FlipAveragingScanner.mirror(px, 3, 2, true, true);
        assertArrayEquals(new int[] {6, 5, 4, 3, 2, 1}, rgb(both));
        BufferedImage x = FlipAveragingScanner.mirror(px, 3, 2, true, false);
        assertArrayEquals(new int[] {3, 2, 1, 6, 5, 4}, rgb(x));
    }

    private static int[] rgb(BufferedImage img) {
        return java.util.Arrays.stream(img.getRGB(0, 0, 3, 2, null, 0, 3)).map(v -> v & 0xffffff).toArray();
    }

    private static float blue(BufferedImage img, int x, int y) {
        return (img.getRGB(x, y) & 0xff) / 255f;
    }
}
