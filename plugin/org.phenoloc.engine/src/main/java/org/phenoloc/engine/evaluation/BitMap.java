package org.phenoloc.engine.evaluation;

import java.util.BitSet;
import org.phenoloc.engine.annotations.Point;

/** A width x height binary image (e.g. a thresholded detection map), one bit per pixel, row-major. */
public final class BitMap {
    private final int width;
    private final int height;
    private final BitSet bits;

    public BitMap(int width, int height) {
        if (width < 0 || height < 0 || (long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad bit map size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.bits = new BitSet(width * height);
    }

    /** From row-major pixels ({@code pixels[y * width + x]}). */
    public static BitMap of(boolean[] pixels, int width, int height) {
        checkLength(pixels.length, width, height);
        BitMap map = new BitMap(width, height);
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i]) {
                map.bits.set(i);
            }
        }
        return map;
    }

    /** Marks the pixels whose value is at or above {@code threshold} (the paper thresholds at 0.99). */
    public static BitMap threshold(float[] values, int width, int height, double threshold) {
        checkLength(values.length, width, height);
        BitMap map = new BitMap(width, height);
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= threshold) {
                map.bits.set(i);
            }
        }
        return map;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean get(int x, int y) {
        return bits.get(index(x, y));
    }

    public void set(int x, int y, boolean value) {
        bits.set(index(x, y), value);
    }

    /** Number of marked pixels. */
    public long count() {
        return bits.cardinality();
    }

    /** Number of pixels marked here but not in {@code other} (same size). */
    public long countAndNot(BitMap other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("bit map sizes differ: " + width + "x" + height + " vs "
                    + other.width + "x" + other.height);
        }
        BitSet rest = (BitSet) bits.clone();
        rest.andNot(other.bits);
        return rest.cardinality();
    }

    /**
     * Marks every pixel whose centre ({@code x + 0.5, y + 0.5}) lies within {@code radius} of {@code centre}
     * (inclusive), clipped to the map: one row span per pixel row, so large disks cost little.
     */
    public void fillDisk(Point centre, double radius) {
        double cx = centre.x();
        double cy = centre.y();
        int y0 = Math.max(0, (int) Math.ceil(cy - radius - 0.5));
        int y1 = (int) Math.min(height - 1, Math.floor(cy + radius - 0.5));
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            double half = Math.sqrt(radius * radius - dy * dy);
            int x0 = (int) Math.max(0, Math.ceil(cx - half - 0.5));
            int x1 = (int) Math.min(width - 1, Math.floor(cx + half - 0.5));
            if (x0 <= x1) {
                bits.set(y * width + x0, y * width + x1 + 1);
            }
        }
    }

    private int index(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return y * width + x;
    }

    private static void checkLength(int length, int width, int height) {
        if ((long) width * height != length) {
            throw new IllegalArgumentException(length + " pixels for a " + width + "x" + height + " map");
        }
    }
}
