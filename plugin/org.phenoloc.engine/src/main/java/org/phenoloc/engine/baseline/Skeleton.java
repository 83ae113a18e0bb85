package org.phenoloc.engine.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import boofcv.struct.image.GrayU8;

/**
 * A one-pixel-wide, 8-connected skeleton (as BoofCV's thinning leaves it) with the graph operations the baseline
 * needs. A pixel's <em>crossing number</em> is the number of background-to-skeleton transitions going once round
 * its eight neighbours: 1 at an end point, 2 along a line, 3 or more at a junction. A <em>branch</em> runs from an
 * end point along line pixels up to the first junction pixel (or to the other end of an isolated piece).
 */
final class Skeleton {
    private static final int[] DX = {0, 1, 1, 1, 0, -1, -1, -1}; // N, NE, E, SE, S, SW, W, NW: round the circle
    private static final int[] DY = {-1, -1, 0, 1, 1, 1, 0, -1};

    /** Steps back along the branch to the point that gives an end's direction. */
    static final int DIRECTION_STEPS = 6;

    /**
     * An end point with its branch: the length along the skeleton to the junction or the far end, px, and the
     * branch pixel {@link #DIRECTION_STEPS} back from the end (or the branch's last), which gives the direction the
     * root grows in at its end.
     */
    record End(int x, int y, int component, double branchLength, boolean reachesJunction, int backX, int backY) {}

    /** The pixels of one branch, from its end point on, and where it stopped. */
    private record Branch(int[] pixels, int count, double length, boolean reachesJunction) {}

    private final int width;
    private final int height;
    private final byte[] on;
    /** {@code visited[i] == stamp} marks the pixels of the branch being traced; a new stamp per trace. */
    private final int[] visited;
    private int stamp;

    /** Copies the skeleton pixels of {@code image} (non-zero = skeleton); the image border is cleared. */
    Skeleton(GrayU8 image) {
        width = image.width;
        height = image.height;
        on = new byte[width * height];
        visited = new int[width * height];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                on[y * width + x] = image.get(x, y) != 0 ? (byte) 1 : 0;
            }
        }
    }

    boolean isOn(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && on[y * width + x] != 0;
    }

    /** Number of skeleton pixels. */
    int size() {
        int n = 0;
        for (byte b : on) {
            n += b;
        }
        return n;
    }

    /** Removes every skeleton pixel for which {@code keep} says no (by pixel index {@code y * width + x}). */
    void retain(java.util.function.IntPredicate keep) {
        for (int i = 0; i < on.length; i++) {
            if (on[i] != 0 && !keep.test(i)) {
                on[i] = 0;
            }
        }
    }

    int crossingNumber(int x, int y) {
        int transitions = 0;
        for (int k = 0; k < 8; k++) {
            boolean a = isOn(x + DX[k], y + DY[k]);
            boolean b = isOn(x + DX[(k + 1) % 8], y + DY[(k + 1) % 8]);
            if (!a && b) {
                transitions++;
            }
        }
        return transitions;
    }

    /**
     * Removes spurs: branches shorter than {@code minLength} that end at a junction, and isolated pieces shorter
     * than it; repeated until nothing changes, so a tuft of short branches on a short stem goes as a whole.
     *
     * @return the number of branches removed
     */
    int pruneSpurs(double minLength) {
        int removed = 0;
        for (int pass = 0; pass < 50; pass++) {
            int before = removed;
            for (int[] end : endPixels()) {
                if (!isOn(end[0], end[1])) {
                    continue; // its isolated piece went with its other end
                }
                Branch b = trace(end[0], end[1]);
                if (b.length() < minLength) {
                    for (int i = 0; i < b.count(); i++) {
                        on[b.pixels()[i]] = 0;
                    }
                    removed++;
                }
            }
            if (removed == before) {
                break;
            }
        }
        return removed;
    }

    /** The end points with their component label (8-connected pieces numbered from 0) and branch length. */
    List<End> ends(int[] componentOf) {
        List<End> ends = new ArrayList<>();
        for (int[] e : endPixels()) {
            Branch b = trace(e[0], e[1]);
            int back = b.pixels()[Math.min(b.count() - 1, DIRECTION_STEPS)];
            ends.add(new End(e[0], e[1], componentOf[e[1] * width + e[0]], b.length(), b.reachesJunction(),
                    back % width, back / width));
        }
        return ends;
    }

    /**
     * Labels the 8-connected pieces: returns for every pixel its piece (0, 1, ...; -1 off the skeleton); the
     * number of pixels of each piece is written to {@code sizes} (cleared first).
     */
    int[] components(List<Integer> sizes) {
        int[] label = new int[on.length];
        Arrays.fill(label, -1);
        int[] queue = new int[on.length];
        sizes.clear();
        for (int start = 0; start < on.length; start++) {
            if (on[start] == 0 || label[start] >= 0) {
                continue;
            }
            int id = sizes.size();
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = id;
            while (head < tail) {
                int p = queue[head++];
                int px = p % width;
                int py = p / width;
                for (int k = 0; k < 8; k++) {
                    int nx = px + DX[k];
                    int ny = py + DY[k];
                    if (isOn(nx, ny) && label[ny * width + nx] < 0) {
                        label[ny * width + nx] = id;
                        queue[tail++] = ny * width + nx;
                    }
                }
            }
            sizes.add(tail);
        }
        return label;
    }

    private List<int[]> endPixels() {
        List<int[]> ends = new ArrayList<>();
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                if (on[y * width + x] != 0 && crossingNumber(x, y) == 1) {
                    ends.add(new int[] {x, y});
                }
            }
        }
        return ends;
    }

    /**
     * Walks from an end point along the skeleton, stepping to neighbours not yet visited (4-neighbours first, so
     * a diagonal staircase is walked pixel by pixel), until a junction pixel (crossing number >= 3, not part of the
     * branch) or a dead end. Diagonal steps count sqrt(2).
     */
    private Branch trace(int x0, int y0) {
        int[] pixels = new int[16];
        int count = 0;
        double length = 0;
        int x = x0;
        int y = y0;
        stamp++;
        while (true) {
            if (count == pixels.length) {
                pixels = Arrays.copyOf(pixels, 2 * count);
            }
            pixels[count++] = y * width + x;
            visited[y * width + x] = stamp;
            int next = -1;
            boolean diagonal = false;
            for (int pass = 0; pass < 2 && next < 0; pass++) {
                for (int k = pass; k < 8; k += 2) { // pass 0: N, E, S, W; pass 1: the diagonals
                    int nx = x + DX[k];
                    int ny = y + DY[k];
                    int n = ny * width + nx;
                    if (isOn(nx, ny) && visited[n] != stamp) {
                        next = n;
                        diagonal = pass == 1;
                        break;
                    }
                }
            }
            if (next < 0) {
                return new Branch(pixels, count, length, false);
            }
            int nx = next % width;
            int ny = next / width;
            if (crossingNumber(nx, ny) >= 3) {
                return new Branch(pixels, count, length + (diagonal ? Math.sqrt(2) : 1), true);
            }
            length += diagonal ? Math.sqrt(2) : 1;
            x = nx;
            y = ny;
        }
    }
}
