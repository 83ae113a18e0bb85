package org.phenoloc.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.engine.synthetic.SyntheticRootImage;

/** Dense training's checkpoints: a stopped training continued from its checkpoint gives the uninterrupted network. */
class CheckpointTest {
    /** Three epochs with a mining round after the first two, so the checkpoint carries mined negatives. */
    private static final DenseTrainingConfig CONFIG = DenseTrainingConfig.defaults().withCells(4).withCropsPerEpoch(8);
    private static final int EPOCHS = 3;

    @Test
    void aStoppedTrainingContinuedFromItsCheckpointGivesTheUninterruptedNetwork(@TempDir Path dir) {
        DenseTrainer.Result whole = fit(TrainingListener.NONE, DenseCheckpoint.Store.NONE);

        CheckpointFile file = new CheckpointFile(dir.resolve("m.phenoloc.checkpoint"), "training A");
        AtomicInteger epochs = new AtomicInteger();
        TrainingListener stopAfterFirstEpoch = new TrainingListener() {
            @Override
            public void epochDone(EpochStats stats) {
                epochs.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return epochs.get() >= 1; // Ctrl-C during the second epoch
            }
        };
        assertThrows(TrainingCancelledException.class, () -> fit(stopAfterFirstEpoch, file));
        DenseCheckpoint kept = file.resume().orElseThrow();
        assertEquals(1, kept.epoch());
        assertEquals(new CheckpointFile.Summary(1, EPOCHS), CheckpointFile.summary(file.file()));
        assertFalse(kept.mining().hardNegatives().isEmpty(), "the first mining round's negatives are kept");

        DenseTrainer.Result resumed = fit(TrainingListener.NONE, file);
        assertArrayEquals(whole.network().params().toFloatVector(), resumed.network().params().toFloatVector(),
                "continued from the checkpoint, the training ends with the uninterrupted one's network");
        assertEquals(whole.bestEpoch(), resumed.bestEpoch());
        assertEquals(whole.calibration(), resumed.calibration());
        assertEquals(EPOCHS, resumed.history().size());
        for (int e = 0; e < EPOCHS; e++) {
            assertEquals(whole.history().get(e).validationF1(), resumed.history().get(e).validationF1(), 0, "epoch " + (e + 1));
            assertEquals(whole.history().get(e).meanLoss(), resumed.history().get(e).meanLoss(), 0, "epoch " + (e + 1));
        }
        assertEquals(EPOCHS, file.resume().orElseThrow().epoch(), "the last epoch is kept until the model is saved");
    }

    @Test
    void aCheckpointContinuesOnlyTheTrainingThatMadeIt(@TempDir Path dir) {
        Path path = dir.resolve("m.phenoloc.checkpoint");
        fit(TrainingListener.NONE, new CheckpointFile(path, "training A"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> new CheckpointFile(path, "training B").resume());
        assertEquals(path, e.file());
        assertTrue(e.getMessage().contains("other images, annotations or settings"), e.getMessage());
    }

    @Test
    void aCheckpointThatCannotBeWrittenIsAWarningAndTheTrainingGoesOn(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where the checkpoint's folder should be");
        List<String> warnings = new java.util.ArrayList<>();
        DenseTrainer.Result r = fit(TrainingListener.NONE,
                new CheckpointFile(blocker.resolve("m.phenoloc.checkpoint"), "training A", warnings::add));
        assertEquals(EPOCHS, r.history().size());
        assertEquals(EPOCHS, warnings.size(), String.valueOf(warnings));
        assertTrue(warnings.get(0).startsWith("warning: the checkpoint after epoch 1 was not kept ("), warnings.get(0));
        assertTrue(warnings.get(0).contains("m.phenoloc.checkpoint"), warnings.get(0));
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedNamingTheFile(@TempDir Path dir) {
        Path path = dir.resolve("m.phenoloc.checkpoint");
        fit(TrainingListener.NONE, new CheckpointFile(path, "training A"));
        var wider = org.phenoloc.engine.network.Architecture.paperRoot(3).scaled(0.25);
        TrainingConfig tc = new TrainingConfig(EPOCHS, 8, 1e-3, 0, 0.9, 0, 0, true, 9);
        DenseCrops crops = new DenseCrops(wider, DenseTrainingTest.CLASSES, CONFIG, List.of(DenseTrainingTest.synthetic(6)));
        Calibration.Images none = Calibration.Images.none(1.0);
        BadInputException e = assertThrows(BadInputException.class, () -> new DenseTrainer(wider,
                DenseTrainingTest.CLASSES, tc, CONFIG, 16, new double[] {16}, 1.0).fit(crops, none, none,
                        TrainingListener.NONE, new CheckpointFile(path, "training A")));
        assertTrue(e.getMessage().startsWith(path + ": the checkpoint's network has "), e.getMessage());
    }

    @Test
    void anUnreadableCheckpointIsNamedWithTheFix(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("m.phenoloc.checkpoint");
        Files.writeString(path, "not a zip");
        for (var read : List.<org.junit.jupiter.api.function.Executable>of(() -> CheckpointFile.summary(path),
                () -> new CheckpointFile(path, "x").resume())) {
            BadInputException e = assertThrows(BadInputException.class, read);
            assertEquals(path, e.file());
            assertTrue(e.getMessage().contains("delete it to start the training afresh"), e.getMessage());
        }
        assertTrue(new CheckpointFile(dir.resolve("none"), "x").resume().isEmpty(), "no file: nothing to resume");
        assertEquals(dir.resolve("m.phenoloc.checkpoint"), CheckpointFile.beside(dir.resolve("m.phenoloc")));
    }

    @Test
    void aRandomGeneratorsStateRoundTripsAndNothingElseIsRead() throws Exception {
        Random r = new Random(5);
        r.nextGaussian(); // a pending second Gaussian is part of the state
        Random copy = RandomState.load(RandomState.save(r));
        for (int i = 0; i < 5; i++) {
            assertEquals(r.nextGaussian(), copy.nextGaussian());
            assertEquals(r.nextLong(), copy.nextLong());
        }
        java.io.ByteArrayOutputStream other = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(other)) {
            out.writeObject(new java.util.ArrayList<>(List.of(1)));
        }
        assertThrows(java.io.IOException.class, () -> RandomState.load(other.toByteArray()));
    }

    /** Three tiny epochs on a small synthetic root system, validated on another (as DenseTrainingTest's tinyFit). */
    private static DenseTrainer.Result fit(TrainingListener listener, DenseCheckpoint.Store store) {
        TrainingConfig tc = new TrainingConfig(EPOCHS, 8, 1e-3, 0, 0.9, 0, 0, true, 9);
        SyntheticRootImage v = RootSystemGenerator.generate(new RootSystemConfig(160, 160, 1, 1, 0.3, 0.2, 7));
        Calibration.Images val = new Calibration.Images(List.of(v.image()), List.of(v.features()), 1.0);
        DenseCrops crops = new DenseCrops(DenseTrainingTest.ARCH, DenseTrainingTest.CLASSES, CONFIG,
                List.of(DenseTrainingTest.synthetic(6)));
        return new DenseTrainer(DenseTrainingTest.ARCH, DenseTrainingTest.CLASSES, tc, CONFIG, 16, new double[] {16}, 1.0)
                .fit(crops, val, val, listener, store);
    }
}
