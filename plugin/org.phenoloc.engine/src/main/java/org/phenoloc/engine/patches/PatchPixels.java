package org.phenoloc.engine.patches;

import java.awt.image.BufferedImage;

/** Pixel access shared by the sampler and the scanners, so training and localisation see identical inputs. */
public final class PatchPixels {
    private PatchPixels() {}

    /**
     * A {@code crop x crop} square centred at (cx, cy) (top-left at floor(cx - crop/2)), box-averaged down to
     * {@code size x size}, pixels outside the image replicated from the edge. Returns HWC bytes.
     */
    public static byte[] crop(BufferedImage image, double cx, double cy, int crop, int size, int channels) {
        int x0 = (int) Math.floor(cx - crop / 2.0);
        int y0 = (int) Math.floor(cy - crop / 2.0);
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[size * size * channels];
        double f = crop / (double) size;
        for (int r = 0; r < size; r++) {
            int sy0 = (int) Math.floor(r * f);
            int sy1 = Math.max(sy0 + 1, (int) Math.floor((r + 1) * f));
            for (int c = 0; c < size; c++) {
                int sx0 = (int) Math.floor(c * f);
                int sx1 = Math.max(sx0 + 1, (int) Math.floor((c + 1) * f));
                double[] acc = new double[3];
                int n = 0;
                for (int yy = sy0; yy < sy1; yy++) {
                    int iy = Math.min(h - 1, Math.max(0, y0 + yy));
                    for (int xx = sx0; xx < sx1; xx++) {
                        int ix = Math.min(w - 1, Math.max(0, x0 + xx));
                        int rgb = image.getRGB(ix, iy);
                        acc[0] += (rgb >> 16) & 0xff;
                        acc[1] += (rgb >> 8) & 0xff;
                        acc[2] += rgb & 0xff;
                        n++;
                    }
                }
                int o = (r * size + c) * channels;
                if (channels == 3) {
                    for (int k = 0; k < 3; k++) {
                        out[o + k] = (byte) Math.round(acc[k] / n);
                    }
                } else {
                    out[o] = (byte) Math.round(grey(acc[0], acc[1], acc[2]) / n);
                }
            }
        }
        return out;
    }

    /** Network input value of an 8-bit sample: centred on 0 (like Caffe's mean subtraction), range [-0.5, 0.5]. */
    public static float normalise(double v) {
        return (float) (v / 255.0 - 0.5);
    }

    /** ITU-R BT.601 luma, as used for grey-scale networks everywhere in the engine. */
    public static double grey(double r, double g, double b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    /**
     * Rows [y0, y0+rows) of the image as network input ({@link #normalise}), NHWC layout {@code [rows][width][channels]}, the values
     * the network was trained on. Rows outside the image are not allowed (callers scan only where windows fit).
     */
    public static float[] rowsAsFloats(BufferedImage image, int y0, int rows, int channels) {
        return rowsAsFloats(image, y0, rows, channels, 0, image.getWidth());
    }

    /** As {@link #rowsAsFloats(BufferedImage, int, int, int)} for columns [x0, x0+w). */
    public static float[] rowsAsFloats(BufferedImage image, int y0, int rows, int channels, int x0, int w) {
        return rowsAsFloats(image, y0, rows, channels, x0, w, new float[rows * w * channels]);
    }

    /** As {@link #rowsAsFloats(BufferedImage, int, int, int, int, int)} into {@code out} (at least rows*w*channels long, reused by scanners). */
    public static float[] rowsAsFloats(BufferedImage image, int y0, int rows, int channels, int x0, int w, float[] out) {
        int[] line = new int[w];
        for (int r = 0; r < rows; r++) {
            image.getRGB(x0, y0 + r, w, 1, line, 0, w);
            int o = r * w * channels;
            for (int x = 0; x < w; x++) {
                int rgb = line[x];
                int red = (rgb >> 16) & 0xff;
                int green = (rgb >> 8) & 0xff;
                int blue = rgb & 0xff;
                if (channels == 3) {
                    out[o++] = normalise(red);
                    out[o++] = normalise(green);
                    out[o++] = normalise(blue);
                } else {
                    out[o++] = normalise(Math.round(grey(red, green, blue)));
                }
            }
        }
        return out;
    }
}
