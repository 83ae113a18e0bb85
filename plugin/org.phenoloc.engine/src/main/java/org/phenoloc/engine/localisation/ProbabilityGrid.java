package org.phenoloc.engine.localisation;

/**
 * Class probabilities of every scanned window. Window (row i, col j) has its top-left corner at
 * {@code (j*stride, i*stride)} and its centre at {@code (offset + j*stride, offset + i*stride)} in the scanned
 * image's pixels (offset = half the window), so no window is centred in the outer {@code offset} pixels.
 */
public record ProbabilityGrid(int rows, int cols, int stride, int offset, int classes, float[] data) {

    public ProbabilityGrid {
        if (data.length != rows * cols * classes) {
            throw new IllegalArgumentException("data length " + data.length + " != " + rows + "*" + cols + "*" + classes);
        }
    }

    public static ProbabilityGrid empty(int rows, int cols, int stride, int offset, int classes) {
        return new ProbabilityGrid(rows, cols, stride, offset, classes, new float[rows * cols * classes]);
    }

    public float get(int row, int col, int cls) {
        return data[(row * cols + col) * classes + cls];
    }

    public void set(int row, int col, int cls, float p) {
        data[(row * cols + col) * classes + cls] = p;
    }

    /** Largest absolute difference to another grid of the same shape. */
    public double maxAbsDifference(ProbabilityGrid o) {
        if (o.rows != rows || o.cols != cols || o.classes != classes) {
            throw new IllegalArgumentException("grids differ in shape: " + rows + "x" + cols + " vs " + o.rows + "x" + o.cols);
        }
        double max = 0;
        for (int i = 0; i < data.length; i++) {
            max = Math.max(max, Math.abs(data[i] - o.data[i]));
        }
        return max;
    }

    /**
     * The probability that scanned-image pixel (x, y) shows class cls: the grid upscaled by nearest neighbour back
     * to image resolution; 0 outside the scanned area (the border).
     */
    public float atPixel(int x, int y, int cls) {
        int j = colAt(x);
        int i = rowAt(y);
        return i < 0 || j < 0 ? 0f : get(i, j, cls);
    }

    /** The grid row whose windows' centres are nearest to scanned-image row y, or -1 in the border (see atPixel). */
    public int rowAt(int y) {
        return nearest(y, rows);
    }

    /** The grid column nearest to scanned-image column x, or -1 in the border (see atPixel). */
    public int colAt(int x) {
        return nearest(x, cols);
    }

    private int nearest(int pixel, int cells) {
        int k = Math.round((pixel - offset) / (float) stride);
        return k < 0 || k >= cells || Math.abs(pixel - (offset + k * stride)) * 2 > stride ? -1 : k;
    }
}
