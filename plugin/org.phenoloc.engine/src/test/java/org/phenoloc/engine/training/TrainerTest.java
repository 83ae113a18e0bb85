package org.phenoloc.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.patches.Patch;

public class TrainerTest {
    public static final Architecture ARCH = Architecture.paperRoot(3).scaled(0.125);

    /** Bright-centred patches vs dark ones: learnable in a few epochs. */
    public static List<Patch> patches(int n, long seed) {
        Random r = new Random(seed);
        List<Patch> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 3 == 0 ? 0 : 1;
            byte[] px = new byte[42 * 42 * 3];
            for (int y = 0; y < 42; y++) {
                for (int x = 0; x < 42; x++) {
                    boolean spot = label == 0 && Math.hypot(x - 21, y - 21) < 6;
                    int v = (spot ? 200 : 60) + r.nextInt(30);
                    for (int c = 0; c < 3; c++) {
                        px[(y * 42 + x) * 3 + c] = (byte) v;
                    }
                }
            }
            out.add(new Patch(px, 42, 3, label, "img" + (i % 4), 0, 0));
        }
        return out;
    }

    @Test
    void learnsASeparableProblemAndReportsProgress() {
        List<Patch> train = patches(192, 1);
        List<Patch> test = patches(60, 2);
        int[] batches = {0};
        TrainingConfig cfg = new TrainingConfig(8, 16, 0.01, 0, 0.9, 0, 0, true, 5);
        TrainingResult r = new Trainer(ARCH, cfg).train(train, test, new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batch, int of, double loss, double progress) {
                batches[0]++;
            }
        });
        assertEquals(8 * 12, batches[0]);
        assertEquals(8, r.history().size());
        assertTrue(r.bestTestAccuracy() > 0.95, "held-out accuracy " + r.bestTestAccuracy());
    }

    @Test
    void sameSeedSameWeights() {
        List<Patch> train = patches(48, 3);
        TrainingConfig cfg = new TrainingConfig(1, 16, 0.01, 0, 0.9, 0, 0, true, 11);
        var a = new Trainer(ARCH, cfg).train(train, List.of(), TrainingListener.NONE);
        var b = new Trainer(ARCH, cfg).train(train, List.of(), TrainingListener.NONE);
        assertArrayEquals(a.network().params().toFloatVector(), b.network().params().toFloatVector());
    }

    @Test
    void cancellationAndBadDataAreReported() {
        List<Patch> train = patches(48, 4);
        TrainingConfig cfg = new TrainingConfig(3, 16, 0.01, 0, 0.9, 0, 0, true, 1);
        TrainingListener cancel = new TrainingListener() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(TrainingCancelledException.class, () -> new Trainer(ARCH, cfg).train(train, List.of(), cancel));
        List<Patch> negativesOnly = train.stream().filter(p -> p.label() == 1).toList();
        BadInputException e = assertThrows(BadInputException.class,
                () -> new Trainer(ARCH, cfg).train(negativesOnly, List.of(), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("no positive"), e.getMessage());
        assertThrows(BadInputException.class, () -> new TrainingConfig(0, 16, 0.1, 0, 0.9, 0, 0, true, 1));
    }
}
