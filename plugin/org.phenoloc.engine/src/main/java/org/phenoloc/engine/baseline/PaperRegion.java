package org.phenoloc.engine.baseline;

import boofcv.struct.image.GrayF32;

/**
 * Where the blue germination paper is: each row's and each column's span of paper pixels. A pixel is on the paper
 * when it lies inside both its row's span and its column's span, so roots lying on the paper are inside although
 * they are not blue, while the frame, the pouch edges and the dark strip above the paper are outside.
 *
 * <p>Paper pixels are those whose blueness (blue minus the larger of red and green) exceeds Otsu's threshold
 * over the whole image; a row or column needs {@link #MIN_RUN} of them to have a span (single blue specks on the
 * frame do not count). Images without a clear blue background (Otsu finds nothing) are taken as all paper.
 */
final class PaperRegion {
    /** A row or column needs this share of its length to be paper before it has a span. */
    static final double MIN_RUN = 0.05;
    /** A point is on the paper only if at least this share of the pixels around it are blue (roots are thin). */
    static final double MIN_BLUE_AROUND = 0.3;
    /** Half side of the square in which {@link #MIN_BLUE_AROUND} is checked, at least. */
    static final int MIN_AROUND = 8;

    private final int width;
    private final int height;
    private final int[] rowMin;
    private final int[] rowMax;
    private final int[] colMin;
    private final int[] colMax;
    /** 1 where the pixel is blue, null when the whole image counts as paper. */
    private final byte[] blue;

    private PaperRegion(int width, int height, int[] rowMin, int[] rowMax, int[] colMin, int[] colMax,
            byte[] blue) {
        this.width = width;
        this.height = height;
        this.rowMin = rowMin;
        this.rowMax = rowMax;
        this.colMin = colMin;
        this.colMax = colMax;
        this.blue = blue;
    }

    /** The whole image is paper. */
    static PaperRegion whole(int width, int height) {
        int[] rowMin = new int[height];
        int[] rowMax = filled(height, width - 1);
        int[] colMin = new int[width];
        int[] colMax = filled(width, height - 1);
        return new PaperRegion(width, height, rowMin, rowMax, colMin, colMax, null);
    }

    /** Finds the paper from a blueness image (blue minus max(red, green), -255..255). */
    static PaperRegion find(GrayF32 blueness) {
        int w = blueness.width;
        int h = blueness.height;
        double t = Thresholds.otsu(blueness, null);
        int[] rowCount = new int[h];
        int[] colCount = new int[w];
        byte[] blue = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (blueness.data[y * w + x] > t) {
                    blue[y * w + x] = 1;
                    rowCount[y]++;
                    colCount[x]++;
                }
            }
        }
        int[] rowMin = filled(h, Integer.MAX_VALUE);
        int[] rowMax = filled(h, Integer.MIN_VALUE);
        int[] colMin = filled(w, Integer.MAX_VALUE);
        int[] colMax = filled(w, Integer.MIN_VALUE);
        int minRow = (int) Math.ceil(MIN_RUN * w);
        int minCol = (int) Math.ceil(MIN_RUN * h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (blueness.data[y * w + x] > t && rowCount[y] >= minRow && colCount[x] >= minCol) {
                    rowMin[y] = Math.min(rowMin[y], x);
                    rowMax[y] = Math.max(rowMax[y], x);
                    colMin[x] = Math.min(colMin[x], y);
                    colMax[x] = Math.max(colMax[x], y);
                }
            }
        }
        PaperRegion r = new PaperRegion(w, h, rowMin, rowMax, colMin, colMax, blue);
        return r.area() < 0.1 * w * h ? whole(w, h) : r;
    }

    /** Whether (x, y) is on the paper at least {@code margin} pixels from its edge along its row and column. */
    boolean contains(int x, int y, int margin) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return false;
        }
        return x >= rowMin[y] + margin && x <= rowMax[y] - margin && y >= colMin[x] + margin
                && y <= colMax[x] - margin;
    }

    /**
     * Whether (x, y) is well inside the paper: {@link #contains} with the margin, and at least
     * {@link #MIN_BLUE_AROUND} of the square of half side max(margin, {@link #MIN_AROUND}) around it is blue (so
     * bright clutter on the frame or the pouch's edge, inside the spans, is not).
     */
    boolean containsWell(int x, int y, int margin) {
        if (!contains(x, y, margin)) {
            return false;
        }
        if (blue == null) {
            return true;
        }
        int r = Math.max(margin, MIN_AROUND);
        int n = 0;
        int inside = 0;
        for (int yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
            for (int xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) {
                n++;
                inside += blue[yy * width + xx];
            }
        }
        return inside >= MIN_BLUE_AROUND * n;
    }

    /** Number of paper pixels. */
    long area() {
        long n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = Math.max(0, rowMin[y]); x <= Math.min(width - 1, rowMax[y]); x++) {
                if (y >= colMin[x] && y <= colMax[x]) {
                    n++;
                }
            }
        }
        return n;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
