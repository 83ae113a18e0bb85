package org.phenoloc.engine.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.cli.ReliabilityTest.Run;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;

/** `train` never loses finished epochs: Ctrl-C keeps a checkpoint, `--resume` continues it, nothing replaces it silently. */
class TrainResumeTest {
    @Test
    void ctrlCKeepsTheEpochsAndResumeFinishesTheTraining(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        RootSystemGenerator.writeDataset(data, 3, new RootSystemConfig(256, 320, 2, 3, 0.5, 0.2, 5));
        Path model = dir.resolve("m.phenoloc");
        Path checkpoint = dir.resolve("m.phenoloc.checkpoint");
        String[] train = {"train", "--data", data.toString(), "--model", model.toString(), "--epochs", "6",
            "--width-scale", "0.125", "--batch", "4", "--crops-per-epoch", "16"};

        Run[] stopped = new Run[1];
        Thread work = new Thread(() -> stopped[0] = ReliabilityTest.run(train));
        work.start();
        while (!Files.exists(checkpoint) && work.isAlive()) {
            Thread.sleep(2);
        }
        Cancellation.onSignal(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)); // Ctrl-C
        work.join();
        stopped[0].expect(130).says("kept: the training up to epoch").says(checkpoint.toString()).says("--resume");
        assertTrue(Files.isRegularFile(checkpoint));
        assertFalse(Files.exists(model));

        ReliabilityTest.run(train).expect(2).says(checkpoint + ": a stopped training of " + model + " (epoch ")
                .says("of 6 done) is kept here: add --resume to continue it, or delete the file to start afresh");
        assertTrue(Files.isRegularFile(checkpoint), "a refused run leaves the checkpoint as it was");

        String[] resume = Stream.concat(Stream.of(train), Stream.of("--resume")).toArray(String[]::new);
        String[] otherSettings = Stream.concat(Stream.of(resume), Stream.of("--lr", "0.002")).toArray(String[]::new);
        ReliabilityTest.run(otherSettings).expect(2).says(checkpoint + ": this checkpoint belongs to a training with other"
                + " images, annotations or settings");
        ReliabilityTest.run(resume).expect(0).says("continuing the training after epoch").says("model written to");
        assertTrue(Files.isRegularFile(model));
        assertFalse(Files.exists(checkpoint), "the model holds it all: the checkpoint is removed");

        Files.delete(model);
        ReliabilityTest.run(resume).expect(0).says("no checkpoint at " + checkpoint + ": a new training");
        assertTrue(Files.isRegularFile(model));
    }

    @Test
    void aSecondTrainingOfTheSameModelIsRefusedWhileTheFirstRuns(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        RootSystemGenerator.writeDataset(data, 3, new RootSystemConfig(256, 320, 2, 3, 0.5, 0.2, 5));
        Path model = dir.resolve("m.phenoloc");
        Process other = new ProcessBuilder("sleep", "60").start(); // stands for a training still running
        try {
            Files.writeString(dir.resolve(".m.phenoloc.lock"), other.pid() + "\n");
            ReliabilityTest.run("train", "--data", data.toString(), "--model", model.toString(), "--epochs", "1")
                    .expect(2).says(model + ": in use by another phenoloc run (process " + other.pid());
        } finally {
            other.destroy();
            other.waitFor();
        }
        assertFalse(Files.exists(model));
        ReliabilityTest.run("train", "--data", data.toString(), "--model", model.toString(), "--epochs", "1",
                "--width-scale", "0.125", "--crops-per-epoch", "16").expect(0).says("taking over the stale lock");
        assertFalse(Files.exists(dir.resolve(".m.phenoloc.lock")), "the lock is released at the end");
    }

    @Test
    void resumeIsForDenseTraining(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        RootSystemGenerator.writeDataset(data, 3, new RootSystemConfig(256, 320, 2, 3, 0.5, 0.2, 5));
        ReliabilityTest.run("train", "--data", data.toString(), "--model", dir.resolve("p.phenoloc").toString(),
                "--method", "patches", "--resume").expect(2).says("--resume continues dense training");
    }
}
