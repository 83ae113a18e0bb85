package org.phenoloc.engine.patches;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.phenoloc.engine.network.NetworkFactory;
import org.phenoloc.engine.training.TrainerTest;

class InputStandardiserTest {
    @Test
    void foldedNetworkOnPlainInputEqualsNetworkOnStandardisedInput() {
        List<Patch> patches = TrainerTest.patches(40, 9);
        InputStandardiser s = InputStandardiser.of(patches);
        assertTrue(s.std()[0] > 0.05 && Math.abs(s.mean()[0]) < 0.5);
        var net = NetworkFactory.build(TrainerTest.ARCH, new StepSchedule(ScheduleType.EPOCH, 0.1, 0.1, 1), 0.9, 0, 1);
        float[][] before = PatchClassifier.probabilities(net, 32, 2, patches, s);
        s.foldInto(net);
        float[][] after = PatchClassifier.probabilities(net, 32, 2, patches);
        double max = 0;
        for (int i = 0; i < before.length; i++) {
            for (int k = 0; k < 2; k++) {
                max = Math.max(max, Math.abs(before[i][k] - after[i][k]));
            }
        }
        assertTrue(max < 1e-4, "max difference " + max);
    }
}
