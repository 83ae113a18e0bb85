package org.phenoloc.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class FlopCountTest {
    @Test
    void rootNetAtStride4CountsEveryLayerAtItsResolution() {
        // 3x3 convs: 2*9*in*out per position; 1, 1/4, 1/16 positions per pixel after 0, 1, 2 pools; fc at 1/16
        double expected = 2 * 9 * (3 * 64 + 64 * 64) + 2 * 9 * (64 * 128 + 128 * 128) / 4.0
                + 2 * 9 * (128 * 256 + 256 * 256) / 16.0 + 2 * (256 * 128 + 128 * 64 + 64 * 2) / 16.0;
        assertEquals(expected, FlopCount.perPixel(Architecture.paperRoot(3), 4), 1e-9);
        assertEquals(303.504, FlopCount.gflopPerMegapixel(Architecture.paperRoot(3), 4), 1e-9);
        // coarser strides subsample the same pass
        assertEquals(expected, FlopCount.perPixel(Architecture.paperRoot(3), 8), 1e-9);
    }

    @Test
    void finerStridesCountTheATrousPassAndShiftedPasses() {
        Architecture tiny = new Architecture(4, 1, List.of("c2", "p"), List.of(3), 2, 0, false);
        double conv = 2 * 9 * 1 * 2;
        // stride 2 = native: pool quarters the positions for the fc layers
        assertEquals(conv + 2 * (2 * 3 + 3 * 2) / 4.0, FlopCount.perPixel(tiny, 2), 1e-12);
        // stride 1: a-trous, the pool runs at stride 1 so the fc layers see every position
        assertEquals(conv + 2 * (2 * 3 + 3 * 2), FlopCount.perPixel(tiny, 1), 1e-12);
        Architecture twoPools = new Architecture(10, 1, List.of("c2", "p", "c2", "p"), List.of(), 2, 0, false);
        // stride 1 with native stride 4: a-trous pass at stride 2, stitched 2x2 times
        double pass = 2 * 9 * 2 + 2 * 9 * 4 / 4.0 + 2 * 2 * 2 / 4.0;
        assertEquals(4 * pass, FlopCount.perPixel(twoPools, 1), 1e-12);
    }
}
