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

    @Test
    void peaksAtAThresholdAreTheLowThresholdPeaksScoringAtLeastAsMuch() {
        // a strong peak with a weaker shoulder: the shoulder pulls the refined position whatever the threshold
        ProbabilityGrid g = ProbabilityGrid.empty(12, 12, 4, 16, 2);
        g.set(5, 5, 0, 0.99f);
        g.set(5, 6, 0, 0.5f);
        g.set(5, 9, 0, 0.97f); // 16 px from the first: suppressed at radius 20 only once the first is kept
        g.set(1, 1, 0, 0.4f);
        g.set(10, 10, 0, 0.2f); // below the refinement floor: still a peak at a threshold of 0.1
        for (double radius : new double[] {8, 20}) {
            List<Detection> low = PeakFinder.find(g, 0, "t", 0.1, radius, 0.75);
            for (double t : new double[] {0.15, 0.3, 0.45, 0.6, 0.98}) {
                List<Detection> high = PeakFinder.find(g, 0, "t", t, radius, 0.75);
                assertEquals(low.stream().filter(d -> d.score() >= t).toList(), high, "threshold " + t + ", radius " + radius);
            }
        }
        Detection top = PeakFinder.find(g, 0, "t", 0.98, 8, 1.0).get(0);
        assertEquals(16 + 4 * (5 + 0.5 / 1.49), top.x(), 1e-4, "the 0.5 shoulder counts at threshold 0.98 too");
        assertEquals(16 + 40, PeakFinder.find(g, 0, "t", 0.1, 8, 1.0).stream().filter(d -> d.score() < 0.3).findFirst()
            .orElseThrow().x(), 1e-6, "a peak below the floor sits on its own cell");
    }

    private static void blob(ProbabilityGrid g, int i, int j, float peak, float ring) {
        for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
                g.set(i + di, j + dj, 0, di == 0 && dj == 0 ? peak : ring);
            }
        }
    }
}
