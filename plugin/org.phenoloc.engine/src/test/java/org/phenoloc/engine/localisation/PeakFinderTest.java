package org.phenoloc.engine.localisation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PeakFinderTest {
    @Test
    void findsOnePeakPerBlobAtItsCentre() {
        ProbabilityGrid g = ProbabilityGrid.empty(20, 30, 4, 16, 2);
        // blob A centred on cell (5, 5), symmetric -> exactly the cell centre; blob B on (12, 20)
        blob(g, 5, 5, 0.999f, 0.995f);
        blob(g, 12, 20, 0.998f, 0.992f);
        List<Detection> d = PeakFinder.find(g, 0, "root_tip", 0.99, 16, 1.0);
        assertEquals(2, d.size());
        assertEquals(16 + 5 * 4, d.get(0).x(), 1e-6);
        assertEquals(16 + 5 * 4, d.get(0).y(), 1e-6);
        assertEquals(0.999, d.get(0).score(), 1e-6);
        assertEquals(16 + 20 * 4, d.get(1).x(), 1e-6);
        assertEquals(16 + 12 * 4, d.get(1).y(), 1e-6);
        // an image scale of 0.5 maps back to original pixels
        assertEquals(2 * (16 + 5 * 4), PeakFinder.find(g, 0, "t", 0.99, 16, 0.5).get(0).x(), 1e-6);
        // a threshold above both peaks finds nothing
        assertEquals(0, PeakFinder.find(g, 0, "t", 0.9995, 16, 1.0).size());
    }

    @Test
    void suppressesWeakerPeaksWithinTheRadius() {
        ProbabilityGrid g = ProbabilityGrid.empty(10, 10, 4, 16, 2);
        g.set(4, 4, 0, 0.999f);
        g.set(4, 7, 0, 0.995f); // 12 px away
        assertEquals(1, PeakFinder.find(g, 0, "t", 0.99, 16, 1.0).size());
        assertEquals(2, PeakFinder.find(g, 0, "t", 0.99, 8, 1.0).size());
    }

    private static void blob(ProbabilityGrid g, int i, int j, float peak, float ring) {
        for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
                g.set(i + di, j + dj, 0, di == 0 && dj == 0 ? peak : ring);
            }
        }
    }
}
