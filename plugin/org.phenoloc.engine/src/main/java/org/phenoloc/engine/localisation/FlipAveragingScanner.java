package org.phenoloc.engine.localisation;

import java.awt.image.BufferedImage;

import org.phenoloc.engine.io.Progress;

/**
 * Test-time flip averaging: scans the image and its horizontal, vertical and double mirror images with the same
 * scanner and averages the four probabilities of every window. Root tips and leaf tips point any way, so a window and
 * its mirror image are the same question to the network; averaging the four answers removes much of the noise of one.
 * Costs four scans.
 *
 * <p>The mirror images are cut to the part of the image the stride lattice covers ({@code window + (n-1)*stride}
 * pixels a side), so every mirrored window is exactly one of the original lattice's windows and the grid keeps the
 * plain scan's shape and meaning.
 */
public final class FlipAveragingScanner implements Scanner {
    private static final int ORIENTATIONS = 4;
    private final Scanner inner;
    private final int window;

    /** @param window the network's window (scanned-image pixels) */
    public FlipAveragingScanner(Scanner inner, int window) {
        this.inner = inner;
        this.window = window;
    }

    @Override
    public ProbabilityGrid scan(BufferedImage image, int stride, Progress progress) {
        ScanGeometry.check(image.getWidth(), image.getHeight(), window, stride, "image");
        ProbabilityGrid plain = inner.scan(image, stride, part(progress, 0));
        int cols = plain.cols();
        int rows = plain.rows();
        int w = window + (cols - 1) * stride;
        int h = window + (rows - 1) * stride;
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        float[] sum = plain.data().clone();
        for (int k = 1; k < ORIENTATIONS; k++) {
            progress.checkCancelled();
            boolean flipX = (k & 1) != 0;
            boolean flipY = (k & 2) != 0;
            ProbabilityGrid g = inner.scan(mirror(pixels, w, h, flipX, flipY), stride, part(progress, k));
            if (g.rows() != rows || g.cols() != cols) {
                throw new IllegalStateException("mirrored scan gave " + g.rows() + "x" + g.cols() + ", expected " + rows + "x" + cols);
            }
            addMirrored(sum, g, flipX, flipY);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= ORIENTATIONS;
        }
        return new ProbabilityGrid(rows, cols, plain.stride(), plain.offset(), plain.classes(), sum);
    }

    /** The w x h pixels mirrored left-right and/or top-bottom, as an RGB image. */
    static BufferedImage mirror(int[] pixels, int w, int h, boolean flipX, boolean flipY) {
        int[] out = new int[pixels.length];
        for (int y = 0; y < h; y++) {
            int sy = flipY ? h - 1 - y : y;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = pixels[sy * w + (flipX ? w - 1 - x : x)];
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, out, 0, w);
        return img;
    }

    /** Adds the mirrored grid's cells to the cells of the original windows they show. */
    private static void addMirrored(float[] sum, ProbabilityGrid g, boolean flipX, boolean flipY) {
        int rows = g.rows();
        int cols = g.cols();
        int classes = g.classes();
        for (int i = 0; i < rows; i++) {
            int oi = flipY ? rows - 1 - i : i;
            for (int j = 0; j < cols; j++) {
                int oj = flipX ? cols - 1 - j : j;
                int src = (i * cols + j) * classes;
                int dst = (oi * cols + oj) * classes;
                for (int c = 0; c < classes; c++) {
                    sum[dst + c] += g.data()[src + c];
                }
            }
        }
    }

    /** Progress of one of the four scans as a quarter of the whole. */
    private static Progress part(Progress whole, int k) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                whole.update((k + fraction) / ORIENTATIONS, message);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }

    @Override
    public void close() {
        inner.close();
    }
}
