package org.phenoloc.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.struct.image.GrayU8;

class SkeletonTest {
    /** A 140 px trunk (y = 50, x = 20..159) with a 10 px spur up from x = 50 and a 30 px branch down from x = 90. */
    private static GrayU8 trunkSpurAndBranch(int halfWidth) {
        GrayU8 g = new GrayU8(180, 100);
        line(g, 20, 50, 159, 50, halfWidth);
        line(g, 50, 49, 50, 40, halfWidth);
        line(g, 90, 51, 90, 80, halfWidth);
        return g;
    }

    @Test
    void prunesTheSpurShorterThanTheLimitAndKeepsTheLongerBranch() {
        Skeleton s = new Skeleton(trunkSpurAndBranch(0));
        assertEquals(Set.of("20,50", "159,50", "50,40", "90,80"), ends(s));
        assertEquals(1, s.pruneSpurs(16));
        assertEquals(Set.of("20,50", "159,50", "90,80"), ends(s));
        assertFalse(s.isOn(50, 45), "spur pixels are gone");
        assertTrue(s.isOn(50, 50), "the junction stays: the trunk is unbroken");
        // the branch is 30 px long: a 32 px limit prunes it too
        assertEquals(1, s.pruneSpurs(32));
        assertEquals(Set.of("20,50", "159,50"), ends(s));
    }

    @Test
    void branchLengthIsMeasuredAlongTheSkeletonToTheJunction() {
        Skeleton s = new Skeleton(trunkSpurAndBranch(0));
        List<Integer> sizes = new ArrayList<>();
        int[] components = s.components(sizes);
        assertEquals(1, sizes.size());
        Skeleton.End branch = s.ends(components).stream().filter(e -> e.x() == 90).findFirst().orElseThrow();
        assertEquals(30, branch.branchLength(), 1.01);
        assertTrue(branch.reachesJunction());
    }

    @Test
    void thinnedThickDrawingKeepsTheBranchAndLosesTheSpur() {
        GrayU8 thick = trunkSpurAndBranch(2); // 5 px wide strokes
        GrayU8 thin = BinaryImageOps.thin(thick, -1, null);
        Skeleton s = new Skeleton(thin);
        s.pruneSpurs(16);
        Set<String> ends = ends(s);
        assertEquals(3, ends.size(), ends.toString());
        assertTrue(ends.stream().anyMatch(e -> near(e, 90, 80, 4)), "branch tip kept: " + ends);
        assertFalse(ends.stream().anyMatch(e -> near(e, 50, 40, 6)), "spur tip pruned: " + ends);
    }

    @Test
    void isolatedPiecesShorterThanTheLimitGo() {
        GrayU8 g = new GrayU8(60, 60);
        line(g, 10, 10, 19, 10, 0); // 10 px speck
        line(g, 10, 30, 49, 30, 0); // 40 px piece
        Skeleton s = new Skeleton(g);
        s.pruneSpurs(16);
        assertEquals(Set.of("10,30", "49,30"), ends(s));
    }

    private static Set<String> ends(Skeleton s) {
        List<Integer> sizes = new ArrayList<>();
        return s.ends(s.components(sizes)).stream().map(e -> e.x() + "," + e.y()).collect(Collectors.toSet());
    }

    private static boolean near(String xy, int x, int y, int d) {
        String[] p = xy.split(",");
        return Math.hypot(Integer.parseInt(p[0]) - x, Integer.parseInt(p[1]) - y) <= d;
    }

    private static void line(GrayU8 g, int x0, int y0, int x1, int y1, int halfWidth) {
        for (int x = Math.min(x0, x1); x <= Math.max(x0, x1); x++) {
            for (int y = Math.min(y0, y1); y <= Math.max(y0, y1); y++) {
                for (int dy = -halfWidth; dy <= halfWidth; dy++) {
                    for (int dx = -halfWidth; dx <= halfWidth; dx++) {
                        g.set(x + dx, y + dy, 1);
                    }
                }
            }
        }
    }
}
