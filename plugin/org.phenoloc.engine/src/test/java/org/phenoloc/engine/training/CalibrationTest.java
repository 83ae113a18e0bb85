package org.phenoloc.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.localisation.ProbabilityGrid;

/** The calibrated threshold is the one that maximises F1 on the validation points. */
class CalibrationTest {

    @Test
    void picksTheThresholdBetweenTrueAndFalsePeaks() {
        // a 40x40 grid at stride 4 (offset 16): three true tips scoring 0.95, two false peaks at 0.8, one weak tip 0.5
        ProbabilityGrid g = ProbabilityGrid.empty(40, 40, 4, 16, 2);
        double[][] truePeaks = {{5, 5, 0.95}, {20, 10, 0.95}, {30, 30, 0.95}, {35, 5, 0.5}};
        double[][] falsePeaks = {{10, 25, 0.8}, {25, 35, 0.8}};
        List<Feature> truth = new java.util.ArrayList<>();
        for (double[] p : truePeaks) {
            g.set((int) p[0], (int) p[1], 0, (float) p[2]);
            truth.add(new Feature("root_tip", 16 + 4 * p[1], 16 + 4 * p[0]));
        }
        for (double[] p : falsePeaks) {
            g.set((int) p[0], (int) p[1], 0, (float) p[2]);
        }
        Calibration.Images val = new Calibration.Images(List.of(), List.of(truth), 1.0);
        Calibration c = Calibration.fromGrids(List.of(g), val, List.of("root_tip"), 16, new double[] {8, 16}, false);
        double t = c.thresholds().get("root_tip");
        assertTrue(t > 0.8 && t <= 0.95, "threshold " + t);
        assertEquals(3, c.scores().get("root_tip").truePositives());
        assertEquals(0, c.scores().get("root_tip").falsePositives());
        assertEquals(6.0 / 7, c.meanF1(), 1e-9);
    }

    @Test
    void classesWithoutValidationPointsAreNotCalibrated() {
        ProbabilityGrid g = ProbabilityGrid.empty(10, 10, 4, 16, 3);
        g.set(3, 3, 1, 0.9f);
        Calibration.Images val = new Calibration.Images(List.of(), List.of(List.of(new Feature("b", 28, 28))), 1.0);
        Calibration c = Calibration.fromGrids(List.of(g), val, List.of("a", "b"), 16, new double[] {16}, false);
        assertEquals(List.of("b"), List.copyOf(c.thresholds().keySet()));
        assertEquals(1.0, c.meanF1(), 1e-9);
    }

    @Test
    void aClassNeverFoundGetsTheHighestThresholdNotTheLowest() {
        ProbabilityGrid g = ProbabilityGrid.empty(10, 10, 4, 16, 2);
        g.set(8, 8, 0, 0.6f); // a false peak far from the only true point
        Calibration.Images val = new Calibration.Images(List.of(), List.of(List.of(new Feature("a", 16, 16))), 1.0);
        Calibration c = Calibration.fromGrids(List.of(g), val, List.of("a"), 16, new double[] {16}, false);
        assertEquals(0.0, c.meanF1(), 1e-12);
        double[] t = Calibration.candidates();
        assertEquals(t[t.length - 1], c.thresholds().get("a"), 1e-12);
    }

    @Test
    void candidateThresholdsAreIncreasingAndBounded() {
        double[] t = Calibration.candidates();
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i] > t[i - 1]);
        }
        assertEquals(Calibration.LOWEST, t[0], 1e-4);
        assertTrue(t[t.length - 1] < 1);
    }
}
