package org.phenoloc.engine.localisation;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.stream.IntStream;

/**
 * Area-averaged down-scaling: every output pixel is the mean of the input pixels it covers, each weighted by the
 * fraction of it that is covered. The same arithmetic, in the same float order, as AWT's {@code SCALE_AREA_AVERAGING}
 * for opaque images, which earlier models were trained with, so the pixels are identical (tested); done here in one
 * pass over the rows instead of pushing every pixel through AWT's image-producer chain (several times slower).
 */
public final class ImageScaling {
    private ImageScaling() {}

    /**
     * The image scaled by {@code factor} in (0, 1], size rounded to whole pixels: a new TYPE_INT_RGB image, or
     * {@code src} itself for a factor of 1 (models at their images' own scale).
     */
    public static BufferedImage scale(BufferedImage src, double factor) {
        if (factor == 1.0) {
            return src;
        }
        int w = Math.max(1, (int) Math.round(src.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(src.getHeight() * factor));
        return scaleTo(src, w, h);
    }

    /** The image area-averaged to {@code w} x {@code h} pixels, no larger than the source in either direction. */
    public static BufferedImage scaleTo(BufferedImage src, int w, int h) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        if (w < 1 || h < 1 || w > sw || h > sh) {
            throw new IllegalArgumentException("can only shrink a " + sw + "x" + sh + " image, not to " + w + "x" + h);
        }
        Spans cols = new Spans(sw, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        // output rows are independent: bands of them in parallel give the same pixels
        int bands = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), h / 64));
        IntStream.range(0, bands).parallel().forEach(b -> scaleRows(src, cols, w, h, h * b / bands, h * (b + 1) / bands, dst));
        return out;
    }

    /**
     * Output rows [oy0, oy1). Input row sy covers [sy*h, (sy+1)*h) and output row oy covers [oy*sh, (oy+1)*sh), so
     * each input row adds to one or two output rows with the length of its overlap as weight.
     */
    private static void scaleRows(BufferedImage src, Spans cols, int w, int h, int oy0, int oy1, int[] dst) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        int[] row = new int[sw];
        float[] acc = new float[3 * w];
        boolean packed = src.getType() == BufferedImage.TYPE_INT_RGB;
        int oy = oy0;
        long outEnd = (long) (oy0 + 1) * sh;
        for (int sy = (int) ((long) oy0 * sh / h); oy < oy1; sy++) {
            if (packed) {
                src.getRaster().getDataElements(0, sy, sw, 1, row);
            } else {
                src.getRGB(0, sy, sw, 1, row, 0, sw);
            }
            long from = Math.max((long) sy * h, (long) oy0 * sh);
            long to = (long) (sy + 1) * h;
            while (from < to && oy < oy1) {
                int part = (int) (Math.min(to, outEnd) - from);
                cols.accumulate(row, part, acc);
                from += part;
                if (from == outEnd) {
                    emit(acc, (float) sw * sh, dst, oy * w);
                    java.util.Arrays.fill(acc, 0f);
                    oy++;
                    outEnd += sh;
                }
            }
        }
    }

    private static void emit(float[] acc, float total, int[] dst, int offset) {
        for (int x = 0; x < acc.length / 3; x++) {
            int r = channel(acc[3 * x] / total);
            int g = channel(acc[3 * x + 1] / total);
            int b = channel(acc[3 * x + 2] / total);
            dst[offset + x] = (r << 16) | (g << 8) | b;
        }
    }

    private static int channel(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    /**
     * Horizontal weights: output column ox covers [ox*sw, (ox+1)*sw) and input column sx covers [sx*w, (sx+1)*w);
     * each input column adds to at most two output columns, with the length of its overlap as weight.
     */
    private static final class Spans {
        private final int[] first;   // the output column each input column starts in
        private final int[] weightA; // its overlap with that column
        private final int[] weightB; // its overlap with the next one (0 when it lies in one column)

        Spans(int sw, int w) {
            first = new int[sw];
            weightA = new int[sw];
            weightB = new int[sw];
            for (int sx = 0; sx < sw; sx++) {
                long from = (long) sx * w;
                long to = from + w;
                int ox = (int) (from / sw);
                long end = (long) (ox + 1) * sw;
                first[sx] = ox;
                weightA[sx] = (int) (Math.min(to, end) - from);
                weightB[sx] = (int) Math.max(0, to - end);
            }
        }

        /**
         * Adds one input row (packed RGB) with vertical weight {@code part} to the output row's channel sums (r, g, b
         * interleaved). Float products and sums in AWT's order (input columns left to right), so the result is
         * AWT's to the bit.
         */
        void accumulate(int[] row, int part, float[] acc) {
            float vertical = part;
            for (int sx = 0; sx < row.length; sx++) {
                int p = row[sx];
                float r = (p >> 16) & 0xff;
                float g = (p >> 8) & 0xff;
                float b = p & 0xff;
                int k = 3 * first[sx];
                float m = weightA[sx] * vertical;
                acc[k] += m * r;
                acc[k + 1] += m * g;
                acc[k + 2] += m * b;
                if (weightB[sx] != 0) {
                    float n = weightB[sx] * vertical;
                    acc[k + 3] += n * r;
                    acc[k + 4] += n * g;
                    acc[k + 5] += n * b;
                }
            }
        }
    }
}
