package org.phenoloc.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.NetworkFactory;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.engine.synthetic.SyntheticRootImage;

/** Few held-out images: the training images join the calibration unless the network scores clearly higher on them. */
class FinalCalibrationTest {
    private static final Architecture ARCH = Architecture.paperRoot(3).scaled(0.125);

    @Test
    void trainingImagesJoinOnlyAFewHeldOutImagesAndOnlyWithoutOverfitting() {
        assertTrue(FinalCalibration.pool(2, 8, 0.60, 0.62), "2 held out, training F1 within the margin");
        assertTrue(FinalCalibration.pool(4, 16, 0.60, 0.50), "training images scoring lower are no sign of overfitting");
        assertFalse(FinalCalibration.pool(2, 8, 0.60, 0.60 + FinalCalibration.OVERFIT_MARGIN + 0.01), "overfitted");
        assertFalse(FinalCalibration.pool(FinalCalibration.MIN_HELD_OUT, 20, 0.6, 0.6), "enough held-out images");
        assertFalse(FinalCalibration.pool(0, 8, 0.6, 0.6), "nothing held out: the training images already calibrate");
        assertFalse(FinalCalibration.pool(2, 0, 0.6, 0.6), "no training images to add");
        assertTrue(FinalCalibration.pool(2, 8, 0.60, Double.NaN), "NaN is not a clear lead");
    }

    @Test
    void imagesConcatenateWithTheirTruthAtOneScale() {
        SyntheticRootImage a = root(1);
        SyntheticRootImage b = root(2);
        Calibration.Images x = new Calibration.Images(List.of(a.image()), List.of(a.features()), 1.0);
        Calibration.Images y = new Calibration.Images(List.of(b.image()), List.of(b.features()), 1.0);
        Calibration.Images xy = x.plus(y);
        assertEquals(2, xy.size());
        assertEquals(List.of(a.image(), b.image()), xy.scanned());
        assertEquals(List.of(a.features(), b.features()), xy.truth());
        assertTrue(Calibration.Images.none(1.0).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> x.plus(Calibration.Images.none(0.5)));
    }

    @Test
    void poolsTheTrainingImagesWithTooFewHeldOutOnesAndStoresWhichWereUsed() {
        MultiLayerNetwork net = untrained();
        SyntheticRootImage v = root(3);
        Calibration.Images one = new Calibration.Images(List.of(v.image()), List.of(v.features()), 1.0);
        // the same image as "training" image: equal F1, so no sign of overfitting, and the pooled truth is twice one's
        FinalCalibration pooled = FinalCalibration.run(net, ARCH, List.of("root_tip"), one, one, 16,
                new double[] {8, 16}, Progress.NONE);
        assertTrue(pooled.calibratedOn().startsWith("held-out and training images"), pooled.calibratedOn());
        assertTrue(pooled.note().contains("calibrating on both") && pooled.note().contains("flip averaging"), pooled.note());
        var s = pooled.calibration().scores().get("root_tip");
        assertEquals(2 * v.features().size(), s.truePositives() + s.falseNegatives());
        assertEquals(2, s.images());

        Calibration.Images five = new Calibration.Images(Collections.nCopies(5, v.image()),
                Collections.nCopies(5, v.features()), 1.0);
        FinalCalibration enough = FinalCalibration.run(net, ARCH, List.of("root_tip"), five, one, 16,
                new double[] {16}, Progress.NONE);
        assertEquals("held-out images", enough.calibratedOn());
        assertEquals(5, enough.calibration().scores().get("root_tip").images());
    }

    private static SyntheticRootImage root(long seed) {
        return RootSystemGenerator.generate(new RootSystemConfig(160, 160, 1, 1, 0.3, 0.2, seed));
    }

    /** An untrained classifier that favours the tip class, so every image has peaks to calibrate on. */
    private static MultiLayerNetwork untrained() {
        MultiLayerNetwork clf = NetworkFactory.build(ARCH,
                new MapSchedule(ScheduleType.ITERATION, java.util.Map.of(0, 0.0)), 0, 0, 1);
        clf.getLayer(clf.getnLayers() - 1).getParam("b").putScalar(0, 3.0);
        return clf;
    }
}
